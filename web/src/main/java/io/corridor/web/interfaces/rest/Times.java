package io.corridor.web.interfaces.rest;

import java.time.Instant;
import java.time.format.DateTimeFormatter;

/** Horizon's timestamps: ISO-8601 UTC to the second, e.g. {@code 2026-11-21T20:44:00Z}. */
final class Times {

    private Times() {
    }

    static String iso(long epochSeconds) {
        return DateTimeFormatter.ISO_INSTANT.format(Instant.ofEpochSecond(epochSeconds));
    }
}
