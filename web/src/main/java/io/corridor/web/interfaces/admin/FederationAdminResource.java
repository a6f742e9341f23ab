package io.corridor.web.interfaces.admin;

import io.corridor.federation.Checked;
import io.corridor.federation.FederationDirectory;
import io.corridor.federation.ServedDomains;
import io.corridor.web.interfaces.rest.FederationJson;
import io.corridor.web.interfaces.rest.FederationSettings;
import io.corridor.web.interfaces.rest.Problem;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.util.function.Function;
import java.util.logging.Logger;

/**
 * {@code /admin/federation}: the bank registers ({@code PUT}), removes ({@code DELETE}) and lists ({@code GET})
 * federation addresses. Every request is authenticated first ({@link AdminAuthenticator}); then
 * {@link FederationAdmin} does the work. See docs/FEDERATION.md.
 */
@RequestScoped
@Path("/admin/federation")
public class FederationAdminResource {

    private static final Logger LOG = Logger.getLogger(FederationAdminResource.class.getName());
    private static final String REALM = "Bearer realm=\"corridor-admin\"";

    @EJB
    FederationDirectory directory;

    @Context
    UriInfo uri;

    @PUT
    @Path("{address}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Response register(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @PathParam("address") String address, String body) {
        return authorized(authorization, admin -> admin.register(address, body));
    }

    @DELETE
    @Path("{address}")
    @Produces(MediaType.APPLICATION_JSON)
    public Response remove(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @PathParam("address") String address) {
        return authorized(authorization, admin -> admin.remove(address));
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Response list(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @QueryParam("account_id") String accountId) {
        return authorized(authorization, admin -> admin.list(accountId));
    }

    private Response authorized(String authorization, Function<FederationAdmin, FederationAdmin.Answer> work) {
        AdminAuthenticator authenticator = AdminAuthenticator.fromProperties(System::getProperty);
        switch (authenticator.verify(authorization)) {
            case DISABLED:
                return send(FederationAdmin.Answer.of(503, FederationJson.problem(503, "service_unavailable",
                        "Service Unavailable", authenticator.disabledReason(), null)));
            case NO_CREDENTIALS:
                return unauthorized(REALM, "This request needs the node's admin token: Authorization: Bearer <token>.");
            case INVALID_TOKEN:
                LOG.warning(() -> "admin API: refused a request to " + uri.getPath() + " with an invalid bearer token");
                return unauthorized(REALM + ", error=\"invalid_token\"", "The bearer token is not this node's admin "
                        + "token.");
            case GRANTED:
                break;
            default:
                throw new IllegalStateException("unhandled verdict");
        }
        Checked<ServedDomains> served = FederationSettings.servedDomains();
        if (!served.isValid()) {
            return send(FederationAdmin.Answer.of(503, FederationJson.problem(503, "service_unavailable",
                    "Service Unavailable", "Federation is not configured correctly on this node: " + served.error(),
                    null)));
        }
        return send(work.apply(new FederationAdmin(directory, served.value())));
    }

    private static Response unauthorized(String challenge, String detail) {
        return Response.status(401)
                .type(Problem.MEDIA_TYPE)
                .header(HttpHeaders.WWW_AUTHENTICATE, challenge)
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .entity(FederationJson.problem(401, "unauthorized", "Unauthorized", detail, null).toString())
                .build();
    }

    private Response send(FederationAdmin.Answer answer) {
        Response.ResponseBuilder response = Response.status(answer.status())
                .header(HttpHeaders.CACHE_CONTROL, "no-store");
        if (answer.body() != null) {
            response.type(answer.status() < 300 ? MediaType.APPLICATION_JSON + "; charset=utf-8" : Problem.MEDIA_TYPE)
                    .entity(answer.body().toString());
        }
        if (answer.location() != null) {
            response.location(URI.create(uri.getBaseUri().toString().replaceAll("/$", "") + "/" + answer.location()));
        }
        return response.build();
    }
}
