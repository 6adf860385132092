// SPDX-License-Identifier: Apache-2.0
package de.hessen.schulportal.bbb.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The gateway's part of the record follows its configuration: change a setting and the record changes. */
class GatewayRecordTest {
    private static final Map<String, String> ENV = Map.of("GATEWAY_PUBLIC_URL", "https://gateway.schulportal.example/",
            "GATEWAY_PSEUDONYM_KEY", MoodleThroughGatewayTest.KEY, "GATEWAY_SECRET", "moodle-secret-0123456789abcdef",
            "GATEWAY_TENANT_ID", "schule6021", "BBB_URL", "https://bbb.example/bigbluebutton/", "BBB_SECRET",
            "bbb-secret-0123456789abcdef");

    private static String record(Map<String, String> changes, String... args) {
        Map<String, String> env = new HashMap<>(ENV);
        env.putAll(changes);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        assertThat(GatewayRecord.run(args, env, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8))).as(err.toString(StandardCharsets.UTF_8)).isZero();
        return out.toString(StandardCharsets.UTF_8);
    }

    private static String row(String markdown, String data) {
        return markdown.lines().filter(l -> l.startsWith("| " + data + " |")).findFirst()
                .orElseThrow(() -> new AssertionError("no row " + data + " in\n" + markdown));
    }

    @Test
    void record_followsTheGatewaysConfiguration() {
        String defaults = record(Map.of());
        assertThat(defaults).contains("## bbb-gateway").contains("tenants: schule6021");
        assertThat(row(defaults, "display name of participants")).contains("Maximilian M.").doesNotContain("Mustermann");
        assertThat(row(defaults, "display name of moderators")).contains("Maximilian Mustermann");
        assertThat(row(defaults, "meeting name")).contains("neutral");
        assertThat(row(defaults, "dropped parameters")).contains("avatarURL");
        assertThat(row(defaults, "metadata")).contains("bbb-origin=Moodle").contains("room-school");
        assertThat(defaults).doesNotContain(ENV.get("GATEWAY_SECRET")).doesNotContain(ENV.get("BBB_SECRET"))
                .doesNotContain(MoodleThroughGatewayTest.KEY);

        String changed = record(Map.of("GATEWAY_VIEWER_NAMES", "FULL_NAME", "GATEWAY_FORWARD_MEETING_NAME", "true"));
        assertThat(row(changed, "display name of participants")).contains("Maximilian Mustermann");
        assertThat(row(changed, "meeting name")).contains("taken from Moodle");

        assertThat(record(Map.of(), "--lang", "de", "--html")).startsWith("<!DOCTYPE html>").contains("<html lang=\"de\">")
                .contains("Anzeigename Teilnehmende");
    }
}
