package io.corridor.consensus.herder;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The herder knows the ledger only through {@link LedgerPort}, peers only through {@link PeerNetwork}, and time only
 * through {@link HerderExecutor}: it depends on the JDK, the SDK's XDR classes, SCP, the FBAS analysis and the
 * overlay's message kinds and keys, never on the wall clock outside {@link ThreadHerderExecutor}.
 */
class HerderArchitectureTest {
    private static final JavaClasses HERDER = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .withImportOption(location -> !location.asURI().toString().contains("test-classes"))
            .importPackages("io.corridor.consensus.herder");

    @Test
    void dependsOnlyOnTheJdkXdrScpFbasAndTheOverlaysKindsAndKeys() {
        classes().that().resideInAPackage("io.corridor.consensus.herder")
                .should().onlyDependOnClassesThat(DescribedPredicate.describe(
                        "java.*, org.stellar.sdk.xdr.*, scp, fbas, overlay.MessageKind/NodeKey or the herder",
                        c -> c.getPackageName().startsWith("java.")
                                || c.getPackageName().equals("org.stellar.sdk.xdr")
                                || c.getPackageName().equals("io.corridor.consensus.scp")
                                || c.getPackageName().equals("io.corridor.consensus.fbas")
                                || c.getName().equals("io.corridor.consensus.overlay.MessageKind")
                                || c.getName().equals("io.corridor.consensus.overlay.NodeKey")
                                || c.getPackageName().equals("io.corridor.consensus.herder")))
                .check(HERDER);
    }

    @Test
    void readsTimeOnlyThroughItsExecutor() {
        noClasses().that().resideInAPackage("io.corridor.consensus.herder")
                .and().doNotHaveSimpleName("ThreadHerderExecutor")
                .should().callMethod(System.class, "currentTimeMillis")
                .orShould().callMethod(System.class, "nanoTime")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("java.time.Clock")
                .check(HERDER);
    }
}
