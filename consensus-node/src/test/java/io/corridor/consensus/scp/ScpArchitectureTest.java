package io.corridor.consensus.scp;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** SCP is a pure library: it sees only the JDK, the Stellar XDR classes and itself. */
class ScpArchitectureTest {
    static final JavaClasses SCP = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.corridor.consensus.scp");

    @Test
    void dependsOnlyOnJavaStellarXdrAndItself() {
        classes().that().resideInAPackage("io.corridor.consensus.scp")
                .should().onlyDependOnClassesThat()
                .resideInAnyPackage("java..", "org.stellar.sdk.xdr", "io.corridor.consensus.scp")
                .check(SCP);
    }

    @Test
    void knowsNothingOfLedgersContainersOrClocks() {
        noClasses().that().resideInAPackage("io.corridor.consensus.scp")
                .should().dependOnClassesThat()
                .resideInAnyPackage("jakarta..", "javax..", "io.corridor.ledger..", "org.hibernate..",
                        "org.apache.camel..", "org.drools..", "org.kie..")
                .check(SCP);
    }

    @Test
    void getsTimeAndRandomnessOnlyThroughTheDriver() {
        noClasses().that().resideInAPackage("io.corridor.consensus.scp")
                .should().callMethod(System.class, "currentTimeMillis")
                .orShould().callMethod(System.class, "nanoTime")
                .orShould().callConstructor(java.util.Random.class)
                .orShould().dependOnClassesThat().haveFullyQualifiedName("java.time.Clock")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("java.security.SecureRandom")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("java.lang.Thread")
                .check(SCP);
    }
}
