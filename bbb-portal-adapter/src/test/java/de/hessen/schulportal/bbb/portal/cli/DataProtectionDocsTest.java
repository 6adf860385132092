// SPDX-License-Identifier: Apache-2.0
package de.hessen.schulportal.bbb.portal.cli;

import static org.assertj.core.api.Assertions.assertThat;

import de.hessen.schulportal.bbb.client.recording.GetRecordingsRequest;
import de.hessen.schulportal.bbb.portal.Room;
import de.hessen.schulportal.bbb.portal.RoomKind;
import de.hessen.schulportal.bbb.portal.School;
import de.hessen.schulportal.bbb.portal.SchoolConferences;
import de.hessen.schulportal.bbb.portal.retention.SimulatedSchools;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Runs every command docs/data-protection.md shows, in its order, against the simulator with
 * recordings of two schools, and checks what each is documented to do.
 */
class DataProtectionDocsTest {
    private static final String PREFIX = "java -cp \"$CP\" de.hessen.schulportal.bbb.portal.cli.DataProtectionCli ";

    private static int liveRecordings(SimulatedSchools s) {
        return s.goethe.getRecordings(GetRecordingsRequest.builder().limit(100).build()).recordings().size();
    }

    @Test
    void everyDocumentedCommand_runs_andDoesWhatTheGuideSays() throws Exception {
        List<String> commands = Files.readAllLines(Path.of("..", "docs", "data-protection.md"), StandardCharsets.UTF_8)
                .stream().filter(l -> l.startsWith(PREFIX)).map(l -> l.substring(PREFIX.length())).toList();
        assertThat(commands).hasSize(5);
        try (SimulatedSchools s = SimulatedSchools.bbbWeb()) {
            SchoolConferences conferences = s.conferences(SimulatedSchools.KEY);
            School goethe = School.of("6021");
            School schiller = School.of("6022");
            s.record(conferences, SimulatedSchools.recordedRoom(goethe, "kurs-7b-mathe", RoomKind.LESSON));
            s.record(conferences, SimulatedSchools.recordedRoom(goethe, "gesamtkonferenz", RoomKind.CONFERENCE));
            s.record(conferences, SimulatedSchools.recordedRoom(schiller, "kurs-8a-deutsch", RoomKind.LESSON));
            s.processRecordings();
            s.advance(Duration.ofDays(1));
            Map<String, String> env = Map.of("BBB_URL", s.baseUrl(), "BBB_SECRET", s.secret(),
                    "BBB_PSEUDONYM_KEY", Base64.getEncoder().encodeToString(SimulatedSchools.KEY));

            for (String command : commands) {
                String[] args = command.strip().split("\\s+");
                if (args[0].equals("erase")) {
                    // A parent asks after the nightly run: the room has a new recording since.
                    s.record(conferences, SimulatedSchools.recordedRoom(goethe, "kurs-7b-mathe", RoomKind.LESSON));
                    s.processRecordings();
                }
                int before = liveRecordings(s);
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                ByteArrayOutputStream err = new ByteArrayOutputStream();
                int status = new DataProtectionCli(env, new PrintStream(out, true, StandardCharsets.UTF_8),
                        new PrintStream(err, true, StandardCharsets.UTF_8), s.clock).run(args);
                String o = out.toString(StandardCharsets.UTF_8);
                String e = err.toString(StandardCharsets.UTF_8);
                assertThat(status).as("%s\n%s", command, e).isZero();
                switch (args[0] + (args.length > 1 ? " " + args[1] : "")) {
                    case "record --lang":
                        if (Arrays.asList(args).contains("--html")) {
                            assertThat(o).startsWith("<!DOCTYPE html>").contains("Record of processing activities")
                                    .contains("<td>Maximilian M.</td>");
                        } else {
                            assertThat(o).contains("# Verzeichnis von Verarbeitungstätigkeiten").contains("| Schülerinnen und Schüler |")
                                    .contains("BigBlueButton (127.0.0.1)");
                        }
                        break;
                    case "retention --dry-run":
                        assertThat(o).startsWith("mode ").contains("dry-run").contains("planned").contains("lesson")
                                .contains("3 recordings: 2 to delete, 0 deleted");
                        assertThat(liveRecordings(s)).isEqualTo(before);
                        break;
                    case "retention --apply":
                        assertThat(o).contains("3 recordings: 2 to delete, 2 deleted");
                        assertThat(e.lines()).hasSize(2).allMatch(l -> l.startsWith("event=recording-deleted school=sc-"));
                        assertThat(liveRecordings(s)).isEqualTo(before - 2);
                        break;
                    case "erase 6021":
                        assertThat(o).contains("erase").contains("1 deleted");
                        assertThat(e).startsWith("event=recording-erased ");
                        assertThat(liveRecordings(s)).isEqualTo(before - 1);
                        break;
                    default:
                        throw new AssertionError("a documented command this test does not check: " + command);
                }
                assertThat(o + e).doesNotContain(s.secret()).doesNotContain("kurs-7b-mathe").doesNotContain("6022 ");
            }
        }
    }

    @Test
    void usageErrors_nameTheProblem_andNeverEchoAKey() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        DataProtectionCli cli = new DataProtectionCli(Map.of("BBB_PSEUDONYM_KEY", "not-base64-secret-ish!"),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), java.time.Clock.systemUTC());
        assertThat(cli.run("record")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("BBB_PSEUDONYM_KEY must be Base64")
                .doesNotContain("not-base64-secret-ish");
        assertThat(cli.run("retention", "6021")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("exactly one of --dry-run and --apply");
        assertThat(Room.class).isNotNull();
    }
}
