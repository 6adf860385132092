// SPDX-License-Identifier: Apache-2.0
package de.hessen.schulportal.bbb.portal.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.hessen.schulportal.bbb.client.BbbClient;
import de.hessen.schulportal.bbb.portal.Decision;
import de.hessen.schulportal.bbb.portal.JoinOutcome;
import de.hessen.schulportal.bbb.portal.Person;
import de.hessen.schulportal.bbb.portal.Pseudonyms;
import de.hessen.schulportal.bbb.portal.Relation;
import de.hessen.schulportal.bbb.portal.Room;
import de.hessen.schulportal.bbb.portal.RoomKind;
import de.hessen.schulportal.bbb.portal.RoomOptions;
import de.hessen.schulportal.bbb.portal.School;
import de.hessen.schulportal.bbb.portal.SchoolConferences;
import de.hessen.schulportal.bbb.portal.SchoolRole;
import de.hessen.schulportal.bbb.portal.TenantDirectory;
import de.hessen.schulportal.bbb.portal.retention.SimulatedSchools;
import de.hessen.schulportal.bbb.testkit.BbbSimulator;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiFunction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A school morning (as in the demo) with the audit listener on: every decision is an event, and
 * no name, e-mail address, portal ID, school ID or room ID appears in any of them.
 */
class AuditTrailTest {
    private static final byte[] KEY = "0123456789abcdef0123456789ABCDEF-test-key".getBytes(StandardCharsets.US_ASCII);
    private static final School SCHOOL = School.of("schule-6021", "Goethe-Schule Musterstadt");
    private static final Room LESSON = Room.builder(SCHOOL, "kurs-7b-mathe", RoomKind.LESSON).title("Klasse 7b – Mathematik")
            .options(RoomOptions.builder().recordingAllowed(true).build()).build();
    private static final Room CONSULTATION = Room.of(SCHOOL, "sprechstunde-becker", RoomKind.CONSULTATION, "Sprechstunde Herr Becker");
    private static final Room TUTORING = Room.builder(SCHOOL, "foerderkurs-deutsch", RoomKind.TUTORING).title("Förderkurs Deutsch")
            .options(RoomOptions.builder().guestsAllowed(true).build()).build();
    private static final Room STAFF_MEETING = Room.of(SCHOOL, "gesamtkonferenz", RoomKind.STAFF_MEETING, "Gesamtkonferenz");

    // Portal IDs as some portals have them: e-mail addresses and login names.
    private static final Person KIM = Person.builder("kim.yilmaz@schule-musterstadt.de", SchoolRole.STUDENT, Relation.MEMBER)
            .firstName("Kim").lastName("Yilmaz").recordingConsent(true).build();
    private static final Person ALI = Person.builder("ali.kaya@schule-musterstadt.de", SchoolRole.STUDENT, Relation.MEMBER)
            .firstName("Ali").lastName("Kaya").recordingConsent(false).build();
    private static final Person SCHMIDT = Person.builder("p.schmidt", SchoolRole.TEACHER, Relation.ORGANISER).firstName("Petra")
            .lastName("Schmidt").recordingConsent(true).build();
    private static final Person MOTHER = Person.builder("aylin.yilmaz@example.org", SchoolRole.PARENT, Relation.MEMBER)
            .firstName("Aylin").lastName("Yilmaz").build();
    private static final Person BECKER = Person.builder("j.becker", SchoolRole.TEACHER, Relation.ORGANISER).firstName("Jonas")
            .lastName("Becker").build();
    private static final Person OEZTUERK = Person.builder("s.oeztuerk", SchoolRole.TEACHER, Relation.ORGANISER).firstName("Selin")
            .lastName("Öztürk").build();
    private static final Person INTERPRETER = Person.builder("ext-roth-77", SchoolRole.GUEST, Relation.INVITED_GUEST)
            .firstName("Jana").lastName("Roth").build();
    private static final Person PRINCIPAL = Person.builder("m.weber", SchoolRole.PRINCIPAL, Relation.ORGANISER).firstName("Martin")
            .lastName("Weber").build();
    private static final List<Person> EVERYONE = List.of(KIM, ALI, SCHMIDT, MOTHER, BECKER, OEZTUERK, INTERPRETER, PRINCIPAL);

    private static List<AuditEvent> morning(BiFunction<SchoolConferences, Object[], JoinOutcome> join) {
        List<AuditEvent> events = new CopyOnWriteArrayList<>();
        try (BbbSimulator sim = BbbSimulator.start();
                BbbClient bbb = BbbClient.builder().baseUrl(sim.baseUrl()).secret(sim.secret()).build()) {
            SchoolConferences conferences = SchoolConferences.builder().tenants(TenantDirectory.single(bbb))
                    .pseudonyms(Pseudonyms.of(KEY)).auditListener(events::add).build();
            Object[][] morning = {
                {KIM, LESSON}, {MOTHER, LESSON}, {SCHMIDT, LESSON}, {KIM, LESSON}, {ALI, LESSON},
                {BECKER, CONSULTATION}, {MOTHER, CONSULTATION},
                {OEZTUERK, TUTORING}, {INTERPRETER, TUTORING},
                {KIM, STAFF_MEETING}, {PRINCIPAL, STAFF_MEETING},
            };
            for (Object[] step : morning) {
                JoinOutcome outcome = join.apply(conferences, step);
                // The browser enters with the session URL, so the meeting runs for those who come later.
                outcome.sessionUrl().ifPresent(SimulatedSchools::open);
            }
            assertThat(events).hasSize(morning.length);
        }
        return events;
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void schoolMorning_everyDecisionAnEvent_noPersonalData(boolean async) {
        List<AuditEvent> events = morning((c, step) -> async
                ? c.async().join((Room) step[1], (Person) step[0]).join()
                : c.join((Room) step[1], (Person) step[0]));

        assertThat(events).extracting(AuditEvent::name).containsExactly(
                AuditEvent.JOIN_WAITING, AuditEvent.JOIN_REFUSED, AuditEvent.JOIN_ALLOWED, AuditEvent.JOIN_ALLOWED,
                AuditEvent.JOIN_ALLOWED, AuditEvent.JOIN_ALLOWED, AuditEvent.JOIN_LOBBY, AuditEvent.JOIN_ALLOWED,
                AuditEvent.JOIN_LOBBY, AuditEvent.JOIN_REFUSED, AuditEvent.JOIN_ALLOWED);
        assertThat(events.get(1).field("reason")).contains(Decision.ROLE_TABLE);
        assertThat(events.get(9).field("reason")).contains(Decision.ROLE_TABLE);
        assertThat(events.get(1).field("role")).contains("parent");
        assertThat(events.get(2).field("startedMeeting")).contains("true");
        // The lesson may be recorded: Ali's missing consent is on record, Kim's consent too.
        assertThat(events.get(4).fields()).containsEntry("recordable", "true").containsEntry("recordingConsent", "false");
        assertThat(events.get(3).fields()).containsEntry("recordingConsent", "true");
        assertThat(events.get(5).fields()).doesNotContainKey("recordable");
        Pseudonyms p = Pseudonyms.of(KEY);
        assertThat(events).allSatisfy(e -> assertThat(e.field("school")).contains(p.schoolId(SCHOOL)));
        assertThat(events.get(4).field("user")).contains(p.userId(LESSON, ALI));

        List<String> forbidden = new ArrayList<>(List.of(SCHOOL.id(), "Goethe", "Musterstadt", LESSON.id(), CONSULTATION.id(),
                TUTORING.id(), STAFF_MEETING.id(), "Mathematik", "@"));
        for (Person person : EVERYONE) {
            forbidden.add(person.id());
            forbidden.add(person.firstName());
            forbidden.add(person.lastName());
        }
        for (AuditEvent e : events) {
            String line = e.toLine() + ' ' + e;
            for (String word : forbidden) {
                assertThat(line.toLowerCase(java.util.Locale.ROOT)).as("event %s must not contain '%s'", e.name(), word)
                        .doesNotContain(word.toLowerCase(java.util.Locale.ROOT));
            }
        }
    }

    @Test
    void event_refusesFreeTextAndAddresses_withoutEchoingThem() {
        AuditEvent.Builder b = AuditEvent.builder(AuditEvent.JOIN_REFUSED, Instant.EPOCH);
        assertThatThrownBy(() -> b.field("user", "Kim Yilmaz")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("user").hasMessageNotContaining("Kim");
        assertThatThrownBy(() -> b.field("user", "kim@schule.de")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageNotContaining("kim@");
        assertThatThrownBy(() -> b.field("event", "x")).isInstanceOf(IllegalArgumentException.class);
        assertThat(b.field("meeting", "sp-abc").field("ageDays", 3).build().toLine())
                .isEqualTo("event=join-refused meeting=sp-abc ageDays=3");
    }

    @Test
    void failingListener_neverChangesTheDecision() {
        try (BbbSimulator sim = BbbSimulator.start();
                BbbClient bbb = BbbClient.builder().baseUrl(sim.baseUrl()).secret(sim.secret()).build()) {
            SchoolConferences conferences = SchoolConferences.builder().tenants(TenantDirectory.single(bbb))
                    .pseudonyms(Pseudonyms.of(KEY)).auditListener(e -> {
                        throw new IllegalStateException("audit sink down");
                    }).build();
            assertThat(conferences.join(LESSON, SCHMIDT).kind()).isEqualTo(JoinOutcome.Kind.SESSION);
            assertThat(conferences.join(LESSON, MOTHER).kind()).isEqualTo(JoinOutcome.Kind.DENIED);
        }
    }
}
