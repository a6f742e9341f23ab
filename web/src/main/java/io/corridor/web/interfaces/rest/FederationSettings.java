package io.corridor.web.interfaces.rest;

import io.corridor.federation.Checked;
import io.corridor.federation.ServedDomains;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;
import java.util.logging.Logger;

/**
 * The node's federation settings, read from the system properties on every request so that a corrected setting
 * needs no redeployment. A wrong setting is logged once per distinct value, not on every request.
 */
public final class FederationSettings {

    private static final Logger LOG = Logger.getLogger(FederationSettings.class.getName());
    private static final AtomicReference<String> REPORTED = new AtomicReference<>();

    private FederationSettings() {
    }

    /** The domains of {@value ServedDomains#PROPERTY}, or why the setting is wrong. */
    public static Checked<ServedDomains> servedDomains() {
        String configured = System.getProperty(ServedDomains.PROPERTY);
        Checked<ServedDomains> served = ServedDomains.parse(configured);
        if (!served.isValid() && !Objects.equals(REPORTED.getAndSet(configured), configured)) {
            LOG.severe(() -> "federation is unavailable until the setting is corrected: " + served.error());
        }
        return served;
    }
}
