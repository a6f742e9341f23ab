package io.corridor.web.interfaces.rest;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** History the node no longer keeps is Horizon's 410 {@code before_history} problem. */
@Provider
public class BeforeHistoryMapper implements ExceptionMapper<BeforeHistory> {

    @Override
    public Response toResponse(BeforeHistory e) {
        return Problem.beforeHistory().getResponse();
    }
}
