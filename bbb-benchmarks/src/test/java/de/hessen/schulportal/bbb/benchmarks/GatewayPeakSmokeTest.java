// SPDX-License-Identifier: Apache-2.0
package de.hessen.schulportal.bbb.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import de.hessen.schulportal.bbb.gateway.Gateway;
import de.hessen.schulportal.bbb.gateway.config.GatewayConfig;
import de.hessen.schulportal.bbb.gateway.config.Tenant;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The gateway peak replay, tiny and in one JVM: every call of both modes succeeds. */
class GatewayPeakSmokeTest {
    @Test
    void gatewayPeak_bothModes_runWithoutErrors() throws Exception {
        String moodleSecret = "moodle-smoke-secret-0123456789abcdef";
        try (SimulatorProcess sim = SimulatorProcess.start(false)) {
            GatewayPeak.Bench bench = GatewayPeak.Bench.create(sim::cpuSeconds);
            try (Gateway gateway = Gateway.start(GatewayConfig.builder("AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=")
                     .host("127.0.0.1").port(0)
                     .tenant(Tenant.builder("moodle", moodleSecret, sim.baseUrl(), sim.secret()).build()).build())) {
                String direct = sim.baseUrl() + (sim.baseUrl().endsWith("/") ? "" : "/") + "api/";
                Map<String, Long> before = sim.callsReceived();
                GatewayPeak.Run d = GatewayPeak.run(bench, "direct", direct, sim.secret(), 3, 5, 2, "d-", false);
                Map<String, Long> afterDirect = sim.callsReceived();
                GatewayPeak.Run g = GatewayPeak.run(bench, "gateway", gateway.url() + "bigbluebutton/api/", moodleSecret, 3, 5, 2, "g-", true);
                Map<String, Long> afterGateway = sim.callsReceived();
                // The backend gets the same calls from either side: 3 creates, 15 getMeetingInfo, 15 joins.
                for (String call : List.of("create", "getMeetingInfo", "join")) {
                    long fromDirect = afterDirect.getOrDefault(call, 0L) - before.getOrDefault(call, 0L);
                    long fromGateway = afterGateway.getOrDefault(call, 0L) - afterDirect.getOrDefault(call, 0L);
                    assertEquals(call.equals("create") ? 3 : 15, fromDirect, call + " from the direct run");
                    assertEquals(fromDirect, fromGateway, call + " through the gateway");
                }
                assertEquals(afterDirect.values().stream().mapToLong(Long::longValue).sum() - before.values().stream().mapToLong(Long::longValue).sum(),
                        afterGateway.values().stream().mapToLong(Long::longValue).sum() - afterDirect.values().stream().mapToLong(Long::longValue).sum(),
                        "no other backend calls through the gateway: " + afterGateway);
                assertEquals(15, d.info().count());
                assertEquals(15, d.join().count());
                assertEquals(15, g.info().count());
                assertEquals(15, g.join().count());
                assertEquals(3, g.create().count());
                assertTrue(g.gatewayCpuSeconds() > 0, "the gateway's threads' CPU is counted: " + g.gatewayCpuSeconds());
                assertTrue(g.backendClientCpuSeconds() > 0 && g.backendClientCpuSeconds() < g.gatewayCpuSeconds(),
                        "the backend client's threads are part of the gateway's: " + g.backendClientCpuSeconds());
                assertTrue(d.harnessCpuSeconds() > 0 && d.gatewayCpuSeconds() < d.harnessCpuSeconds(),
                        "a direct run is the harness's work, not the gateway's: " + d.harnessCpuSeconds() + " / " + d.gatewayCpuSeconds());
                // Both sides ask the same of the backend: every browser's join reaches it, so each lesson's
                // meeting holds all its users, direct and through the gateway (the gateway's backend IDs carry the tenant).
                for (int l = 0; l < 3; l++) {
                    assertEquals("5", participants(bench, direct, sim.secret(), GatewayPeak.meetingId("d-", l)), "direct lesson " + l);
                    assertEquals("5", participants(bench, direct, sim.secret(), "moodle-" + GatewayPeak.meetingId("g-", l)),
                            "gateway lesson " + l);
                }
            }
        }
    }

    private static String participants(GatewayPeak.Bench bench, String api, String secret, String meetingId) throws Exception {
        HttpResponse<String> r = bench.http().send(HttpRequest.newBuilder(URI.create(GatewayPeak.url(api, "getMeetingInfo",
                Map.of("meetingID", meetingId), secret))).GET().build(), HttpResponse.BodyHandlers.ofString());
        return GatewayPeak.element(r.body(), "participantCount");
    }

    @Test
    void median_ofThePairs_isTheMiddleOrTheMeanOfTheTwoMiddleOnes() {
        List<GatewayPeak.Run[]> runs = new ArrayList<>();
        for (double seconds : new double[] {3, 1, 2}) {
            runs.add(new GatewayPeak.Run[] {run(seconds)});
        }
        assertEquals(2.0, GatewayPeak.median(runs, r -> r[0].seconds()));
        runs.add(new GatewayPeak.Run[] {run(10)});
        assertEquals(2.5, GatewayPeak.median(runs, r -> r[0].seconds()));
    }

    private static GatewayPeak.Run run(double seconds) {
        return new GatewayPeak.Run("x", seconds, new Latencies(1), new Latencies(1), new Latencies(1), 0, 0, 0, 0);
    }
}
