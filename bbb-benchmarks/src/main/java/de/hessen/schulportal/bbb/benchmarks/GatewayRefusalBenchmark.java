// SPDX-License-Identifier: Apache-2.0
package de.hessen.schulportal.bbb.benchmarks;

import de.hessen.schulportal.bbb.gateway.Gateway;
import de.hessen.schulportal.bbb.gateway.config.GatewayConfig;
import de.hessen.schulportal.bbb.gateway.config.GatewayLimits;
import de.hessen.schulportal.bbb.gateway.config.TenantRouting;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Base64;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Issue 19 §2: unauthenticated calls the gateway refuses ({@code checksumError}), per second, with 1
 * and with 500 tenants side by side, over loopback HTTP (client and gateway in this JVM). A refusal
 * is the attacker's cheapest call: before the fix every tenant's secret hashed the whole query.
 *
 * <p>Parameters: {@code routing} {@code secret} (the default: the shared part hashed once, each
 * tenant's secret finished on a clone) or {@code path} (the tenant from {@code /t/<tenant>/}: one
 * secret); {@code queryBytes} a Moodle-sized join query or one near the 16 KiB header limit, where the
 * attacker makes the shared part expensive. The checksum is a well-formed SHA-256 that matches no
 * tenant, so every tenant is tried.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class GatewayRefusalBenchmark extends ShortRun {
    @Param({"1", "500"})
    public int tenants;

    @Param({"secret", "path"})
    public String routing;

    @Param({"300", "12000"})
    public int queryBytes;

    private Gateway gateway;
    private HttpClient http;
    private HttpRequest refused;

    @Setup(Level.Trial)
    public void setUp() {
        byte[] key = new byte[32];
        new java.security.SecureRandom().nextBytes(key);
        GatewayConfig.Builder b = GatewayConfig.builder(Base64.getEncoder().encodeToString(key)).host("127.0.0.1").port(0)
                .limits(GatewayLimits.builder().maxConcurrentRequests(256).build())
                .tenantRouting(routing.equals("path") ? TenantRouting.byPath() : TenantRouting.bySecret());
        for (int i = 0; i < tenants; i++) {
            b.tenant(RefusedCalls.tenant(i));
        }
        gateway = Gateway.start(b.build());
        String q = RefusedCalls.joinQuery(queryBytes) + "&checksum=" + RefusedCalls.WRONG_CHECKSUM;
        String prefix = routing.equals("path") ? "t/t" + (tenants - 1) + "/" : "";
        refused = HttpRequest.newBuilder(URI.create(gateway.url() + prefix + "bigbluebutton/api/join?" + q)).GET().build();
        http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        gateway.close();
    }

    /**
     * One refused call.
     *
     * @return the answer (checked by the smoke test to be checksumError)
     * @throws IOException if the gateway does not answer
     * @throws InterruptedException if interrupted
     */
    @Benchmark
    public String refusal() throws IOException, InterruptedException {
        return http.send(refused, HttpResponse.BodyHandlers.ofString()).body();
    }
}
