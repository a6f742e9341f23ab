package io.corridor.consensus.fbas;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * FBAS analysis is a pure core, and the launcher runs FbasCli with the module's own classes as the whole
 * class path: the package may depend on the JDK and on itself only.
 */
class FbasArchitectureTest {

    @Test
    void fbas_package_depends_only_on_the_jdk_and_itself() {
        JavaClasses classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                // Also outside Maven's layout: the tests may use JUnit and AssertJ, the package may not.
                .withImportOption(location -> !location.asURI().toString().contains("test-classes"))
                .importPackages("io.corridor.consensus.fbas");

        noClasses().that().resideInAPackage("io.corridor.consensus.fbas..")
                .should().dependOnClassesThat().resideOutsideOfPackages("java..", "io.corridor.consensus.fbas..")
                .because("FbasCli runs from consensus-node/target/classes alone and the analysis is a pure core")
                .check(classes);
    }
}
