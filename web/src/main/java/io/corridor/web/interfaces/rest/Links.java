package io.corridor.web.interfaces.rest;

import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.core.UriInfo;

/** HAL links, absolute against the URL the client used. */
final class Links {

    private final String base;

    Links(UriInfo uri) {
        String b = uri.getBaseUri().toString();
        this.base = b.endsWith("/") ? b.substring(0, b.length() - 1) : b;
    }

    JsonObjectBuilder link(String path) {
        return Json.createObjectBuilder().add("href", base + path);
    }

    JsonObjectBuilder templated(String path) {
        return Json.createObjectBuilder().add("href", base + path).add("templated", true);
    }
}
