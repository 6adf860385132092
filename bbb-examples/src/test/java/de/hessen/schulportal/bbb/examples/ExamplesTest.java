// SPDX-License-Identifier: Apache-2.0
package de.hessen.schulportal.bbb.examples;

import static org.assertj.core.api.Assertions.assertThat;

import de.hessen.schulportal.bbb.client.meeting.JoinResponse;
import de.hessen.schulportal.bbb.testkit.BbbSimulator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Every example runs against the embedded simulator and does what it says. */
class ExamplesTest {

    private static ExampleServer simulated() {
        return ExampleServer.fromEnvironment(Map.of());
    }

    private static String capture(java.util.function.Consumer<PrintStream> body) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8)) {
            body.accept(out);
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void quickStart_createsMeetingAndJoinsBothOnTheServer() {
        try (ExampleServer server = simulated()) {
            JoinResponse[] sessions = QuickStart.run(server.baseUrl(), server.secret());
            assertThat(sessions[0].url().orElseThrow().toString()).contains("/html5client/join?sessionToken=")
                    .doesNotContain("checksum");
            assertThat(sessions[1].guestStatus()).isEqualTo(de.hessen.schulportal.bbb.client.meeting.GuestStatus.ALLOW);
            BbbSimulator sim = server.simulator().orElseThrow();
            assertThat(sim.meeting("klasse-7b-mathe").orElseThrow().attendees()).extracting(a -> a.role() + " " + a.fullName())
                    .containsExactly("MODERATOR Frau Schmidt", "VIEWER Ali K.");
            assertThat(sim.meeting("klasse-7b-mathe").orElseThrow().createParameters())
                    .containsEntry("allowRequestsWithoutSession", "true");
            assertThat(sim.meeting("klasse-7b-mathe")).isPresent();
            assertThat(sim.meeting("klasse-7b-mathe").orElseThrow().name()).isEqualTo("Klasse 7b – Mathematik");
        }
    }

    @Test
    void readmeQuickStart_isTheCompiledExample() throws IOException {
        assertThat(normalise(readmeBlock("## Quick start")))
                .isEqualTo(normalise(importsAndMarkedBlock("QuickStart.java", "quick-start")));
    }

    @Test
    void readmeAdapterBlock_isTheCompiledExample() throws IOException {
        assertThat(normalise(readmeBlock("## The portal adapter in a few lines")))
                .isEqualTo(normalise(importsAndMarkedBlock("AdapterQuickStart.java", "adapter")));
    }

    @Test
    void adapterQuickStart_pupilWaitsForTheTeacher() {
        try (ExampleServer server = simulated()) {
            String key = java.util.Base64.getEncoder().encodeToString(SchoolMorningDemo.randomKey());
            de.hessen.schulportal.bbb.portal.JoinOutcome outcome = AdapterQuickStart.run(server.client(), key);
            assertThat(outcome.kind()).isEqualTo(de.hessen.schulportal.bbb.portal.JoinOutcome.Kind.WAIT_FOR_START);
            assertThat(server.simulator().orElseThrow().meetings()).isEmpty();
        }
    }

    /** The first java block under the given README heading. */
    static String readmeBlock(String heading) throws IOException {
        String text = Files.readString(Path.of("..", "README.md"), StandardCharsets.UTF_8);
        Matcher m = Pattern.compile("```java\\n(.*?)```", Pattern.DOTALL).matcher(text.substring(text.indexOf(heading)));
        assertThat(m.find()).as("README has a java block under '%s'", heading).isTrue();
        return m.group(1).strip();
    }

    /**
     * What the README must show for an example: every import of its file, in the file's order (so a
     * pasted block compiles, and an import the block does not need shows up as a difference), then
     * the code between the file's README markers.
     */
    static String importsAndMarkedBlock(String file, String marker) throws IOException {
        String source = Files.readString(Path.of("src/main/java/de/hessen/schulportal/bbb/examples", file),
                StandardCharsets.UTF_8);
        String imports = source.lines().filter(line -> line.startsWith("import ")).collect(Collectors.joining("\n"));
        String begin = "// README-BEGIN " + marker;
        int from = source.indexOf(begin);
        int to = source.indexOf("// README-END " + marker);
        assertThat(from).as("%s has the marker '%s'", file, begin).isNotNegative();
        assertThat(to).as("%s has the end marker of '%s'", file, marker).isGreaterThan(from);
        return imports + "\n\n" + source.substring(from + begin.length(), to);
    }

    private static String normalise(String code) {
        StringBuilder sb = new StringBuilder();
        for (String line : code.split("\n")) {
            if (!line.isBlank()) {
                sb.append(line.strip()).append('\n');
            }
        }
        return sb.toString();
    }

    @Test
    void opsCli_listsMeetingsAsTableAndJson() {
        try (ExampleServer server = simulated()) {
            String table = capture(out -> assertThat(OpsCli.run(server, new String[] {"meetings"}, out)).isZero());
            assertThat(table).contains("MEETING ID").contains("beispiel-7b-mathe").contains("1 meeting(s), 2 participant(s)");
        }
        try (ExampleServer server = simulated()) {
            String json = capture(out -> assertThat(OpsCli.run(server, new String[] {"meeting", "beispiel-7b-mathe", "--json"}, out))
                    .isZero());
            assertThat(json.strip()).startsWith("{\"meetingId\":\"beispiel-7b-mathe\"").contains("\"participants\":2")
                    .contains("\"role\":\"MODERATOR\"");
        }
        try (ExampleServer server = simulated()) {
            String check = capture(out -> assertThat(OpsCli.run(server, new String[] {"check"}, out)).isZero());
            assertThat(check).contains("OK");
            String missing = capture(out -> assertThat(OpsCli.run(server, new String[] {"meeting", "gibt-es-nicht"}, out))
                    .isEqualTo(2));
            assertThat(missing).contains("error:").contains("notFound");
        }
    }

    @Test
    void recordingsAdmin_walksThroughPublishUnpublishDelete() {
        try (ExampleServer server = simulated()) {
            SampleData.seed(server.simulator().orElseThrow(), server.client());
            String output = capture(out -> new RecordingsAdmin(server.client(), out).walkThrough());
            assertThat(output).contains("unpublished").contains("Published ").contains("Deleted ").endsWith("0 recording(s)"
                    + System.lineSeparator() + System.lineSeparator());
            assertThat(server.simulator().orElseThrow().recordings()).allMatch(r -> r.state().equals("deleted"));
        }
    }

    @Test
    void callbackReceiver_verifiesEveryCallbackKind() throws Exception {
        try (ExampleServer server = simulated()) {
            BbbSimulator sim = server.simulator().orElseThrow();
            byte[] key = new byte[32];
            new SecureRandom().nextBytes(key);
            try (CallbackReceiver receiver = new CallbackReceiver(0, sim.secret(), key)) {
                List<String> events = CallbackReceiver.walkThrough(server.client(), sim, receiver, key);
                assertThat(events).anyMatch(e -> e.startsWith("webhook meeting-created meeting=rueckruf-demo"))
                        .anyMatch(e -> e.startsWith("webhook user-joined"))
                        .anyMatch(e -> e.startsWith("meeting-ended meeting=rueckruf-demo"))
                        .anyMatch(e -> e.startsWith("recording-ready meeting=rueckruf-demo"));
                assertThat(receiver.rejected()).isEmpty();
            }
            // A receiver with the wrong keys rejects every one of them.
            try (CallbackReceiver wrong = new CallbackReceiver(0, "not-the-secret", new byte[32])) {
                String hook = wrong.baseUrl() + "/bbb/webhook";
                server.client().createHook(de.hessen.schulportal.bbb.client.hook.CreateHookRequest.builder(java.net.URI.create(hook))
                        .build());
                server.client().create(de.hessen.schulportal.bbb.client.meeting.CreateMeetingRequest.builder("zweiter", "Zweiter")
                        .build());
                sim.awaitCallbacks(java.time.Duration.ofSeconds(10));
                assertThat(wrong.verified()).isEmpty();
                assertThat(wrong.rejected()).isNotEmpty().allMatch(r -> r.contains("BAD_SIGNATURE"));
            }
        }
    }

    @Test
    void exampleServer_readsTheEnvironmentWithoutPrintingTheSecret() {
        try (ExampleServer real = ExampleServer.fromEnvironment(Map.of("BBB_URL", "https://bbb.example.org/bigbluebutton/",
                "BBB_SECRET", "very-secret-value", "BBB_CHECKSUM_ALGORITHM", "sha-512"))) {
            assertThat(real.isSimulated()).isFalse();
            assertThat(real.describe()).isEqualTo("BigBlueButton at https://bbb.example.org/bigbluebutton/api/")
                    .doesNotContain("very-secret-value");
            String url = real.client().joinUrl(de.hessen.schulportal.bbb.client.meeting.JoinMeetingRequest
                    .builder("m-1", "A", de.hessen.schulportal.bbb.client.meeting.Role.VIEWER).build()).rawUrl();
            assertThat(URLDecoder.decode(url, StandardCharsets.UTF_8)).matches(".*checksum=[0-9a-f]{128}$");
        }
    }
}
