// SPDX-License-Identifier: Apache-2.0
package de.hessen.schulportal.bbb.benchmarks;

import de.hessen.schulportal.bbb.client.BbbClient;
import de.hessen.schulportal.bbb.client.event.BbbCall;
import de.hessen.schulportal.bbb.client.event.BbbEventListener;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.TearDown;

/**
 * The cost of the event listener on a whole call: a sync {@code isMeetingRunning} against a loopback
 * server that answers at once ({@link FixedAnswerServer}), with no listener (the default,
 * {@code BbbEventListener.NONE}) and with a listener that counts every event. The call path is
 * signing, HTTP over loopback, envelope check and mapping, so the listener's share is what is left.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class CallPathBenchmark extends ShortRun {
    private FixedAnswerServer server;
    private BbbClient noListener;
    private BbbClient counting;

    /** A listener that does the least a real one does: count. */
    static final class Counting implements BbbEventListener {
        final LongAdder events = new LongAdder();

        @Override
        public void callStart(BbbCall call) {
            events.increment();
        }

        @Override
        public void attemptStart(BbbCall call, int attempt) {
            events.increment();
        }

        @Override
        public void responseReceived(BbbCall call, int attempt, int httpStatus) {
            events.increment();
        }

        @Override
        public void callSucceeded(BbbCall call, Duration duration) {
            events.increment();
        }
    }

    @Setup
    public void setUp() {
        byte[] running = "<response><returncode>SUCCESS</returncode><running>true</running></response>"
                .getBytes(StandardCharsets.UTF_8);
        server = new FixedAnswerServer(Map.of("isMeetingRunning", running));
        noListener = BbbClient.builder().baseUrl(server.baseUrl()).secret(Workload.SECRET).build();
        counting = noListener.toBuilder().eventListener(new Counting()).build();
    }

    @TearDown
    public void tearDown() {
        noListener.close();
        counting.close();
        server.close();
    }

    @Benchmark
    public boolean isMeetingRunningNoListener() {
        return noListener.isMeetingRunning("7b-mathe");
    }

    @Benchmark
    public boolean isMeetingRunningCountingListener() {
        return counting.isMeetingRunning("7b-mathe");
    }
}
