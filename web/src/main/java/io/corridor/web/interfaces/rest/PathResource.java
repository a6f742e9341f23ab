package io.corridor.web.interfaces.rest;

import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.UriInfo;

/**
 * Path finding: {@code /paths/strict-receive} (and its older name {@code /paths}) and
 * {@code /paths/strict-send}. Without an order book the only payments are direct ones, which Horizon does not
 * list as paths, so the answers are empty once the parameters pass Horizon's checks. Path answers are not
 * paged.
 */
@RequestScoped
@Path("/paths")
public class PathResource {

    @Context
    UriInfo uri;

    /** Horizon's first name for strict-receive path finding, still served. */
    @GET
    @Produces(MediaTypes.HAL)
    public String paths(@QueryParam("source_assets") String sourceAssets,
            @QueryParam("source_account") String sourceAccount,
            @QueryParam("destination_account") String destinationAccount,
            @QueryParam("destination_asset_type") String destinationType,
            @QueryParam("destination_asset_code") String destinationCode,
            @QueryParam("destination_asset_issuer") String destinationIssuer,
            @QueryParam("destination_amount") String destinationAmount) {
        return strictReceive("/paths", sourceAssets, sourceAccount, destinationAccount, destinationType,
                destinationCode, destinationIssuer, destinationAmount);
    }

    @GET
    @Path("/strict-receive")
    @Produces(MediaTypes.HAL)
    public String strictReceivePaths(@QueryParam("source_assets") String sourceAssets,
            @QueryParam("source_account") String sourceAccount,
            @QueryParam("destination_account") String destinationAccount,
            @QueryParam("destination_asset_type") String destinationType,
            @QueryParam("destination_asset_code") String destinationCode,
            @QueryParam("destination_asset_issuer") String destinationIssuer,
            @QueryParam("destination_amount") String destinationAmount) {
        return strictReceive("/paths/strict-receive", sourceAssets, sourceAccount, destinationAccount,
                destinationType, destinationCode, destinationIssuer, destinationAmount);
    }

    @GET
    @Path("/strict-send")
    @Produces(MediaTypes.HAL)
    public String strictSendPaths(@QueryParam("destination_account") String destinationAccount,
            @QueryParam("destination_assets") String destinationAssets,
            @QueryParam("source_asset_type") String sourceType,
            @QueryParam("source_asset_code") String sourceCode,
            @QueryParam("source_asset_issuer") String sourceIssuer,
            @QueryParam("source_amount") String sourceAmount) {
        StrictSendPathsQuery query = StrictSendPathsQuery.parse(destinationAccount, destinationAssets,
                AssetParam.of("source", sourceType, sourceCode, sourceIssuer), sourceAmount);
        return MarketPages.paths(new Links(uri), "/paths/strict-send", query.params());
    }

    private String strictReceive(String path, String sourceAssets, String sourceAccount, String destinationAccount,
            String destinationType, String destinationCode, String destinationIssuer, String destinationAmount) {
        StrictReceivePathsQuery query = StrictReceivePathsQuery.parse(sourceAssets, sourceAccount,
                destinationAccount, AssetParam.of("destination", destinationType, destinationCode,
                        destinationIssuer), destinationAmount);
        return MarketPages.paths(new Links(uri), path, query.params());
    }
}
