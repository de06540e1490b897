package io.tvbridge.core.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The layers of core, kept so: values at the bottom, the store and the account below the engine,
 * the services above it, and no cycle between any two packages.
 */
class LayersTest {
    private static final JavaClasses CORE = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.tvbridge.core");

    @Test
    void noPackageOfCoreDependsOnItselfThroughAnother() {
        slices().matching("io.tvbridge.core.(**)").should().beFreeOfCycles().check(CORE);
    }

    @Test
    void theSharedValuesDependOnNothingAboveThem() {
        noClasses().that().resideInAPackage("io.tvbridge.core.model..")
                .should().dependOnClassesThat().resideInAnyPackage("io.tvbridge.core.store..",
                        "io.tvbridge.core.risk..", "io.tvbridge.core.order..", "io.tvbridge.core.signal..",
                        "io.tvbridge.core.settings..")
                .check(CORE);
    }

    @Test
    void theStoreKnowsNothingOfTheEngine() {
        noClasses().that().resideInAPackage("io.tvbridge.core.store..")
                .should().dependOnClassesThat().resideInAnyPackage("io.tvbridge.core.risk..",
                        "io.tvbridge.core.order..", "io.tvbridge.core.signal..", "io.tvbridge.core.reconcile..")
                .check(CORE);
    }

    @Test
    void onlyTheMyBatisAdapterSpeaksMyBatis() {
        noClasses().that().resideOutsideOfPackage("io.tvbridge.core.store.mybatis..")
                .should().dependOnClassesThat().resideInAPackage("org.apache.ibatis..")
                .check(CORE);
    }
}
