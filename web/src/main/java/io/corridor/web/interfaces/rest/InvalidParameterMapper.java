package io.corridor.web.interfaces.rest;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** A bad parameter is Horizon's 400 {@code bad_request} problem naming the parameter and the reason. */
@Provider
public class InvalidParameterMapper implements ExceptionMapper<InvalidParameter> {

    @Override
    public Response toResponse(InvalidParameter e) {
        return Problem.badRequest(e.field(), e.reason()).getResponse();
    }
}
