package io.corridor.web.interfaces.rest;

import io.corridor.federation.Checked;
import io.corridor.federation.FederationDirectory;
import io.corridor.federation.ServedDomains;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * {@code GET /federation}: the node's SEP-2 federation server (see docs/FEDERATION.md and
 * {@link FederationLookup}). Answers are never cached, as SEP-2 asks; CORS is added to every response.
 */
@RequestScoped
@Path("/federation")
public class FederationResource {

    @EJB
    FederationDirectory directory;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Response federation(@QueryParam("q") String q, @QueryParam("type") String type,
            @QueryParam("forward_type") String forwardType, @QueryParam("swift") String swift,
            @QueryParam("acct") String acct) {
        Checked<ServedDomains> served = FederationSettings.servedDomains();
        if (!served.isValid()) {
            return send(503, FederationJson.withSep2Error(FederationJson.problem(503, "service_unavailable",
                    "Service Unavailable", "Federation is not configured correctly on this node.", null),
                    "federation is not configured correctly on this node"));
        }
        FederationLookup.Answer answer = new FederationLookup(directory, served.value())
                .answer(q, type, forwardType, swift, acct);
        return send(answer.status(), answer.body());
    }

    private static Response send(int status, jakarta.json.JsonObject body) {
        return Response.status(status)
                .type(status == 200 ? MediaType.APPLICATION_JSON + "; charset=utf-8" : Problem.MEDIA_TYPE)
                .header("Cache-Control", "no-store")
                .entity(body.toString())
                .build();
    }
}
