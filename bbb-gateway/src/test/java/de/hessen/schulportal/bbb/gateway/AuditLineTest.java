// SPDX-License-Identifier: Apache-2.0
package de.hessen.schulportal.bbb.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import de.hessen.schulportal.bbb.gateway.config.GatewayConfig;
import de.hessen.schulportal.bbb.gateway.config.Tenant;
import de.hessen.schulportal.bbb.testkit.BbbSimulator;
import de.hessen.schulportal.bbb.testsupport.CapturingLoggerProvider;
import de.hessen.schulportal.bbb.testsupport.Secrets;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The gateway's audit line has the adapter's AuditEvent shape; a dropped callback is a callback-refused event. */
class AuditLineTest {
    static final String SECRET = Secrets.forbid("audit-line-secret-0123456789abcdef");

    @Test
    void auditLines_haveTheAdaptersShape_refusedCallbacksTheirOwnEvent() throws Exception {
        try (BbbSimulator sim = BbbSimulator.start();
                Gateway gateway = Gateway.start(GatewayConfig.builder(MoodleThroughGatewayTest.KEY).host("127.0.0.1").allowLoopbackFetch(true).port(0)
                        .tenant(Tenant.builder("schule6021", SECRET, sim.baseUrl(), sim.secret()).build()).build());
                FakeMoodle moodle = new FakeMoodle(gateway.url().toString(), SECRET)) {
            CapturingLoggerProvider.clear();
            moodle.call("create", Map.of("meetingID", "kurs-bio", "name", "Biologie Frau Schmidt"));
            HttpResponse<String> forged = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create(gateway.url() + "gateway/callback/recording-ready/bm90LWEtdG9rZW4"))
                    .POST(HttpRequest.BodyPublishers.ofString("signed_parameters=x")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(forged.statusCode()).isIn(401, 404);
            // The handler writes its audit line after the answer, so the line may follow the response by a moment.
            long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(10);
            List<String> audit = auditLines();
            while (audit.stream().noneMatch(l -> l.contains("event=callback-refused")) && System.nanoTime() < deadline) {
                java.util.concurrent.locks.LockSupport.parkNanos(10_000_000L);
                audit = auditLines();
            }
            assertThat(audit).anySatisfy(l -> assertThat(l).containsPattern(
                    "event=request call=create tenant=schule6021 outcome=success status=200 tookMs=[0-9]+ meeting=sp-[a-z2-7]{26}"));
            assertThat(audit).anySatisfy(l -> assertThat(l).containsPattern(
                    "event=callback-refused call=recording_ready tenant=- outcome=dropped_[a-z]+ status=40[14]"));
            assertThat(String.join("\n", audit)).doesNotContain("kurs-bio").doesNotContain("Schmidt");
        }
    }

    private static List<String> auditLines() {
        return CapturingLoggerProvider.lines().stream().filter(l -> l.contains("event=")).toList();
    }
}
