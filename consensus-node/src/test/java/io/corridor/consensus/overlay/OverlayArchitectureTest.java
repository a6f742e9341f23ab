package io.corridor.consensus.overlay;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The overlay is a pure core: the JDK, the SDK's strkey codec and itself; it knows nothing of SCP or the herder. */
class OverlayArchitectureTest {
    private static final JavaClasses OVERLAY = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .withImportOption(location -> !location.asURI().toString().contains("test-classes"))
            .importPackages("io.corridor.consensus.overlay");

    @Test
    void depends_only_on_the_jdk_strkey_and_itself() {
        classes().that().resideInAPackage("io.corridor.consensus.overlay")
                .should().onlyDependOnClassesThat(com.tngtech.archunit.base.DescribedPredicate.describe(
                        "java.*, javax.crypto.*, org.stellar.sdk.StrKey or the overlay",
                        c -> c.getPackageName().startsWith("java.") || c.getPackageName().startsWith("javax.crypto")
                                || c.getName().equals("org.stellar.sdk.StrKey")
                                || c.getPackageName().equals("io.corridor.consensus.overlay")))
                .check(OVERLAY);
    }

    @Test
    void never_uses_the_sdk_key_pair_whose_eddsa_library_this_module_excludes() {
        noClasses().that().resideInAPackage("io.corridor.consensus.overlay")
                .should().dependOnClassesThat().haveFullyQualifiedName("org.stellar.sdk.KeyPair")
                .check(OVERLAY);
    }
}
