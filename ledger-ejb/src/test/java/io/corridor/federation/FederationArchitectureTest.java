package io.corridor.federation;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.Random;

/**
 * The federation domain is pure Java (docs/STYLE.md): no container or framework types, nothing of the ledger's
 * packages (storage reaches it through the {@link FederationDirectory} port), no clock and no randomness.
 */
@AnalyzeClasses(packages = "io.corridor.federation", importOptions = ImportOption.DoNotIncludeTests.class)
class FederationArchitectureTest {

    @ArchTest
    static final ArchRule federationUsesNoContainerOrFrameworkTypes = noClasses()
            .that().resideInAPackage("io.corridor.federation..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "jakarta..", "javax.persistence..", "org.hibernate..", "org.apache.camel..", "org.drools..",
                    "org.kie..")
            .because("federation rules are plain Java; JPA and JAX-RS are adapters around them");

    @ArchTest
    static final ArchRule federationDependsOnNoLedgerPackage = noClasses()
            .that().resideInAPackage("io.corridor.federation..")
            .should().dependOnClassesThat().resideInAPackage("io.corridor.ledger..")
            .because("adapters depend on the federation port, not the other way round");

    @ArchTest
    static final ArchRule federationReadsNoClockAndMakesNoRandomness = noClasses()
            .that().resideInAPackage("io.corridor.federation..")
            .should().callMethod(System.class, "currentTimeMillis")
            .orShould().callMethod(LocalDateTime.class, "now")
            .orShould().callMethod(Instant.class, "now")
            .orShould().callConstructor(Random.class)
            .because("validation is a function of its input");
}
