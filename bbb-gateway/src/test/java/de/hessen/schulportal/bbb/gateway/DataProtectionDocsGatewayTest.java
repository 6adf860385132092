// SPDX-License-Identifier: Apache-2.0
package de.hessen.schulportal.bbb.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import de.hessen.schulportal.bbb.gateway.config.GatewayConfig;
import de.hessen.schulportal.bbb.gateway.config.Tenant;
import de.hessen.schulportal.bbb.testkit.BbbSimulator;
import de.hessen.schulportal.bbb.testkit.SimulatorClock;
import de.hessen.schulportal.bbb.testsupport.Secrets;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Runs the gateway commands docs/data-protection.md shows, in order, against a gateway with Moodle's recordings. */
class DataProtectionDocsGatewayTest {
    private static final String PREFIX = "java -cp \"$GATEWAY_CP\" de.hessen.schulportal.bbb.gateway.GatewayMain ";
    static final String SECRET = Secrets.forbid("schule6021-secret-0123456789abcdef");

    @Test
    void documentedGatewayCommands_run() throws Exception {
        List<String> commands = Files.readAllLines(Path.of("..", "docs", "data-protection.md"), StandardCharsets.UTF_8)
                .stream().filter(l -> l.startsWith(PREFIX)).map(l -> l.substring(PREFIX.length()).strip()).toList();
        assertThat(commands).hasSize(3);
        SimulatorClock simClock = SimulatorClock.manual(Instant.parse("2026-09-01T06:00:00Z"));
        try (BbbSimulator sim = BbbSimulator.builder().clock(simClock).start();
                Gateway gateway = Gateway.start(GatewayConfig.builder(MoodleThroughGatewayTest.KEY).host("127.0.0.1").allowLoopbackFetch(true).port(0)
                        .tenant(Tenant.builder("schule6021", SECRET, sim.baseUrl(), sim.secret()).build()).build());
                FakeMoodle moodle = new FakeMoodle(gateway.url().toString(), SECRET)) {
            GatewayRetentionTest.record(moodle, "8f3a1c-2-5");
            simClock.advance(Duration.ofDays(3));
            Map<String, String> env = Map.of("GATEWAY_PUBLIC_URL", gateway.url().toString(), "GATEWAY_PSEUDONYM_KEY",
                    MoodleThroughGatewayTest.KEY, "GATEWAY_SECRET", SECRET, "GATEWAY_TENANT_ID", "schule6021", "BBB_URL",
                    sim.baseUrl(), "BBB_SECRET", sim.secret(), "GATEWAY_RETENTION_DAYS", "2");
            Clock clock = Clock.fixed(simClock.now(), ZoneOffset.UTC);
            for (String command : commands) {
                String[] words = command.split("\\s+");
                String[] args = Arrays.copyOfRange(words, 1, words.length);
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
                PrintStream e = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
                int status = words[0].equals("record") ? GatewayRecord.run(args, env, o, e)
                        : GatewayRetention.run(args, env, o, e, clock);
                assertThat(status).as(command).isZero();
                String text = out.toString(StandardCharsets.UTF_8);
                if (command.contains("--dry-run")) {
                    assertThat(text).contains("1 recordings: 1 to delete, 0 deleted");
                } else if (command.contains("--apply")) {
                    assertThat(text).contains("1 deleted");
                } else {
                    assertThat(text).contains("<html lang=\"de\">").contains("bbb-gateway");
                }
            }
        }
    }
}
