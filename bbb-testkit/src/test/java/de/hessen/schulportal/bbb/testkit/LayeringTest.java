// SPDX-License-Identifier: Apache-2.0
package de.hessen.schulportal.bbb.testkit;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The testkit's layering: the public package (facade and snapshot values) uses the internal
 * mechanism, never the reverse, and the testkit does not depend on the client it judges.
 */
class LayeringTest {
    // The module's own classes only: scanning the whole class path would cost seconds.
    private static final JavaClasses TESTKIT = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPath(java.nio.file.Path.of(LayeringTest.class.getProtectionDomain().getCodeSource().getLocation()
                    .getPath()).resolveSibling("classes"));

    @Test
    void internal_doesNotDependOnThePublicPackage() {
        noClasses().that().resideInAPackage("..testkit.internal..")
                .should().dependOnClassesThat().resideInAPackage("de.hessen.schulportal.bbb.testkit")
                .check(TESTKIT);
    }

    @Test
    void noPackageCycles() {
        slices().matching("de.hessen.schulportal.bbb.testkit.(**)").should().beFreeOfCycles().check(TESTKIT);
    }

    @Test
    void testkit_judgesRequestsWithoutTheClient() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("de.hessen.schulportal.bbb.client..",
                "de.hessen.schulportal.bbb.portal..").check(TESTKIT);
    }
}
