// SPDX-License-Identifier: Apache-2.0
package de.hessen.schulportal.bbb.gateway;

import de.hessen.schulportal.bbb.gateway.config.GatewayConfig;
import de.hessen.schulportal.bbb.gateway.config.Tenant;
import de.hessen.schulportal.bbb.gateway.config.TenantRouting;
import static de.hessen.schulportal.bbb.gateway.MoodleThroughGatewayTest.el;
import static org.assertj.core.api.Assertions.assertThat;

import de.hessen.schulportal.bbb.testkit.BbbSimulator;
import de.hessen.schulportal.bbb.testsupport.Secrets;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Two schools on one backend: each is routed by its own secret and sees only its own meetings and recordings. */
class TenantIsolationTest {
    static final String SECRET_A = Secrets.forbid("schule-a-secret-0123456789abcdef");
    static final String SECRET_B = Secrets.forbid("schule-b-secret-0123456789abcdef");

    @Test
    void tenants_shareABackend_butNotTheirMeetingsOrRecordings() throws Exception {
        try (BbbSimulator sim = BbbSimulator.start();
                Gateway gateway = Gateway.start(GatewayConfig.builder(MoodleThroughGatewayTest.KEY).host("127.0.0.1").allowLoopbackFetch(true).port(0)
                        .tenant(Tenant.builder("a", SECRET_A, sim.baseUrl(), Secrets.forbid(sim.secret())).build())
                        .tenant(Tenant.builder("b", SECRET_B, sim.baseUrl(), sim.secret()).build()).build());
                FakeMoodle a = new FakeMoodle(gateway.url().toString(), SECRET_A);
                FakeMoodle b = new FakeMoodle(gateway.url().toString(), SECRET_B)) {
            assertThat(el(a.call("create", Map.of("meetingID", "same-id", "name", "Raum", "record", "true")).body(), "returncode"))
                    .isEqualTo("SUCCESS");
            assertThat(sim.meeting("a-same-id")).isPresent();

            HttpResponse<String> bInfo = b.call("getMeetingInfo", Map.of("meetingID", "same-id"));
            assertThat(el(bInfo.body(), "messageKey")).isEqualTo("notFound");
            assertThat(b.call("getMeetings", Map.of()).body()).contains("<messageKey>noMeetings</messageKey>")
                    .doesNotContain("same-id");
            assertThat(a.call("getMeetings", Map.of()).body()).contains("<meetingID>same-id</meetingID>");

            // A user of school A joins, so the meeting is recorded; it ends and is processed.
            String createTime = el(a.call("getMeetingInfo", Map.of("meetingID", "same-id")).body(), "createTime");
            String join = a.call("join", Map.of("meetingID", "same-id", "fullName", "Ada Lovelace", "role", "MODERATOR",
                    "userID", "1", "createTime", createTime)).headers().firstValue("Location").orElseThrow();
            assertThat(a.get(join).statusCode()).as("the session URL opens the client").isEqualTo(200);
            // A breakout room of school A's meeting, created by BigBlueButton itself (its own hashed ID).
            String breakoutId = "0f1e2d3c4b5a69788796a5b4c3d2e1f00f1e2d3c-1765100000000";
            try (FakeMoodle bbb = new FakeMoodle(sim.baseUrl().replace("bigbluebutton/", ""), sim.secret())) {
                assertThat(el(bbb.call("create", MoodleThroughGatewayTest.ordered("meetingID", breakoutId, "name", "Raum 1",
                        "isBreakout", "true", "parentMeetingID", sim.meeting("a-same-id").orElseThrow().internalMeetingId(),
                        "sequence", "1", "record", "true")).body(), "returncode")).isEqualTo("SUCCESS");
                assertThat(bbb.call("join", Map.of("meetingID", breakoutId, "fullName", "Ada L.", "role", "VIEWER")).statusCode())
                        .isEqualTo(302);
                assertThat(el(bbb.call("end", Map.of("meetingID", breakoutId)).body(), "returncode")).isEqualTo("SUCCESS");
            }
            assertThat(el(a.call("end", Map.of("meetingID", "same-id")).body(), "returncode")).isEqualTo("SUCCESS");
            sim.clock().advance(Duration.ofMinutes(5));
            String recordId = sim.recordings().stream().filter(r -> r.meetingId().equals("a-same-id")).findFirst().orElseThrow().recordId();
            String breakoutRecordId = sim.recordings().stream().filter(r -> r.meetingId().equals(breakoutId)).findFirst().orElseThrow()
                    .recordId();
            assertThat(b.call("getRecordings", Map.of("recordID", breakoutRecordId, "state", "any")).body())
                    .contains("<messageKey>noRecordings</messageKey>").doesNotContain(breakoutRecordId);
            assertThat(el(b.call("deleteRecordings", Map.of("recordID", breakoutRecordId)).body(), "messageKey")).isEqualTo("notFound");
            assertThat(a.call("getRecordings", Map.of("recordID", breakoutRecordId, "state", "any")).body())
                    .contains("<recordID>" + breakoutRecordId + "</recordID>");

            assertThat(b.call("getRecordings", Map.of("recordID", recordId, "state", "any")).body())
                    .contains("<messageKey>noRecordings</messageKey>").doesNotContain(recordId);
            assertThat(el(b.call("deleteRecordings", Map.of("recordID", recordId)).body(), "messageKey")).isEqualTo("notFound");
            assertThat(el(b.call("publishRecordings", Map.of("recordID", recordId, "publish", "false")).body(), "messageKey"))
                    .isEqualTo("notFound");
            assertThat(sim.recordings()).allSatisfy(r -> assertThat(r.state()).isEqualTo("published"));
            assertThat(a.call("getRecordings", Map.of("recordID", recordId, "state", "any")).body())
                    .contains("<recordID>" + recordId + "</recordID>");
        }
    }

    static Gateway twoSchools(BbbSimulator sim, TenantRouting routing) {
        return Gateway.start(GatewayConfig.builder(MoodleThroughGatewayTest.KEY).host("127.0.0.1").allowLoopbackFetch(true).port(0).tenantRouting(routing)
                .tenant(Tenant.builder("a", SECRET_A, sim.baseUrl(), Secrets.forbid(sim.secret())).build())
                .tenant(Tenant.builder("b", SECRET_B, sim.baseUrl(), sim.secret()).build()).build());
    }

    /** Issue 19 §2: the tenant from the path is checked with its own secret only; another tenant's secret does not pass. */
    @Test
    void pathPrefix_namesTheTenant_andOnlyItsSecretIsTried() {
        try (BbbSimulator sim = BbbSimulator.start();
                Gateway gateway = twoSchools(sim, TenantRouting.bySecret());
                FakeMoodle aByPath = new FakeMoodle(gateway.url() + "t/a/", SECRET_A);
                FakeMoodle bAtA = new FakeMoodle(gateway.url() + "t/a/", SECRET_B);
                FakeMoodle unknown = new FakeMoodle(gateway.url() + "t/zz/", SECRET_A);
                FakeMoodle aPlain = new FakeMoodle(gateway.url().toString(), SECRET_A)) {
            assertThat(el(aByPath.call("create", Map.of("meetingID", "p-1", "name", "Raum")).body(), "returncode")).isEqualTo("SUCCESS");
            assertThat(sim.meeting("a-p-1")).isPresent();
            assertThat(el(bAtA.call("getMeetings", Map.of()).body(), "messageKey")).isEqualTo("checksumError");
            assertThat(el(unknown.call("getMeetings", Map.of()).body(), "messageKey")).isEqualTo("checksumError");
            assertThat(el(aPlain.call("getMeetingInfo", Map.of("meetingID", "p-1")).body(), "returncode"))
                    .as("bySecret still routes unprefixed calls").isEqualTo("SUCCESS");
        }
    }

    @Test
    void byPath_refusesCallsWithoutThePrefix() {
        try (BbbSimulator sim = BbbSimulator.start();
                Gateway gateway = twoSchools(sim, TenantRouting.byPath());
                FakeMoodle bByPath = new FakeMoodle(gateway.url() + "t/b/", SECRET_B);
                FakeMoodle bPlain = new FakeMoodle(gateway.url().toString(), SECRET_B)) {
            assertThat(el(bByPath.call("getMeetings", Map.of()).body(), "returncode")).isEqualTo("SUCCESS");
            assertThat(el(bPlain.call("getMeetings", Map.of()).body(), "messageKey")).isEqualTo("checksumError");
        }
    }

    @Test
    void byHost_takesTheTenantFromTheFirstLabel() throws Exception {
        try (BbbSimulator sim = BbbSimulator.start();
                Gateway gateway = twoSchools(sim, TenantRouting.byHost(".gw.example.org"))) {
            String q = "meetingID=h-1";
            String signedA = "/bigbluebutton/api/getMeetingInfo?" + q + "&checksum=" + FakeMoodle.sha256Hex("getMeetingInfo" + q + SECRET_A);
            assertThat(rawGet(gateway.port(), "a.gw.example.org", signedA)).contains("<messageKey>notFound</messageKey>");
            assertThat(rawGet(gateway.port(), "A.GW.EXAMPLE.ORG:443", signedA)).contains("<messageKey>notFound</messageKey>");
            assertThat(rawGet(gateway.port(), "b.gw.example.org", signedA)).contains("<messageKey>checksumError</messageKey>");
            assertThat(rawGet(gateway.port(), "gw.example.org", signedA)).contains("<messageKey>checksumError</messageKey>");
            assertThat(rawGet(gateway.port(), "127.0.0.1", signedA)).contains("<messageKey>checksumError</messageKey>");
        }
    }

    static String rawGet(int port, String host, String target) throws java.io.IOException {
        try (java.net.Socket s = new java.net.Socket(java.net.InetAddress.getLoopbackAddress(), port)) {
            s.setSoTimeout(60_000);
            s.getOutputStream().write(("GET " + target + " HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n\r\n")
                    .getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            return new String(s.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
    }
}
