// SPDX-License-Identifier: Apache-2.0
package de.hessen.schulportal.bbb.client.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import de.hessen.schulportal.bbb.client.BbbClient;
import de.hessen.schulportal.bbb.client.meeting.CreateMeetingRequest;
import de.hessen.schulportal.bbb.client.meeting.MeetingInfo;
import de.hessen.schulportal.bbb.testkit.BbbSimulator;
import de.hessen.schulportal.bbb.testsupport.Secrets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The callback pool of a client that creates its own HTTP client: its size does not follow the
 * number of calls in flight, and callbacks that wait on other calls of the same client do not
 * deadlock it (the contract in {@code BbbAsyncClient}'s Javadoc).
 */
class CallbackThreadsTest {
    private static final int IN_FLIGHT = 512;
    private static final int POOL = Math.max(2, Math.min(8, Runtime.getRuntime().availableProcessors()));
    private static BbbSimulator sim;

    @BeforeAll
    static void start() {
        sim = BbbSimulator.start();
        Secrets.forbid(sim.secret());
        try (BbbClient c = client()) {
            c.create(CreateMeetingRequest.builder("callback-threads", "Klasse 8c").build());
        }
    }

    @AfterAll
    static void stop() {
        sim.close();
    }

    private static BbbClient client() {
        return BbbClient.builder().baseUrl(sim.baseUrl()).secret(sim.secret()).build();
    }

    private static int liveCallbackThreads() {
        int n = 0;
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            if (t.getName().startsWith("bbb-client-") && t.getName().contains("-callback-")) {
                n++;
            }
        }
        return n;
    }

    @Test
    void asyncCalls_with512InFlightAndSlowCallbacks_callbackThreadsStayAtPoolSize() throws Exception {
        int before = liveCallbackThreads();
        try (BbbClient c = client()) {
            Set<String> callbackThreads = ConcurrentHashMap.newKeySet();
            AtomicInteger running = new AtomicInteger();
            AtomicInteger peakRunning = new AtomicInteger();
            AtomicInteger peakThreads = new AtomicInteger();
            List<CompletableFuture<MeetingInfo>> calls = new ArrayList<>();
            for (int i = 0; i < IN_FLIGHT; i++) {
                calls.add(c.async().getMeetingInfo("callback-threads").whenComplete((info, error) -> {
                    peakRunning.accumulateAndGet(running.incrementAndGet(), Math::max);
                    callbackThreads.add(Thread.currentThread().getName());
                    peakThreads.accumulateAndGet(liveCallbackThreads(), Math::max);
                    try {
                        // Blocking work the pool cannot see: with a thread per running callback this
                        // made the callback threads grow with the calls in flight.
                        Thread.sleep(2);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    } finally {
                        running.decrementAndGet();
                    }
                }));
            }
            CompletableFuture.allOf(calls.toArray(new CompletableFuture<?>[0])).get(60, TimeUnit.SECONDS);
            assertThat(callbackThreads).as("threads that ran callbacks").allMatch(n -> n.contains("-callback-"));
            assertThat(callbackThreads.size()).as("distinct callback threads, %d in flight", IN_FLIGHT)
                    .isLessThanOrEqualTo(POOL);
            assertThat(peakRunning.get()).as("callbacks running at once").isLessThanOrEqualTo(POOL);
            assertThat(peakThreads.get() - before).as("live callback threads of this client").isLessThanOrEqualTo(POOL);
        }
    }

    @Test
    void callbacksThatWaitOnTheSameClient_completeWithoutDeadlock() throws Exception {
        try (BbbClient c = client()) {
            int n = 8 * POOL;
            List<CompletableFuture<Integer>> calls = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                // Each callback waits for another async call and makes a sync call of the same
                // client: with a plain bounded pool every callback thread would wait for a
                // completion that needs one of those threads.
                calls.add(c.async().getMeetingInfo("callback-threads").thenApply(first -> {
                    MeetingInfo again = c.async().getMeetingInfo("callback-threads").join();
                    MeetingInfo sync = c.getMeetingInfo("callback-threads");
                    return again.participantCount() + sync.participantCount() + first.participantCount();
                }));
            }
            CompletableFuture.allOf(calls.toArray(new CompletableFuture<?>[0])).get(60, TimeUnit.SECONDS);
            for (CompletableFuture<Integer> f : calls) {
                assertThat(f).isCompletedWithValue(0);
            }
        }
    }
}
