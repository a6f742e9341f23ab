package io.corridor.web.interfaces.rest;

import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/** Every error leaves as {@code application/problem+json}; nothing internal reaches the client. */
public final class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class.getName());

    private ProblemMappers() {
    }

    @Provider
    public static class NotFound implements ExceptionMapper<NotFoundException> {
        @Override
        public Response toResponse(NotFoundException e) {
            return Problem.notFoundResponse();
        }
    }

    @Provider
    public static class WebApplication implements ExceptionMapper<WebApplicationException> {
        @Override
        public Response toResponse(WebApplicationException e) {
            Response original = e.getResponse();
            if (original.getMediaType() != null && original.getMediaType().toString().startsWith("application/problem")) {
                return original;
            }
            int status = original.getStatus();
            if (e instanceof NotAllowedException) {
                return Problem.response(405, "method_not_allowed", "Method Not Allowed",
                        "This endpoint does not support the request method you used.", null);
            }
            if (status >= 500) {
                return unexpected(e);
            }
            return switch (status) {
                case 404 -> Problem.notFoundResponse();
                case 406 -> Problem.response(406, "not_acceptable", "Not Acceptable",
                        "The Accept header of your request asks for a representation this endpoint cannot give.", null);
                case 415 -> Problem.response(415, "unsupported_media_type", "Unsupported Media Type",
                        "The request has an unsupported content type. Presently, the only supported content type is "
                                + "application/x-www-form-urlencoded.", null);
                default -> Problem.response(status, "bad_request", "Bad Request",
                        "The request you sent was invalid in some way: " + original.getStatusInfo().getReasonPhrase(), null);
            };
        }
    }

    @Provider
    public static class Unexpected implements ExceptionMapper<Throwable> {
        @Override
        public Response toResponse(Throwable e) {
            return unexpected(e);
        }
    }

    /** Logs the failure with an id the client can quote; the client sees only the id. */
    static Response unexpected(Throwable e) {
        String incident = UUID.randomUUID().toString();
        LOG.log(Level.SEVERE, "request failed, incident " + incident, e);
        return Problem.response(500, "server_error", "Internal Server Error",
                "An error occurred while processing this request. This is usually due to a bug within the server "
                        + "software. Quote incident " + incident + " when reporting it.",
                jakarta.json.Json.createObjectBuilder().add("incident", incident).build());
    }
}
