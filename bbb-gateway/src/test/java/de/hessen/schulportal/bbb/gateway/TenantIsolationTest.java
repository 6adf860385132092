// SPDX-License-Identifier: Apache-2.0
package de.hessen.schulportal.bbb.gateway;

import de.hessen.schulportal.bbb.gateway.config.GatewayConfig;
import de.hessen.schulportal.bbb.gateway.config.Tenant;
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
                Gateway gateway = Gateway.start(GatewayConfig.builder(MoodleThroughGatewayTest.KEY).host("127.0.0.1").port(0)
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
            assertThat(a.get(join).statusCode()).isEqualTo(302);
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
}
