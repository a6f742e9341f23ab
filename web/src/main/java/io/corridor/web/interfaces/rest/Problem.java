package io.corridor.web.interfaces.rest;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;

/**
 * Horizon's error body ({@code application/problem+json}): {@code type}, {@code title}, {@code status},
 * {@code detail} and optional {@code extras}. Types are Horizon's URLs, which the SDKs recognise.
 */
public final class Problem extends WebApplicationException {

    private static final long serialVersionUID = 1L;
    public static final String MEDIA_TYPE = "application/problem+json; charset=utf-8";
    private static final String TYPE_BASE = "https://stellar.org/horizon-errors/";

    private Problem(Response response) {
        super(response);
    }

    public static Response response(int status, String type, String title, String detail, JsonObject extras) {
        JsonObjectBuilder body = Json.createObjectBuilder()
                .add("type", TYPE_BASE + type)
                .add("title", title)
                .add("status", status)
                .add("detail", detail);
        if (extras != null) {
            body.add("extras", extras);
        }
        return Response.status(status).type(MEDIA_TYPE).entity(body.build().toString()).build();
    }

    public static Problem notFound() {
        return new Problem(notFoundResponse());
    }

    public static Response notFoundResponse() {
        return response(404, "not_found", "Resource Missing",
                "The resource at the url requested was not found.  This usually occurs for one of two reasons:  "
                        + "The url requested is not valid, or no data in our database could be found with the "
                        + "parameters provided.", null);
    }

    /**
     * Horizon's {@code before_history} (410 Gone): the request asks for history older than the node keeps (see
     * {@link HistoryBounds}, which throws {@link BeforeHistory}).
     */
    public static Problem beforeHistory() {
        return new Problem(response(BeforeHistory.STATUS, BeforeHistory.TYPE, BeforeHistory.TITLE,
                BeforeHistory.DETAIL, null));
    }

    /** A request parameter that is missing or malformed; {@code field} names it. */
    public static Problem badRequest(String field, String reason) {
        return new Problem(response(400, "bad_request", "Bad Request",
                "The request you sent was invalid in some way.",
                Json.createObjectBuilder().add("invalid_field", field).add("reason", reason).build()));
    }
}
