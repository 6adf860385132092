// SPDX-License-Identifier: Apache-2.0
package de.hessen.schulportal.bbb.gateway;

import static de.hessen.schulportal.bbb.gateway.MoodleThroughGatewayTest.el;
import static org.assertj.core.api.Assertions.assertThat;

import de.hessen.schulportal.bbb.gateway.config.GatewayConfig;
import de.hessen.schulportal.bbb.gateway.config.Tenant;
import de.hessen.schulportal.bbb.testkit.BbbSimulator;
import de.hessen.schulportal.bbb.testkit.SimulatorClock;
import de.hessen.schulportal.bbb.testsupport.Secrets;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Retention for Moodle's recordings through the gateway: a tenant's recordings are found by the
 * school pseudonym the gateway writes, deleted when past GATEWAY_RETENTION_DAYS, and Moodle then
 * no longer shows them (mod_bigbluebuttonbn asks getRecordings with state=any and hides a
 * recording listed as deleted or not listed).
 */
class GatewayRetentionTest {
    static final String SECRET_A = Secrets.forbid("schule-a-secret-0123456789abcdef");
    static final String SECRET_B = Secrets.forbid("schule-b-secret-0123456789abcdef");

    static String record(FakeMoodle moodle, String meetingId) throws Exception {
        moodle.call("create", Map.of("meetingID", meetingId, "name", "Raum", "record", "true"));
        String createTime = el(moodle.call("getMeetingInfo", Map.of("meetingID", meetingId)).body(), "createTime");
        String join = moodle.call("join", Map.of("meetingID", meetingId, "fullName", "Ada Lovelace", "role", "MODERATOR",
                "userID", "1", "createTime", createTime)).headers().firstValue("Location").orElseThrow();
        assertThat(moodle.get(join).statusCode()).as("the backend's client page, entered with the session URL").isEqualTo(200);
        assertThat(el(moodle.call("end", Map.of("meetingID", meetingId)).body(), "returncode")).isEqualTo("SUCCESS");
        return meetingId;
    }

    @Test
    void tenantsRecordings_dryRunThenApply_moodleSeesThemDeleted_otherTenantUntouched() throws Exception {
        SimulatorClock simClock = SimulatorClock.manual(Instant.parse("2026-09-01T06:00:00Z"));
        try (BbbSimulator sim = BbbSimulator.builder().clock(simClock).start();
                Gateway gateway = Gateway.start(GatewayConfig.builder(MoodleThroughGatewayTest.KEY).host("127.0.0.1").allowLoopbackFetch(true).port(0)
                        .tenant(Tenant.builder("a", SECRET_A, sim.baseUrl(), Secrets.forbid(sim.secret())).build())
                        .tenant(Tenant.builder("b", SECRET_B, sim.baseUrl(), sim.secret()).build()).build());
                FakeMoodle a = new FakeMoodle(gateway.url().toString(), SECRET_A);
                FakeMoodle b = new FakeMoodle(gateway.url().toString(), SECRET_B)) {
            record(a, "kurs-bio");
            record(b, "kurs-chemie");
            simClock.advance(Duration.ofMinutes(5));
            assertThat(sim.recordings()).hasSize(2).allSatisfy(r -> assertThat(r.metadata()).containsKey("room-school"));
            String recordA = sim.recordings().stream().filter(r -> r.meetingId().equals("a-kurs-bio")).findFirst()
                    .orElseThrow().recordId();
            simClock.advance(Duration.ofDays(8));
            Clock clock = Clock.fixed(simClock.now(), ZoneOffset.UTC);
            Map<String, String> env = new HashMap<>(Map.of("GATEWAY_PUBLIC_URL", gateway.url().toString(),
                    "GATEWAY_PSEUDONYM_KEY", MoodleThroughGatewayTest.KEY, "GATEWAY_SECRET", SECRET_A, "GATEWAY_TENANT_ID", "a",
                    "BBB_URL", sim.baseUrl(), "BBB_SECRET", sim.secret(), "GATEWAY_RETENTION_DAYS", "7"));

            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            assertThat(GatewayRetention.run(new String[] {"--dry-run"}, env, new PrintStream(out, true, StandardCharsets.UTF_8),
                    new PrintStream(err, true, StandardCharsets.UTF_8), clock)).as(err.toString(StandardCharsets.UTF_8)).isZero();
            assertThat(out.toString(StandardCharsets.UTF_8)).contains("1 recordings: 1 to delete, 0 deleted")
                    .contains("a-kurs-bio").doesNotContain("b-kurs-chemie").doesNotContain("Lovelace");
            assertThat(sim.recordings()).allMatch(r -> r.state().equals("published"));

            env.put("GATEWAY_RETENTION_DAYS", "10");
            out.reset();
            GatewayRetention.run(new String[] {"--apply"}, env, new PrintStream(out, true, StandardCharsets.UTF_8),
                    new PrintStream(err, true, StandardCharsets.UTF_8), clock);
            assertThat(out.toString(StandardCharsets.UTF_8)).contains("1 recordings: 0 to delete, 0 deleted");

            env.put("GATEWAY_RETENTION_DAYS", "7");
            out.reset();
            err.reset();
            assertThat(GatewayRetention.run(new String[] {"--apply"}, env, new PrintStream(out, true, StandardCharsets.UTF_8),
                    new PrintStream(err, true, StandardCharsets.UTF_8), clock)).isZero();
            assertThat(out.toString(StandardCharsets.UTF_8)).contains("1 deleted");
            assertThat(err.toString(StandardCharsets.UTF_8)).startsWith("event=recording-deleted school=sc-");
            // What Moodle sees: mod_bigbluebuttonbn asks with state=any; a recording listed as deleted, or not
            // listed at all (as here), is no longer shown (recording::fetch_records).
            String moodleSees = a.call("getRecordings", Map.of("recordID", recordA, "state", "any")).body();
            assertThat(moodleSees.contains("<recordID>" + recordA + "</recordID>")
                    ? el(moodleSees, "state") : "not listed").isIn("deleted", "not listed");
            assertThat(sim.recordings()).filteredOn(r -> r.meetingId().equals("b-kurs-chemie")).singleElement()
                    .satisfies(r -> assertThat(r.state()).isEqualTo("published"));

            assertThat(GatewayRetention.run(new String[] {}, env, new PrintStream(out, true, StandardCharsets.UTF_8),
                    new PrintStream(err, true, StandardCharsets.UTF_8), clock)).isEqualTo(2);
        }
    }
}
