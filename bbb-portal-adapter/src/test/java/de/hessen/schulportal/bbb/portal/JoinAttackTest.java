// SPDX-License-Identifier: Apache-2.0
package de.hessen.schulportal.bbb.portal;

import static org.assertj.core.api.Assertions.assertThat;

import de.hessen.schulportal.bbb.client.BbbClient;
import de.hessen.schulportal.bbb.client.meeting.CreateMeetingRequest;
import de.hessen.schulportal.bbb.portal.JoinOutcome.Kind;
import de.hessen.schulportal.bbb.testkit.BbbSimulator;
import de.hessen.schulportal.bbb.testkit.BbbSimulatorExtension;
import de.hessen.schulportal.bbb.testkit.SimulatedAttendee;
import de.hessen.schulportal.bbb.testsupport.ChecksumSplice;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Issue 19's attacks on the URL the adapter hands the browser, against a simulator that removes
 * checksums as bbb-web does: the hidden guest flag, the removed {@code createTime}, the truncated
 * user ID and the truncated meeting ID. The browser now gets a session URL, which has no checksum
 * to splice, and the meeting is created so that it opens without the join answer's cookie.
 */
@ExtendWith(BbbSimulatorExtension.class)
class JoinAttackTest {
    static BbbSimulator sim;
    static BbbClient bbb;
    static SchoolConferences conferences;
    static final School SCHOOL = School.of("6021", "Goethe-Schule Musterstadt");
    static final AtomicInteger ROOMS = new AtomicInteger();
    static final HttpClient BROWSER = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @BeforeAll
    static void setUp() {
        bbb = BbbClient.builder().baseUrl(sim.baseUrl()).secret(sim.secret()).build();
        conferences = SchoolConferences.builder().tenants(TenantDirectory.single(bbb))
                .pseudonyms(Pseudonyms.of(PseudonymsTest.KEY)).build();
    }

    @AfterAll
    static void tearDown() {
        bbb.close();
    }

    static Room room(RoomKind kind) {
        return Room.builder(SCHOOL, "attack-" + ROOMS.incrementAndGet(), kind).title("Klasse 7b").build();
    }

    static Person person(String id, SchoolRole role, Relation relation) {
        return Person.builder(id, role, relation).firstName("Vorname" + id).lastName("Nachname" + id).build();
    }

    /** What the browser is sent to. */
    static String browserUrl(JoinOutcome outcome) {
        assertThat(outcome.kind()).as(outcome.toString()).isEqualTo(Kind.SESSION);
        String url = outcome.sessionUrl().orElseThrow().toString();
        assertThat(url).doesNotContain("checksum", "/api/join");
        return url;
    }

    static HttpResponse<String> open(String url) {
        try {
            return BROWSER.send(HttpRequest.newBuilder(URI.create(url)).GET().build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Test
    void hiddenGuestFlag_leavesTheParentInTheLobby() {
        Room consultation = room(RoomKind.CONSULTATION);
        open(browserUrl(conferences.join(consultation, person("t1", SchoolRole.TEACHER, Relation.ORGANISER))));
        JoinOutcome mother = conferences.join(consultation, person("p1", SchoolRole.PARENT, Relation.MEMBER));
        assertThat(mother.isViaLobby()).isTrue();
        open(ChecksumSplice.hide(browserUrl(mother), "guest"));
        var meeting = sim.meeting(conferences.meetingId(consultation)).orElseThrow();
        assertThat(meeting.attendees()).extracting(SimulatedAttendee::role).containsExactly("MODERATOR");
        assertThat(meeting.lobby()).extracting(SimulatedAttendee::isGuest).containsExactly(true);
    }

    @Test
    void removedCreateTime_neverEntersALaterMeeting() {
        Room lesson = room(RoomKind.LESSON);
        Person teacher = person("t2", SchoolRole.TEACHER, Relation.ORGANISER);
        open(browserUrl(conferences.join(lesson, teacher)));
        String pupil = browserUrl(conferences.join(lesson, person("s2", SchoolRole.STUDENT, Relation.MEMBER)));
        conferences.end(lesson);
        conferences.join(lesson, teacher);
        HttpResponse<String> r = open(ChecksumSplice.hide(pupil, "createTime"));
        assertThat(r.headers().firstValue("Location").orElse("")).doesNotContain("sessionToken");
        assertThat(r.body()).doesNotContain("data-state=\"client\"");
        assertThat(sim.meeting(conferences.meetingId(lesson)).orElseThrow().attendees())
                .extracting(SimulatedAttendee::role).containsOnly("MODERATOR");
    }

    @Test
    void truncatedUserId_joinsOnlyWithTheFullPseudonym() {
        Room lesson = room(RoomKind.LESSON);
        open(browserUrl(conferences.join(lesson, person("t3", SchoolRole.TEACHER, Relation.ORGANISER))));
        Person kim = person("s3", SchoolRole.STUDENT, Relation.MEMBER);
        String url = browserUrl(conferences.join(lesson, kim));
        open(ChecksumSplice.truncate(url, "userID", 3));
        assertThat(sim.meeting(conferences.meetingId(lesson)).orElseThrow().attendees())
                .extracting(SimulatedAttendee::userId).allSatisfy(id -> assertThat(id.length()).isGreaterThan(3));
    }

    @Test
    void truncatedMeetingId_neverEntersAnotherMeeting() {
        Room lesson = room(RoomKind.LESSON);
        open(browserUrl(conferences.join(lesson, person("t4", SchoolRole.TEACHER, Relation.ORGANISER))));
        String prefix = conferences.meetingId(lesson).substring(0, 6);
        bbb.create(CreateMeetingRequest.builder(prefix, "Eine andere Konferenz").build());
        String url = browserUrl(conferences.join(lesson, person("s4", SchoolRole.STUDENT, Relation.MEMBER)));
        // The other meeting has another createTime: the attacker hides the parameter too.
        open(ChecksumSplice.hide(ChecksumSplice.truncate(url, "meetingID", 6), "createTime"));
        assertThat(sim.meeting(prefix).orElseThrow().attendees()).isEmpty();
    }

    @Test
    void sessionUrl_opensTheClientWithoutTheJoinCookie() {
        Room lesson = room(RoomKind.LESSON);
        open(browserUrl(conferences.join(lesson, person("t5", SchoolRole.TEACHER, Relation.ORGANISER))));
        assertThat(sim.meeting(conferences.meetingId(lesson)).orElseThrow().createParameters())
                .containsEntry("allowRequestsWithoutSession", "true");
        HttpResponse<String> page = open(browserUrl(conferences.join(lesson, person("s5", SchoolRole.STUDENT, Relation.MEMBER))));
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("data-state=\"client\"", "data-role=\"VIEWER\"", "data-guest=\"false\"");
    }
}
