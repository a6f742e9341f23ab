package io.corridor.web.interfaces.rest;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** The Horizon-compatible API is served from the root context, as Horizon serves it. */
@ApplicationPath("/")
public class CorridorApplication extends Application {
}
