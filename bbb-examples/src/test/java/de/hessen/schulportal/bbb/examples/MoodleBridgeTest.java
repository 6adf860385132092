// SPDX-License-Identifier: Apache-2.0
package de.hessen.schulportal.bbb.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.hessen.schulportal.bbb.portal.Pseudonyms;
import de.hessen.schulportal.bbb.portal.SchoolConferences;
import de.hessen.schulportal.bbb.portal.TenantDirectory;
import de.hessen.schulportal.bbb.portal.moodle.MoodleRoleMapping;
import de.hessen.schulportal.bbb.testkit.BbbSimulator;
import de.hessen.schulportal.bbb.testkit.SimulatedAttendee;
import de.hessen.schulportal.bbb.testkit.SimulatedMeeting;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The Moodle bridge turns course roles into the right BigBlueButton role, and refuses what it should. */
class MoodleBridgeTest {
    private static final String COURSE = "site=6021&course=42&courseName=Mathematik+7b&guests=0";
    private static final String TEACHER = COURSE + "&userId=2001&username=p.schmidt&firstName=Petra&lastName=Schmidt"
            + "&roles=editingteacher&consent=1";
    private static final String STUDENT = COURSE + "&userId=1001&username=kim&firstName=Kim&lastName=Yilmaz"
            + "&roles=student&consent=1";

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private ExampleServer server;
    private MoodleBridge bridge;
    private String token;
    private final String otherSchoolsToken = MoodleWalkThrough.randomToken();

    @BeforeEach
    void start() throws Exception {
        server = ExampleServer.fromEnvironment(Map.of());
        token = MoodleWalkThrough.randomToken();
        bridge = new MoodleBridge(0, SchoolConferences.builder()
                .tenants(TenantDirectory.single(server.client()))
                .pseudonyms(Pseudonyms.of(SchoolMorningDemo.randomKey()))
                .build(), MoodleRoleMapping.defaults(), Map.of("6021", token, "6022", otherSchoolsToken));
    }

    @AfterEach
    void stop() {
        bridge.close();
        server.close();
    }

    private HttpResponse<String> post(String body) throws Exception {
        return post("Bearer " + token, "application/x-www-form-urlencoded", body);
    }

    private HttpResponse<String> post(String authorization, String contentType, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(bridge.joinEndpoint())
                .header("Authorization", authorization)
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String sessionUrl(String json) {
        Matcher m = Pattern.compile("\"sessionUrl\":\"([^\"]+)\"").matcher(json);
        assertThat(m.find()).as(json).isTrue();
        return m.group(1);
    }

    private SimulatedAttendee click(String sessionUrl) throws Exception {
        assertThat(sessionUrl).contains("/html5client/").doesNotContain("checksum", "/api/join");
        HttpResponse<Void> r = http.send(HttpRequest.newBuilder(URI.create(sessionUrl)).GET().build(),
                HttpResponse.BodyHandlers.discarding());
        assertThat(r.statusCode()).isEqualTo(200);
        BbbSimulator sim = server.simulator().orElseThrow();
        SimulatedMeeting meeting = sim.meetings().get(0);
        return meeting.attendees().get(meeting.attendees().size() - 1);
    }

    @Test
    void pupilWaits_teacherStartsAsModerator_pupilJoinsAsViewer() throws Exception {
        HttpResponse<String> early = post(STUDENT);
        assertThat(early.statusCode()).isEqualTo(200);
        assertThat(early.body()).startsWith("{\"outcome\":\"wait\"");
        assertThat(server.simulator().orElseThrow().meetings()).isEmpty();

        HttpResponse<String> teacher = post(TEACHER);
        assertThat(teacher.statusCode()).isEqualTo(200);
        assertThat(teacher.body()).contains("\"outcome\":\"join\"", "\"role\":\"moderator\"", "\"lobby\":false",
                "\"reasonCode\":\"organiser\"");
        assertThat(teacher.headers().firstValue("Cache-Control")).contains("no-store");
        SimulatedAttendee petra = click(sessionUrl(teacher.body()));
        assertThat(petra.role()).isEqualTo("MODERATOR");
        assertThat(petra.fullName()).isEqualTo("Petra Schmidt (Lehrkraft)");
        assertThat(petra.userId()).startsWith("te-").doesNotContain("2001");
        assertThat(server.simulator().orElseThrow().meetings().get(0).name()).isEqualTo("Mathematik 7b");

        HttpResponse<String> student = post(STUDENT);
        assertThat(student.body()).contains("\"role\":\"viewer\"");
        SimulatedAttendee kim = click(sessionUrl(student.body()));
        assertThat(kim.role()).isEqualTo("VIEWER");
        assertThat(kim.fullName()).isEqualTo("Kim Y.");
    }

    @Test
    void siteManagerAndCourseGuest_areDeniedWithAReason() throws Exception {
        click(sessionUrl(post(TEACHER).body()));
        HttpResponse<String> manager = post(COURSE + "&userId=9001&username=admin&firstName=Sabine&lastName=Berger&roles=manager");
        assertThat(manager.statusCode()).isEqualTo(403);
        assertThat(manager.body()).contains("\"outcome\":\"denied\"", "\"reasonCode\":\"role-table\"").doesNotContain("sessionUrl");
        HttpResponse<String> guest = post(COURSE + "&userId=1&username=guest&firstName=Jana&lastName=Roth&roles=guest");
        assertThat(guest.statusCode()).isEqualTo(403);
        assertThat(guest.body()).contains("\"reasonCode\":\"no-relation\"");
        HttpResponse<String> german = post(COURSE + "&userId=9001&username=admin&firstName=Sabine&lastName=Berger&roles=manager"
                + "&lang=de");
        assertThat(german.body()).contains("\"reason\":\"Mitarbeitende der Schule dürfen nicht an einer Unterrichtsstunde teilnehmen.\"");
        // Guests allowed only after the meeting started: the running meeting has no lobby.
        HttpResponse<String> tooLate = post(COURSE.replace("guests=0", "guests=1")
                + "&userId=1&username=guest&firstName=Jana&lastName=Roth&roles=guest");
        assertThat(tooLate.statusCode()).isEqualTo(403);
        assertThat(tooLate.body()).contains("\"reasonCode\":\"lobby-not-available\"").doesNotContain("sessionUrl");
        // A course whose room allows guests from the start: the guest comes through the lobby.
        String open = COURSE.replace("course=42", "course=43").replace("guests=0", "guests=1");
        click(sessionUrl(post(open + "&userId=2001&username=p.schmidt&firstName=Petra&lastName=Schmidt&roles=editingteacher")
                .body()));
        HttpResponse<String> guestAllowed = post(open + "&userId=1&username=guest&firstName=Jana&lastName=Roth&roles=guest");
        assertThat(guestAllowed.body()).contains("\"outcome\":\"join\"", "\"lobby\":true", "\"role\":\"viewer\"");
    }

    @Test
    void refusesRequestsThatAreNotFromThePlugin_orMalformed() throws Exception {
        assertThat(post("Bearer wrong", "application/x-www-form-urlencoded", TEACHER).statusCode()).isEqualTo(401);
        assertThat(post("Basic " + token, "application/x-www-form-urlencoded", TEACHER).statusCode()).isEqualTo(401);
        assertThat(post("Bearer " + token, "application/json", TEACHER).statusCode()).isEqualTo(415);
        HttpResponse<String> missing = post(TEACHER.replace("course=42&", ""));
        assertThat(missing.statusCode()).isEqualTo(400);
        assertThat(missing.body()).contains("course is required");
        assertThat(post(TEACHER + "&course=43").body()).contains("course: given more than once");
        assertThat(post(TEACHER.replace("guests=0", "guests=yes")).body()).contains("guests must be 0 or 1");
        assertThat(post(TEACHER + "&kind=party").body()).contains("kind must be one of");
        assertThat(post(TEACHER.replace("userId=2001", "userId=abc")).body()).contains("userId must be a number");
        assertThat(post(TEACHER + "&pad=" + "x".repeat(9000)).statusCode()).isEqualTo(413);
        HttpResponse<String> get = http.send(HttpRequest.newBuilder(bridge.joinEndpoint()).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(get.statusCode()).isEqualTo(405);
        assertThat(server.simulator().orElseThrow().meetings()).isEmpty();
        HttpResponse<String> badEscape = post(TEACHER.replace("firstName=Petra", "firstName=Pe%zztra"));
        assertThat(badEscape.statusCode()).isEqualTo(400);
        assertThat(badEscape.body()).isEqualTo("{\"error\":\"firstName: bad percent-encoding\"}");
        assertThatThrownBy(() -> new MoodleBridge(0, null, MoodleRoleMapping.defaults(), Map.of("6021", "short")))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("token of site 6021: must be at least 32 characters");
        assertThatThrownBy(() -> new MoodleBridge(0, null, MoodleRoleMapping.defaults(), Map.of("6021", token, "6022", token)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("every site needs its own token");
    }

    /** One SchulMoodle instance's token never opens another school's rooms. */
    @Test
    void aTokenOpensOnlyItsOwnSchool() throws Exception {
        HttpResponse<String> foreign = post("Bearer " + token, "application/x-www-form-urlencoded",
                TEACHER.replace("site=6021", "site=6022"));
        assertThat(foreign.statusCode()).isEqualTo(403);
        assertThat(foreign.body()).contains("site: not the site this token belongs to");
        assertThat(server.simulator().orElseThrow().meetings()).isEmpty();
        HttpResponse<String> own = post("Bearer " + otherSchoolsToken, "application/x-www-form-urlencoded",
                TEACHER.replace("site=6021", "site=6022"));
        assertThat(own.statusCode()).isEqualTo(200);
        assertThat(own.body()).contains("\"role\":\"moderator\"");
    }

    @Test
    void walkThrough_printsEachAnswer() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        List<Integer> statuses;
        try (PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8)) {
            statuses = MoodleWalkThrough.run(bridge.joinEndpoint(), token, false, out);
        }
        assertThat(statuses).containsExactly(200, 200, 200, 403, 403, 400, 401);
        String printed = bytes.toString(StandardCharsets.UTF_8);
        assertThat(printed).contains("\"sessionUrl\":\"(not shown)\"").doesNotContain("/api/join", "sessionToken");
    }

    @Test
    void walkThroughOnTheSimulator_opensTheTeachersLink_soThePupilGetsIn() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8)) {
            MoodleWalkThrough.run(bridge.joinEndpoint(), token, true, out);
        }
        String printed = bytes.toString(StandardCharsets.UTF_8);
        assertThat(printed.lines().filter(l -> l.startsWith("pupil again")).findFirst().orElseThrow())
                .contains("\"outcome\":\"join\"", "\"role\":\"viewer\"", "sessionToken=***");
        assertThat(printed).doesNotContainPattern("sessionToken=[a-z0-9]").doesNotContain("checksum");
        assertThat(server.simulator().orElseThrow().meetings().get(0).attendees()).extracting(SimulatedAttendee::role)
                .containsExactly("MODERATOR", "VIEWER");
    }
}
