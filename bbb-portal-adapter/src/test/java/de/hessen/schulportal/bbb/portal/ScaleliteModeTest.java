// SPDX-License-Identifier: Apache-2.0
package de.hessen.schulportal.bbb.portal;

import static org.assertj.core.api.Assertions.assertThat;

import de.hessen.schulportal.bbb.client.BbbClient;
import de.hessen.schulportal.bbb.client.ChecksumAlgorithm;
import de.hessen.schulportal.bbb.client.meeting.Role;
import de.hessen.schulportal.bbb.portal.JoinOutcome.Kind;
import de.hessen.schulportal.bbb.testkit.BbbSimulator;
import de.hessen.schulportal.bbb.testkit.SimulatedAttendee;
import de.hessen.schulportal.bbb.testkit.SimulatedServer;
import de.hessen.schulportal.bbb.testkit.SimulatorMode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The adapter's join flow behind the testkit's Scalelite mode: two schools as two Scalelite tenants,
 * each with its own secret; the join link leads through Scalelite's redirect to the BigBlueButton
 * server that holds the meeting.
 */
class ScaleliteModeTest {
    private static final HttpClient BROWSER = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private static final School GOETHE = School.of("6021", "Goethe-Schule Musterstadt");
    private static final School SCHILLER = School.of("6022", "Schiller-Schule Musterstadt");

    private final BbbSimulator sim = BbbSimulator.builder().mode(SimulatorMode.SCALELITE).servers(2)
            .tenant("goethe", "goethe-secret-0123456789").tenant("schiller", "schiller-secret-0123456789").start();
    private final BbbClient goethe = BbbClient.builder().baseUrl(sim.baseUrl("goethe")).secret("goethe-secret-0123456789")
            .checksumAlgorithm(ChecksumAlgorithm.SHA256).build();
    private final BbbClient schiller = BbbClient.builder().baseUrl(sim.baseUrl("schiller"))
            .secret("schiller-secret-0123456789").checksumAlgorithm(ChecksumAlgorithm.SHA512).build();
    private final SchoolConferences conferences = SchoolConferences.builder()
            .tenants(TenantDirectory.builder().school(GOETHE.id(), goethe).school(SCHILLER.id(), schiller).build())
            .pseudonyms(Pseudonyms.of(PseudonymsTest.KEY)).build();

    @AfterEach
    void close() {
        goethe.close();
        schiller.close();
        sim.close();
    }

    private static Person person(String id, SchoolRole role, Relation relation) {
        return Person.builder(id, role, relation).firstName("Vorname" + id).lastName("Nachname" + id).build();
    }

    /**
     * Opens the session URL as a browser: the adapter followed Scalelite's redirect on the server,
     * so the URL is the server's client, and it opens without the join answer's cookie.
     */
    private SimulatedServer open(JoinOutcome outcome) throws Exception {
        assertThat(outcome.kind()).as(outcome.toString()).isEqualTo(Kind.SESSION);
        String session = outcome.sessionUrl().orElseThrow().toString();
        SimulatedServer server = sim.servers().stream()
                .filter(s -> session.startsWith(s.apiUrl().replace("bigbluebutton/api/", "") + "html5client/join?sessionToken="))
                .findFirst().orElseThrow(() -> new AssertionError("not a server's client URL: " + session.split("\\?")[0]));
        HttpResponse<String> client = BROWSER.send(HttpRequest.newBuilder(URI.create(session)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(client.statusCode()).isEqualTo(200);
        assertThat(client.body()).contains("data-state=\"client\"");
        return server;
    }

    @Test
    void lesson_teacherStarts_studentsJoin_throughScalelitesRedirect() throws Exception {
        Room lesson = Room.builder(GOETHE, "7b-mathe", RoomKind.LESSON).title("Klasse 7b – Mathematik").build();
        Person teacher = person("t1", SchoolRole.TEACHER, Relation.ORGANISER);
        Person kim = person("s1", SchoolRole.STUDENT, Relation.MEMBER);

        assertThat(conferences.join(lesson, kim).kind()).isEqualTo(Kind.WAIT_FOR_START);
        JoinOutcome t = conferences.join(lesson, teacher);
        assertThat(t.hasStartedMeeting()).isTrue();
        assertThat(t.bbbRole()).contains(Role.MODERATOR);
        SimulatedServer server = open(t);
        assertThat(server.meetingIds()).containsExactly(conferences.meetingId(lesson));

        JoinOutcome k = conferences.join(lesson, kim);
        assertThat(k.bbbRole()).contains(Role.VIEWER);
        assertThat(open(k).id()).isEqualTo(server.id());

        assertThat(sim.meeting(conferences.meetingId(lesson)).orElseThrow().attendees())
                .extracting(SimulatedAttendee::role).containsExactly("MODERATOR", "VIEWER");
        assertThat(sim.meeting(conferences.meetingId(lesson)).orElseThrow().metadata())
                .containsEntry("tenant-name", "goethe").containsEntry("room-kind", "lesson");
        assertThat(conferences.status(lesson).participantCount()).isEqualTo(2);

        assertThat(conferences.end(lesson)).isTrue();
        assertThat(conferences.status(lesson).participantCount()).isZero();
    }

    @Test
    void secondTeacher_joinsTheRunningLesson_theRepeatedCreateIsADuplicate() throws Exception {
        // Scalelite makes up a moderatorPW only for a meeting it does not know: the second create
        // reaches the server without passwords and is answered with duplicateWarning.
        SchoolConferences fresh = conferences;
        Room lesson = Room.builder(GOETHE, "8a-deutsch", RoomKind.LESSON).title("Klasse 8a – Deutsch").build();
        JoinOutcome first = fresh.join(lesson, person("t1", SchoolRole.TEACHER, Relation.ORGANISER));
        assertThat(first.hasStartedMeeting()).isTrue();
        SimulatedServer server = open(first);

        JoinOutcome second = fresh.join(lesson, person("t2", SchoolRole.TEACHER, Relation.ORGANISER));
        assertThat(second.kind()).isEqualTo(Kind.SESSION);
        assertThat(second.bbbRole()).contains(Role.MODERATOR);
        assertThat(open(second).id()).isEqualTo(server.id());

        JoinOutcome third = fresh.async().join(lesson, person("t3", SchoolRole.TEACHER, Relation.ORGANISER)).join();
        assertThat(third.kind()).isEqualTo(Kind.SESSION);
        assertThat(open(third).id()).isEqualTo(server.id());
        // three creates reached Scalelite; the adapter has no idNotUnique fallback, so each was a duplicate
        assertThat(sim.requests()).filteredOn(r -> r.callName().orElse("").equals("create")).hasSize(3);
    }

    @Test
    void twoSchools_eachOnItsOwnTenant_meetingsSpreadOverServers() throws Exception {
        Room a = Room.builder(GOETHE, "konferenz", RoomKind.STAFF_MEETING).title("Lehrerkonferenz").build();
        Room b = Room.builder(SCHILLER, "konferenz", RoomKind.STAFF_MEETING).title("Lehrerkonferenz").build();
        Person goetheTeacher = person("t1", SchoolRole.TEACHER, Relation.ORGANISER);
        Person schillerTeacher = person("t2", SchoolRole.TEACHER, Relation.ORGANISER);
        SimulatedServer first = open(conferences.join(a, goetheTeacher));
        SimulatedServer second = open(conferences.join(b, schillerTeacher));
        assertThat(first.id()).isNotEqualTo(second.id());
        assertThat(sim.meeting(conferences.meetingId(b)).orElseThrow().metadata()).containsEntry("tenant-name", "schiller");
        // Each tenant sees only its own meetings.
        assertThat(goethe.getMeetings()).extracting(m -> m.meetingId()).containsExactly(conferences.meetingId(a));
        assertThat(schiller.getMeetings()).extracting(m -> m.meetingId()).containsExactly(conferences.meetingId(b));
    }
}
