package io.corridor.deployments;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import org.jboss.arquillian.container.test.api.ContainerController;
import org.jboss.arquillian.container.test.api.Deployer;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Container contract of the ledger: the EAR deploys to the provisioned WildFly, JPA maps the ledger on
 * the configured database (H2 by default, PostgreSQL with {@code -Pit-postgresql}), payments settle, and
 * after the server restarts the node resumes from its last closed ledger with every balance intact.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class LedgerRestartIT {

    private static final String CONTAINER = "wildfly";
    private static final String DEPLOYMENT = "corridor";
    private static final Duration SERVE_TIMEOUT = Duration.ofSeconds(120);

    @ArquillianResource
    private ContainerController controller;

    @ArquillianResource
    private Deployer deployer;

    @Deployment(name = DEPLOYMENT, managed = false, testable = false)
    static EnterpriseArchive ear() {
        return ShrinkWrap.createFromZipFile(EnterpriseArchive.class,
                new File(System.getProperty("corridor.it.ear")));
    }

    @Test
    void paymentsSettleAndSurviveARestart() throws Exception {
        String url = System.getProperty("corridor.it.url");
        controller.start(CONTAINER);
        try {
            deployer.deploy(DEPLOYMENT);
            CorridorClient client = awaitServing(url);
            PaymentScenario.Outcome paid = HistoryScenario.run(client, PaymentScenario.run(client));
            AnchorScenario.run(client);
            EffectsScenario.run(client);
            MarketScenario.run(client);
            // Every resource's JSON, field by field, against Horizon's documented shapes.
            ShapeScenario.run(client);
            FederationScenario.run(client, System.getProperty("corridor.it.admin.token"));
            // The same node through the official JS SDK (npm), as wallets and explorers use it.
            JsSdkSuite.run(url, System.getProperty("corridor.it.admin.token"));
            // The later scenarios fund their accounts from the root: its balance to find after the restart.
            PaymentScenario.Outcome outcome = paid.withRootBalance(client.balance(client.root));
            long ledgerBeforeStop = client.latestLedger();

            controller.stop(CONTAINER);
            controller.start(CONTAINER);

            CorridorClient afterRestart = awaitServing(url);
            assertThat(afterRestart.latestLedger()).isGreaterThanOrEqualTo(ledgerBeforeStop);
            PaymentScenario.verifyIntact(afterRestart, outcome);
            deployer.undeploy(DEPLOYMENT);
        } finally {
            controller.stop(CONTAINER);
        }
    }

    /** The deployment starts the node asynchronously to the management operation: wait for the API. */
    static CorridorClient awaitServing(String url) throws IOException, InterruptedException {
        Instant deadline = Instant.now().plus(SERVE_TIMEOUT);
        IOException last = null;
        while (Instant.now().isBefore(deadline)) {
            try {
                CorridorClient probe = new CorridorClient(url);
                HttpResponse<String> root = probe.get("/");
                if (root.statusCode() == 200) {
                    return probe;
                }
            } catch (IOException e) {
                last = e;
            }
            Thread.sleep(500);
        }
        throw new AssertionError("node at " + url + " did not serve GET / within " + SERVE_TIMEOUT, last);
    }
}
