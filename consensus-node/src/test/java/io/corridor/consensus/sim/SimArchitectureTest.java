package io.corridor.consensus.sim;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The simulator is pure Java over the SCP library and the FBAS analysis, and deterministic: inside a run
 * nothing reads a clock, starts a thread, uses an unseeded or shared random source, or iterates a hash-ordered
 * collection. Only the batch runner and the command line read the wall clock (to report it) and only the
 * command line draws a random first seed.
 */
class SimArchitectureTest {
    static final JavaClasses SIM = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .withImportOption(location -> !location.asURI().toString().contains("test-classes"))
            .importPackages("io.corridor.consensus.sim");

    @Test
    void dependsOnlyOnJavaStellarXdrScpAndFbas() {
        classes().that().resideInAPackage("io.corridor.consensus.sim")
                .should().onlyDependOnClassesThat()
                .resideInAnyPackage("java..", "org.stellar.sdk.xdr", "io.corridor.consensus.scp",
                        "io.corridor.consensus.fbas", "io.corridor.consensus.sim")
                .check(SIM);
    }

    @Test
    void runsAreDrivenOnlyByTheSeedAndTheVirtualClock() {
        noClasses().that().resideInAPackage("io.corridor.consensus.sim")
                .and().doNotHaveSimpleName("SimulationCli").and().doNotHaveSimpleName("BatchRunner")
                .should().callMethod(System.class, "currentTimeMillis")
                .orShould().callMethod(System.class, "nanoTime")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("java.security.SecureRandom")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("java.time.Instant")
                .check(SIM);
        noClasses().that().resideInAPackage("io.corridor.consensus.sim")
                .should().dependOnClassesThat().haveFullyQualifiedName("java.util.Random")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("java.util.concurrent.ThreadLocalRandom")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("java.lang.Thread")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("java.util.HashMap")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("java.util.HashSet")
                .orShould().callMethod(Math.class, "random")
                .check(SIM);
    }
}
