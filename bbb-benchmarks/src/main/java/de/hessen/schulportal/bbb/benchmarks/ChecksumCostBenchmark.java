// SPDX-License-Identifier: Apache-2.0
package de.hessen.schulportal.bbb.benchmarks;

import de.hessen.schulportal.bbb.client.ChecksumAlgorithm;
import de.hessen.schulportal.bbb.gateway.config.Tenant;
import de.hessen.schulportal.bbb.gateway.internal.ChecksumCheck;
import de.hessen.schulportal.bbb.gateway.internal.Query;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;

/**
 * The checksum check alone for a refused call (a SHA-256 that matches no tenant), with 1 and 500
 * tenants: the gateway's {@link ChecksumCheck} (the shared part hashed once, each secret finished on
 * a clone; {@code verifyFor} when the tenant is routed) beside the rule before issue 19, one full
 * hash of {@code call + query + secret} per tenant, written out here as the baseline.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class ChecksumCostBenchmark extends ShortRun {
    @Param({"1", "500"})
    public int tenants;

    @Param({"300", "12000"})
    public int queryBytes;

    private ChecksumCheck check;
    private List<Tenant> list;
    private String raw;
    private String rest;
    private Map<String, String> params;

    @Setup
    public void setUp() {
        list = new ArrayList<>();
        for (int i = 0; i < tenants; i++) {
            list.add(RefusedCalls.tenant(i));
        }
        check = new ChecksumCheck(list);
        rest = RefusedCalls.joinQuery(queryBytes);
        raw = rest + "&checksum=" + RefusedCalls.WRONG_CHECKSUM;
        params = Query.parse(raw);
    }

    /**
     * The gateway's check over every tenant.
     *
     * @return the result
     */
    @Benchmark
    public Object gateway() {
        return check.verify("join", raw, params);
    }

    /**
     * The gateway's check of a routed tenant ({@code /t/<tenant>/} or a host label).
     *
     * @return the result
     */
    @Benchmark
    public Object gatewayRouted() {
        return check.verifyFor("join", raw, params, list.get(list.size() - 1));
    }

    /**
     * The rule before issue 19: one full hash per tenant, hex formatted, compared.
     *
     * @return whether any matched
     */
    @Benchmark
    public boolean beforeFullHashPerTenant() {
        byte[] expected = RefusedCalls.WRONG_CHECKSUM.getBytes(StandardCharsets.US_ASCII);
        boolean any = false;
        for (Tenant t : list) {
            MessageDigest md = ChecksumAlgorithm.SHA256.newDigest();
            md.update(("join" + rest + t.clientSecret()).getBytes(StandardCharsets.UTF_8));
            any |= MessageDigest.isEqual(HexFormat.of().formatHex(md.digest()).getBytes(StandardCharsets.US_ASCII), expected);
        }
        return any;
    }
}
