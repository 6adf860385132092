// SPDX-License-Identifier: Apache-2.0
package de.hessen.schulportal.bbb.client.architecture;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.assignableTo;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.simpleName;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.type;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.ArchConfiguration;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import de.hessen.schulportal.bbb.client.BbbException;
import de.hessen.schulportal.bbb.client.ChecksumAlgorithm;
import de.hessen.schulportal.bbb.client.internal.ValueType;
import java.nio.file.Paths;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The package layering of bbb-client (ARCHITECTURE.md): packages point one way, value packages
 * &larr; mechanism &larr; facade. {@code internal} is pure mechanism and uses nothing else of ours;
 * the value packages ({@code meeting}, {@code recording}, {@code hook}, {@code event},
 * {@code request} with the requests' common base, and the transport SPI {@code transport}) use only
 * each other and {@code internal}; the {@code callback} package (inbound verification) may use the
 * facade's exceptions and {@code ChecksumAlgorithm}, never the clients, and the facade never uses it; and no
 * package cycle exists anywhere.
 */
class LayeringTest {
    private static final String ROOT = "de.hessen.schulportal.bbb.client";
    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        // Only the module's own compiled classes: scanning the class path (WireMock's shaded jar)
        // would cost seconds, and the rules are about our packages only.
        ArchConfiguration.get().setResolveMissingDependenciesFromClassPath(false);
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPath(Paths.get("target/classes"));
        assertThat(classes.containPackage(ROOT + ".internal")).isTrue();
    }

    @Test
    void packages_haveNoCycles() {
        slices().matching(ROOT + ".(*)..").should().beFreeOfCycles().check(classes);
        slices().matching(ROOT + ".(**)").should().beFreeOfCycles().check(classes);
    }

    @Test
    void internal_dependsOnNothingElseOfOurs() {
        noClasses().that().resideInAPackage(ROOT + ".internal..")
                .should().dependOnClassesThat().resideInAnyPackage(ROOT, ROOT + ".meeting..", ROOT + ".recording..",
                        ROOT + ".hook..", ROOT + ".callback..", ROOT + ".event..", ROOT + ".request..",
                        ROOT + ".transport..")
                .check(classes);
    }

    @Test
    void valuePackages_neverReachTheFacadeOrTheCallbacks() {
        noClasses().that().resideInAnyPackage(ROOT + ".meeting..", ROOT + ".recording..", ROOT + ".hook..",
                        ROOT + ".event..", ROOT + ".request..", ROOT + ".transport..")
                .should().dependOnClassesThat().resideInAnyPackage(ROOT, ROOT + ".callback..")
                .check(classes);
    }

    @Test
    void facade_neverUsesTheCallbackPackage() {
        noClasses().that().resideInAPackage(ROOT)
                .should().dependOnClassesThat().resideInAPackage(ROOT + ".callback..")
                .check(classes);
    }

    @Test
    void callbacks_useOfTheFacadePackageOnlyItsExceptionsAndChecksumAlgorithm() {
        // The callback package is mechanism: it never reaches the clients (a confirmation takes a
        // function, e.g. bbb::getMeetingInfo), only the exception root and the algorithm enum.
        noClasses().that().resideInAPackage(ROOT + ".callback..")
                .should().dependOnClassesThat(resideInAPackage(ROOT).and(not(assignableTo(BbbException.class)))
                        .and(not(type(ChecksumAlgorithm.class))))
                .check(classes);
    }

    @Test
    void valueTypes_doNotParse() {
        // Value types are data: reading answers and callbacks is the mappers' job.
        noClasses().that().areAnnotatedWith(ValueType.class)
                .should().dependOnClassesThat(resideInAPackage("tools.jackson..")
                        .or(simpleName("Callbacks")).or(simpleName("CallbackSupport")).or(simpleName("Nodes"))
                        .or(simpleName("AnswerParser")))
                .check(classes);
    }

    @Test
    void noReflectiveRegistries() {
        noClasses().that().resideInAPackage(ROOT + "..")
                .should().callMethod(Class.class, "forName", String.class)
                .orShould().callMethod(Class.class, "forName", String.class, boolean.class, ClassLoader.class)
                .check(classes);
    }
}
