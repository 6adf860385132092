// SPDX-License-Identifier: Apache-2.0
package de.hessen.schulportal.bbb.benchmarks;

import de.hessen.schulportal.bbb.client.BbbClient;
import de.hessen.schulportal.bbb.client.ChecksumAlgorithm;
import de.hessen.schulportal.bbb.client.meeting.JoinMeetingRequest;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Benchmark 1: one signed join URL. {@code joinUrl} signs a request that is already built;
 * {@code buildAndJoinUrl} is what a portal does per click (builder, validation, signing);
 * {@code rawFloor} is the same URL, byte for byte, from the JDK alone.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class JoinUrlBenchmark extends ShortRun {
    @Param({"SHA1", "SHA256"})
    public ChecksumAlgorithm algorithm;

    private BbbClient client;
    private JoinMeetingRequest request;

    @Setup
    public void setUp() {
        client = Workload.signingClient(algorithm);
        request = Workload.joinRequest();
    }

    @TearDown
    public void tearDown() {
        client.close();
    }

    @Benchmark
    public String joinUrl() {
        return client.joinUrl(request).rawUrl();
    }

    @Benchmark
    public String buildAndJoinUrl() {
        return client.joinUrl(Workload.joinRequest()).rawUrl();
    }

    @Benchmark
    public String rawFloor() {
        return RawSigner.sign(Workload.API_BASE, "join", Workload.NAMES, Workload.VALUES, Workload.SECRET,
                algorithm.jcaName());
    }
}
