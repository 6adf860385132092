// SPDX-License-Identifier: Apache-2.0
package de.hessen.schulportal.bbb.examples;

import static org.assertj.core.api.Assertions.assertThat;

import de.hessen.schulportal.bbb.client.meeting.Role;
import de.hessen.schulportal.bbb.examples.SchoolMorningDemo.Morning;
import de.hessen.schulportal.bbb.examples.SchoolMorningDemo.Step;
import de.hessen.schulportal.bbb.portal.Decision;
import de.hessen.schulportal.bbb.portal.JoinOutcome.Kind;
import de.hessen.schulportal.bbb.portal.Pseudonyms;
import de.hessen.schulportal.bbb.portal.RoomStatus;
import de.hessen.schulportal.bbb.portal.SchoolRole;
import de.hessen.schulportal.bbb.testkit.BbbSimulator;
import de.hessen.schulportal.bbb.testkit.ReceivedRequest;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The README's demo against the embedded simulator: every scene ends as the story says. */
class SchoolMorningDemoTest {
    static Morning morning;
    static List<String> joinQueries;
    static List<String> meetingsRunningAfter;

    @BeforeAll
    static void runTheMorning() {
        try (ExampleServer server = ExampleServer.fromEnvironment(Map.of())) {
            BbbSimulator sim = server.simulator().orElseThrow();
            morning = new SchoolMorningDemo(server, Pseudonyms.of(SchoolMorningDemo.randomKey())).run();
            joinQueries = sim.requests().stream()
                    .filter(r -> r.callName().orElse("").equals("join"))
                    .map(r -> URLDecoder.decode(r.rawQuery().orElseThrow(), StandardCharsets.UTF_8))
                    .collect(Collectors.toList());
            meetingsRunningAfter = sim.meetings().stream().filter(m -> m.isRunning()).map(m -> m.meetingId())
                    .collect(Collectors.toList());
        }
    }

    private static String line(Step s) {
        return s.time() + " " + s.who() + " " + s.room().id() + " " + s.outcome().kind()
                + s.outcome().bbbRole().map(r -> " " + r).orElse("")
                + (s.outcome().isViaLobby() ? " lobby" : "") + (s.admittedFromLobby() ? " admitted" : "")
                + " " + s.outcome().decision().reasonCode();
    }

    @Test
    void everySceneEndsAsTheStorySays() {
        assertThat(morning.steps()).extracting(SchoolMorningDemoTest::line).containsExactly(
                "07:50 Kim Yilmaz kurs-7b-mathe WAIT_FOR_START role-table",
                "07:55 Aylin Yilmaz kurs-7b-mathe DENIED role-table",
                "08:00 Petra Schmidt kurs-7b-mathe SESSION MODERATOR organiser",
                "08:01 Kim Yilmaz kurs-7b-mathe SESSION VIEWER role-table",
                "08:02 Ali Kaya kurs-7b-mathe SESSION VIEWER role-table",
                "10:00 Jonas Becker sprechstunde-becker SESSION MODERATOR organiser",
                "10:05 Aylin Yilmaz sprechstunde-becker SESSION VIEWER lobby admitted role-table",
                "11:00 Selin Öztürk foerderkurs-deutsch SESSION MODERATOR organiser",
                "11:02 Jana Roth foerderkurs-deutsch SESSION VIEWER lobby admitted invited-guest",
                "13:55 Kim Yilmaz dienstbesprechung DENIED role-table",
                "14:00 Martin Weber dienstbesprechung SESSION MODERATOR organiser",
                "14:01 Petra Schmidt dienstbesprechung SESSION MODERATOR role-table",
                "14:02 Heike Lang dienstbesprechung SESSION VIEWER role-table");
        assertThat(morning.steps().get(2).outcome().hasStartedMeeting()).isTrue();
        assertThat(morning.steps().get(3).outcome().hasStartedMeeting()).isFalse();
        assertThat(morning.steps()).extracting(s -> s.outcome().decision().reasonCode())
                .allMatch(code -> List.of(Decision.ROLE_TABLE, Decision.ORGANISER, Decision.INVITED_GUEST).contains(code));
    }

    @Test
    void theRoomsWereFullAsTheStatusSays_andAllEnded() {
        Map<String, RoomStatus> byRoom = morning.statusBeforeEnd().entrySet().stream()
                .collect(Collectors.toMap(e -> e.getKey().id(), Map.Entry::getValue));
        assertThat(byRoom.get("kurs-7b-mathe")).satisfies(s -> {
            assertThat(s.isRunning()).isTrue();
            assertThat(s.moderatorCount()).isEqualTo(1);
            assertThat(s.viewerCount()).isEqualTo(2);
            assertThat(s.countsBySchoolRole()).containsEntry(SchoolRole.TEACHER, 1).containsEntry(SchoolRole.STUDENT, 2);
        });
        assertThat(byRoom.get("sprechstunde-becker").countsBySchoolRole()).containsEntry(SchoolRole.PARENT, 1)
                .containsEntry(SchoolRole.TEACHER, 1);
        assertThat(byRoom.get("foerderkurs-deutsch").countsBySchoolRole()).containsEntry(SchoolRole.GUEST, 1);
        assertThat(byRoom.get("dienstbesprechung")).satisfies(s -> {
            assertThat(s.moderatorCount()).isEqualTo(2);
            assertThat(s.viewerCount()).isEqualTo(1);
            assertThat(s.countsBySchoolRole()).containsEntry(SchoolRole.PRINCIPAL, 1).containsEntry(SchoolRole.STAFF, 1)
                    .containsEntry(SchoolRole.STUDENT, 0);
        });
        assertThat(morning.ended().values()).containsOnly(true);
        assertThat(meetingsRunningAfter).isEmpty();
    }

    @Test
    void bigBlueButtonSawPseudonymsAndDisplayNamesOnly() {
        assertThat(joinQueries).hasSize(10);
        for (String q : joinQueries) {
            assertThat(q).doesNotContain("u-1001").doesNotContain("u-2001").doesNotContain("ext-77")
                    .doesNotContain("Kaya")          // pupils appear as "Ali K."
                    .doesNotContain("kurs-7b-mathe") // the room's portal ID stays in the portal
                    .contains("meetingID=sp-");
        }
        assertThat(joinQueries).anyMatch(q -> q.contains("fullName=Ali K.&"))
                .anyMatch(q -> q.contains("fullName=Aylin Yilmaz (Eltern)&"))
                .anyMatch(q -> q.contains("fullName=Jana Roth (Gast)&"));
    }

    @Test
    void printout_explainsEveryDecision_andMasksTheLinks() {
        String simulated = SchoolMorningDemo.printToString(morning, true);
        assertThat(simulated).contains("TIME", "WHO", "BBB ROLE", "WHY", "lobby, admitted", "session, started", "denied",
                "wait for start", "role-table: ", "Dienstbesprechung", "[simulator]");
        assertThat(simulated).doesNotContainPattern("checksum=[0-9a-f]{40}");
        for (Step s : morning.steps()) {
            s.outcome().sessionUrl().ifPresent(url -> assertThat(simulated).doesNotContain(url.toString())
                    .doesNotContain(url.getRawQuery()));
        }
        String real = SchoolMorningDemo.printToString(morning, false);
        assertThat(real).contains("issued, not shown").doesNotContain("/api/join").doesNotContain("[simulator]");
        assertThat(morning.steps()).filteredOn(s -> s.outcome().kind() == Kind.SESSION)
                .extracting(s -> s.outcome().bbbRole().orElseThrow()).contains(Role.MODERATOR, Role.VIEWER);
    }

    @Test
    void printout_speaksWords_notEnumNames() {
        String printed = SchoolMorningDemo.printToString(morning, true);
        assertThat(printed).contains("student, member", "guest, invited", "teacher, organiser", "1 teacher, 2 students",
                "1 staff member", "running", "ended");
        assertThat(printed).doesNotContain("invited_guest", "student/member", "2 student,", "STAFF", "ORGANISER");
        assertThat(SchoolMorningDemo.count(1, SchoolRole.STUDENT)).isEqualTo("1 student");
        assertThat(SchoolMorningDemo.count(3, SchoolRole.STAFF)).isEqualTo("3 staff members");
        assertThat(SchoolMorningDemo.count(2, SchoolRole.PARENT)).isEqualTo("2 parents");
    }

    @Test
    void statusTable_neverSaysRunningAndEndedOfOneMoment() {
        assertThat(SchoolMorningDemo.atTheEnd(true, true)).isEqualTo("ended");
        assertThat(SchoolMorningDemo.atTheEnd(false, false)).isEqualTo("nothing to end");
        assertThat(SchoolMorningDemo.atTheEnd(true, false)).isEqualTo("still running (end failed)");
        String printed = SchoolMorningDemo.printToString(morning, true);
        assertThat(printed).contains("IN THE AFTERNOON", "AT THE END OF THE DAY").doesNotContain("RUNNING", "ENDED");
    }

    @Test
    void readmeExcerpt_isWhatTheDemoPrints() throws IOException {
        String readme = Files.readString(Path.of("..", "docs", "examples.md"), StandardCharsets.UTF_8);
        Matcher m = Pattern.compile("```\\n(TIME .*?)```", Pattern.DOTALL)
                .matcher(readme.substring(readme.indexOf("## A school morning")));
        assertThat(m.find()).as("docs/examples.md shows the demo's output").isTrue();
        String printed = withoutMeetingIds(SchoolMorningDemo.printToString(morning, true));
        for (String line : m.group(1).split("\n")) {
            if (!line.isBlank()) {
                assertThat(printed).as("docs/examples.md line printed by the demo").contains(withoutMeetingIds(line));
            }
        }
    }

    /** Meeting IDs are keyed pseudonyms and differ per run; everything else must match. */
    private static String withoutMeetingIds(String text) {
        return text.replaceAll("sp-[a-z2-7]{26}", "sp-<pseudonym>");
    }
}
