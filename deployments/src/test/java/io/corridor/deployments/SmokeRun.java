package io.corridor.deployments;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/** Runs the payment scenario against a node that is already running: {@code -Dcorridor.url=http://...}. */
@EnabledIfSystemProperty(named = "corridor.url", matches = ".+")
class SmokeRun {

    @Test
    void paymentScenarioAgainstRunningNode() throws Exception {
        CorridorClient client = new CorridorClient(System.getProperty("corridor.url"));
        HistoryScenario.run(client, PaymentScenario.run(client));
    }
}
