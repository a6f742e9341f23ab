package io.corridor.web.interfaces.rest;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.ext.Provider;

/**
 * Horizon decides between a JSON answer and an event stream by whether the client asks for
 * {@code text/event-stream}. JAX-RS would also pick the stream for {@code Accept: *}{@code /*} (which the
 * SDKs send), so anything that does not ask for a stream is answered as JSON (or, for the few plain-text
 * resources such as {@code stellar.toml}, as text).
 */
@Provider
@PreMatching
public class AcceptNegotiation implements ContainerRequestFilter {

    @Override
    public void filter(ContainerRequestContext request) {
        String accept = request.getHeaderString(HttpHeaders.ACCEPT);
        if (accept == null || !accept.contains("text/event-stream")) {
            // JSON first; other types (stellar.toml's text/plain) still match; a stream only as a last resort,
            // which never wins over a JSON method on the same path.
            request.getHeaders().putSingle(HttpHeaders.ACCEPT, "application/hal+json, text/plain, */*;q=0.01");
        }
    }
}
