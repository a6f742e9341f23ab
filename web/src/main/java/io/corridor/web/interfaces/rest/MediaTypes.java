package io.corridor.web.interfaces.rest;

/** Media types of the API, as Horizon sends them. */
final class MediaTypes {

    static final String HAL = "application/hal+json; charset=utf-8";

    private MediaTypes() {
    }
}
