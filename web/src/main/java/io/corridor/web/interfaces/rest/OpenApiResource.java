package io.corridor.web.interfaces.rest;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * {@code GET /openapi.json}: the OpenAPI 3.0 description of this API. The document is written by hand in
 * {@value #DOCUMENT}; {@code OpenApiDocumentTest} fails when a resource path is missing from it, so it cannot
 * silently fall behind the code.
 */
@ApplicationScoped
@Path("/openapi.json")
public class OpenApiResource {

    static final String DOCUMENT = "/openapi.json";

    @GET
    @Produces(MediaType.APPLICATION_JSON + "; charset=utf-8")
    public String openApi() {
        return Holder.TEXT;
    }

    /** Read once, on first use. */
    private static final class Holder {
        static final String TEXT = load();
    }

    static String load() {
        try (InputStream in = OpenApiResource.class.getResourceAsStream(DOCUMENT)) {
            if (in == null) {
                throw new IllegalStateException(DOCUMENT + " is missing from the web module");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
