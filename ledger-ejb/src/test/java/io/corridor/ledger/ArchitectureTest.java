package io.corridor.ledger;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import io.corridor.ledger.core.WallClockAndRandomnessSample;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The module's boundaries (docs/STYLE.md): the core and the application layer are pure Java, dependencies point
 * inward (infrastructure → application → core), and the core takes time and randomness from its callers.
 */
@AnalyzeClasses(packages = "io.corridor.ledger", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    private static final String CORE = "io.corridor.ledger.core..";
    private static final String APPLICATION = "io.corridor.ledger.application..";
    private static final String INFRASTRUCTURE = "io.corridor.ledger.infrastructure..";

    @ArchTest
    static final ArchRule coreAndApplicationUseNoContainerOrFrameworkTypes = noClasses()
            .that().resideInAnyPackage(CORE, APPLICATION)
            .should().dependOnClassesThat().resideInAnyPackage(
                    "jakarta..", "javax.persistence..", "org.hibernate..", "org.apache.camel..", "org.drools..",
                    "org.kie..")
            .because("ledger rules must be simulated and proven in plain Java; container code is a thin adapter");

    @ArchTest
    static final ArchRule coreDependsOnNeitherApplicationNorInfrastructure = noClasses()
            .that().resideInAPackage(CORE)
            .should().dependOnClassesThat().resideInAnyPackage(APPLICATION, INFRASTRUCTURE)
            .because("dependencies point inward");

    @ArchTest
    static final ArchRule applicationDoesNotDependOnInfrastructure = noClasses()
            .that().resideInAPackage(APPLICATION)
            .should().dependOnClassesThat().resideInAPackage(INFRASTRUCTURE)
            .because("the application reaches storage and scheduling through ports");

    @ArchTest
    static final ArchRule coreReadsNoWallClockAndMakesNoUnseededRandomness = noClasses()
            .that().resideInAPackage(CORE)
            .should().callMethod(System.class, "currentTimeMillis")
            .orShould().callMethod(LocalDateTime.class, "now")
            .orShould().callMethod(LocalDateTime.class, "now", ZoneId.class)
            .orShould().callMethod(Instant.class, "now")
            .orShould().callConstructor(Random.class)
            .orShould().callConstructor(Random.class, long.class)
            .because("a ledger close must be deterministic: time and randomness are injected");

    @Test
    void determinismRuleCatchesEachForbiddenCall() {
        JavaClasses sample = new ClassFileImporter().importClasses(WallClockAndRandomnessSample.class);

        EvaluationResult result = coreReadsNoWallClockAndMakesNoUnseededRandomness.evaluate(sample);

        assertThat(result.hasViolation()).isTrue();
        assertThat(result.getFailureReport().getDetails())
                .hasSize(4)
                .anySatisfy(d -> assertThat(d).contains("System.currentTimeMillis()"))
                .anySatisfy(d -> assertThat(d).contains("Instant.now()"))
                .anySatisfy(d -> assertThat(d).contains("LocalDateTime.now()"))
                .anySatisfy(d -> assertThat(d).contains("Random.<init>()"));
    }
}
