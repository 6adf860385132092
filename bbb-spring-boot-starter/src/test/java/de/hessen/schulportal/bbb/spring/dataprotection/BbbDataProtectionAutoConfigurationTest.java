// SPDX-License-Identifier: Apache-2.0
package de.hessen.schulportal.bbb.spring.dataprotection;

import static org.assertj.core.api.Assertions.assertThat;

import de.hessen.schulportal.bbb.portal.JoinOutcome;
import de.hessen.schulportal.bbb.portal.Person;
import de.hessen.schulportal.bbb.portal.Relation;
import de.hessen.schulportal.bbb.portal.Room;
import de.hessen.schulportal.bbb.portal.RoomKind;
import de.hessen.schulportal.bbb.portal.School;
import de.hessen.schulportal.bbb.portal.SchoolConferences;
import de.hessen.schulportal.bbb.portal.SchoolRole;
import de.hessen.schulportal.bbb.portal.audit.AuditEvent;
import de.hessen.schulportal.bbb.portal.audit.AuditListener;
import de.hessen.schulportal.bbb.portal.retention.RecordingRetention;
import de.hessen.schulportal.bbb.portal.retention.RetentionPolicy;
import de.hessen.schulportal.bbb.portal.retention.RetentionReport;
import de.hessen.schulportal.bbb.spring.BbbAutoConfiguration;
import de.hessen.schulportal.bbb.spring.TestServers;
import de.hessen.schulportal.bbb.spring.actuate.BbbSanitizingAutoConfiguration;
import de.hessen.schulportal.bbb.testkit.BbbSimulator;
import de.hessen.schulportal.bbb.testsupport.Secrets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;
import org.springframework.boot.actuate.endpoint.SanitizableData;
import org.springframework.boot.actuate.endpoint.SanitizingFunction;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

class BbbDataProtectionAutoConfigurationTest {
    private static BbbSimulator sim;
    private static final School SCHOOL = School.of("6021");
    private static final Room LESSON = Room.of(SCHOOL, "kurs-7b-mathe", RoomKind.LESSON, "Klasse 7b");
    private static final Person PARENT = Person.builder("aylin.yilmaz@example.org", SchoolRole.PARENT, Relation.MEMBER)
            .firstName("Aylin").lastName("Yilmaz").build();

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(BbbAutoConfiguration.class, BbbDataProtectionAutoConfiguration.class))
            .withPropertyValues("bbb.url=" + "http://127.0.0.1:1/bigbluebutton/", "bbb.secret=" + Secrets.SECRET,
                    "bbb.portal.pseudonym-key=" + TestServers.PSEUDONYM_KEY);

    @BeforeAll
    static void start() {
        sim = TestServers.simulator();
    }

    @AfterAll
    static void stop() {
        sim.close();
    }

    @Test
    void byDefault_auditOn_retentionOff_recordEndpointPresentButOffByAccess() {
        runner.run(ctx -> {
            assertThat(ctx).hasNotFailed().hasSingleBean(AuditListener.class).doesNotHaveBean(RecordingRetention.class)
                    .doesNotHaveBean(BbbRetentionSchedule.class).hasSingleBean(BbbRecordEndpoint.class);
            // A refused join makes no call, and still reaches the audit logger's listener.
            assertThat(ctx.getBean(SchoolConferences.class).join(LESSON, PARENT).kind()).isEqualTo(JoinOutcome.Kind.DENIED);
            BbbRecordEndpoint record = ctx.getBean(BbbRecordEndpoint.class);
            assertThat(record.html("de")).startsWith("<!DOCTYPE html>").contains("Verzeichnis von Verarbeitungstätigkeiten")
                    .contains("BigBlueButton (127.0.0.1)").contains("keine automatische Löschung konfiguriert");
            assertThat(record.markdown("en", "markdown")).startsWith("# Record of processing activities");
        });
    }

    @Test
    void auditEvents_reachTheListenerTheAdapterWasBuiltWith() {
        List<AuditEvent> events = new CopyOnWriteArrayList<>();
        runner.withBean(AuditListener.class, () -> events::add).run(ctx -> {
            ctx.getBean(SchoolConferences.class).join(LESSON, PARENT);
            assertThat(events).singleElement().satisfies(e -> {
                assertThat(e.name()).isEqualTo(AuditEvent.JOIN_REFUSED);
                assertThat(e.toLine()).doesNotContain("aylin").doesNotContain("Yilmaz").doesNotContain("6021");
            });
        });
        runner.withPropertyValues("bbb.audit.enabled=false").run(ctx -> assertThat(ctx).doesNotHaveBean(AuditListener.class));
    }

    @Test
    void retentionEnabled_schedulesTheJob_dryRunUnlessApply_periodsInTheRecord() {
        runner.withPropertyValues("bbb.url=" + sim.baseUrl(), "bbb.retention.enabled=true", "bbb.retention.schools=6021,6022",
                "bbb.retention.periods.conference=30d", "bbb.retention.periods.lesson=14d").run(ctx -> {
                    assertThat(ctx).hasNotFailed().hasSingleBean(RecordingRetention.class).hasSingleBean(BbbRetentionSchedule.class);
                    assertThat(ctx.getBean(RetentionPolicy.class).period(RoomKind.LESSON)).isEqualTo(Duration.ofDays(14));
                    assertThat(ctx.getBean(RetentionPolicy.class).period(RoomKind.TUTORING)).isZero();
                    assertThat(ctx.getBean(BbbRetentionSchedule.class).isRunning()).isTrue();
                    RetentionReport report = ctx.getBean(BbbRetentionSchedule.class).runOnce();
                    assertThat(report.mode()).isEqualTo(RetentionReport.Mode.DRY_RUN);
                    assertThat(ctx.getBean(BbbRecordEndpoint.class).markdown("en", "markdown")).contains("14 days")
                            .contains("30 days");
                });
        runner.withPropertyValues("bbb.url=" + sim.baseUrl(), "bbb.retention.enabled=true", "bbb.retention.schools=6021",
                "bbb.retention.apply=true").run(ctx ->
                        assertThat(ctx.getBean(BbbRetentionSchedule.class).runOnce().mode()).isEqualTo(RetentionReport.Mode.APPLY));
    }

    @Test
    void retentionEnabledWithoutSchools_failsNamingTheProperty() {
        runner.withPropertyValues("bbb.retention.enabled=true").run(ctx -> {
            assertThat(ctx).hasFailed();
            assertThat(ctx.getStartupFailure()).rootCause().hasMessageContaining("bbb.retention.schools");
        });
    }

    @Test
    void previousPseudonymKeys_areMaskedInActuatorEndpoints() {
        SanitizingFunction masking = new BbbSanitizingAutoConfiguration().bbbSanitizingFunction(new MockEnvironment());
        for (String key : new String[] {"bbb.retention.previous-pseudonym-keys[0]", "bbb.retention.previousPseudonymKeys[1]",
            "BBB_RETENTION_PREVIOUS_PSEUDONYM_KEYS"}) {
            assertThat(masking.apply(new SanitizableData(null, key, TestServers.PSEUDONYM_KEY)).getValue()).as(key)
                    .isEqualTo(SanitizableData.SANITIZED_VALUE);
        }
    }
}
