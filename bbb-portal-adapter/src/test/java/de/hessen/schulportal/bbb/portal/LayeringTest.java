// SPDX-License-Identifier: Apache-2.0
package de.hessen.schulportal.bbb.portal;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** Issue 13: the adapter's packages point one way, and it uses only the client's published API. */
class LayeringTest {
    private static final JavaClasses ADAPTER = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("de.hessen.schulportal.bbb.portal");

    @Test
    void portal_neverDependsOnItsMoodlePackage() {
        // portal.moodle builds on portal; the reverse would close a cycle.
        noClasses().that().resideInAPackage("de.hessen.schulportal.bbb.portal")
                .should().dependOnClassesThat().resideInAPackage("de.hessen.schulportal.bbb.portal.moodle..")
                .check(ADAPTER);
    }

    @Test
    void packages_areFreeOfCycles() {
        // One slice per package, the root package included: "portal.(*).." would leave the root out,
        // and a cycle between it and record, retention or audit would pass.
        slices().matching("de.hessen.schulportal.bbb.(**)").should().beFreeOfCycles().check(ADAPTER);
    }

    @Test
    void adapter_usesOnlyTheClientsExportedApi() {
        noClasses().should().dependOnClassesThat().resideInAPackage("de.hessen.schulportal.bbb.client.internal..")
                .check(ADAPTER);
    }

    @Test
    void adapter_neverDependsOnTheTestkit() {
        noClasses().should().dependOnClassesThat().resideInAPackage("de.hessen.schulportal.bbb.testkit..")
                .check(ADAPTER);
    }
}
