// SPDX-License-Identifier: Apache-2.0
package de.hessen.schulportal.bbb.client.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.hessen.schulportal.bbb.client.BbbApiException;
import de.hessen.schulportal.bbb.client.BbbClient;
import de.hessen.schulportal.bbb.client.BbbTransportException;
import de.hessen.schulportal.bbb.client.ReliabilityAccess;
import de.hessen.schulportal.bbb.client.event.BbbCall;
import de.hessen.schulportal.bbb.client.event.BbbEventListener;
import de.hessen.schulportal.bbb.client.event.FailureKind;
import de.hessen.schulportal.bbb.client.event.RetryReason;
import de.hessen.schulportal.bbb.testsupport.Secrets;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The event listener sees each call and each attempt exactly once, in order, sync and async:
 * success, FAILED, retries with their backoff (through the injected sleeper), a transport failure,
 * a timeout; a throwing listener changes nothing; no argument carries a meeting ID or the secret.
 */
class EventListenerTest {
    private static final String OK = "<response><returncode>SUCCESS</returncode><running>true</running></response>";
    private static final String NOT_FOUND = "<response><returncode>FAILED</returncode><messageKey>notFound</messageKey>"
            + "<message>We could not find a meeting with that meeting ID</message></response>";

    /** Writes every event as one line, and keeps the calls it saw. */
    static final class Recorder implements BbbEventListener {
        final List<String> events = new CopyOnWriteArrayList<>();
        final List<BbbCall> calls = new CopyOnWriteArrayList<>();

        @Override
        public void callStart(BbbCall call) {
            calls.add(call);
            events.add("callStart " + call.name() + (call.isAsync() ? " async" : " sync"));
        }

        @Override
        public void attemptStart(BbbCall call, int attempt) {
            events.add("attemptStart " + attempt);
        }

        @Override
        public void retryScheduled(BbbCall call, int failedAttempt, RetryReason reason, int httpStatus, Duration delay) {
            events.add("retryScheduled " + failedAttempt + " " + reason + " " + httpStatus + " " + delay);
        }

        @Override
        public void responseReceived(BbbCall call, int attempt, int httpStatus) {
            events.add("responseReceived " + attempt + " " + httpStatus);
        }

        @Override
        public void callSucceeded(BbbCall call, Duration duration) {
            assertThat(duration).isPositive();
            events.add("callSucceeded");
        }

        @Override
        public void callFailed(BbbCall call, FailureKind kind, String messageKey, Duration duration) {
            assertThat(duration).isPositive();
            events.add("callFailed " + kind + " " + messageKey);
        }
    }

    private final Recorder recorder = new Recorder();
    private final RecordingSleeper sleeper = new RecordingSleeper();
    private LoopbackServer server;
    private BbbClient client;

    private BbbClient client(Function<String, LoopbackServer.Reply> replies, int maxRetries, Duration timeout)
            throws IOException {
        server = new LoopbackServer(replies);
        client = ReliabilityAccess.sleeper(BbbClient.builder(), sleeper).baseUrl(server.baseUrl()).secret(Secrets.SECRET)
                .maxRetries(maxRetries).requestTimeout(timeout).eventListener(recorder).build();
        return client;
    }

    @AfterEach
    void stop() throws IOException {
        if (client != null) {
            client.close();
        }
        if (server != null) {
            server.close();
        }
        for (String e : recorder.events) {
            assertThat(e).doesNotContain("room-1");
            Secrets.assertNoLeak("event", e);
        }
        for (BbbCall c : recorder.calls) {
            assertThat(c.toString()).isEqualTo("BbbCall{" + c.name() + "}");
            assertThat(c.redactedUrl()).doesNotContain(Secrets.SECRET).contains("checksum=***");
        }
    }

    @Test
    void success_sync_oneCallOneAttempt() throws IOException {
        assertThat(client(line -> LoopbackServer.status(200, "text/xml", OK), 2, Duration.ofSeconds(5))
                .isMeetingRunning("room-1")).isTrue();
        assertThat(recorder.events).containsExactly("callStart isMeetingRunning sync", "attemptStart 1",
                "responseReceived 1 200", "callSucceeded");
    }

    @Test
    void success_async_sameSequenceMarkedAsync() throws IOException {
        assertThat(client(line -> LoopbackServer.status(200, "text/xml", OK), 2, Duration.ofSeconds(5))
                .async().isMeetingRunning("room-1").join()).isTrue();
        assertThat(recorder.events).containsExactly("callStart isMeetingRunning async", "attemptStart 1",
                "responseReceived 1 200", "callSucceeded");
        assertThat(recorder.calls.get(0).isIdempotent()).isTrue();
    }

    @Test
    void failed_reportsApiErrorWithMessageKey() throws IOException {
        BbbClient c = client(line -> LoopbackServer.status(200, "text/xml", NOT_FOUND), 2, Duration.ofSeconds(5));
        assertThatThrownBy(() -> c.getMeetingInfo("room-1")).isInstanceOf(BbbApiException.class);
        assertThat(recorder.events).containsExactly("callStart getMeetingInfo sync", "attemptStart 1",
                "responseReceived 1 200", "callFailed API_ERROR notFound");
    }

    @Test
    void retries_reportEachAttemptAndTheBackoffTheSleeperWaited() throws IOException {
        AtomicInteger n = new AtomicInteger();
        BbbClient c = client(line -> n.incrementAndGet() <= 2 ? LoopbackServer.status(503, "text/html", "<html>busy</html>")
                : LoopbackServer.status(200, "text/xml", OK), 2, Duration.ofSeconds(5));
        assertThat(c.isMeetingRunning("room-1")).isTrue();
        List<Duration> waited = sleeper.sleeps();
        assertThat(waited).hasSize(2);
        assertThat(recorder.events).containsExactly("callStart isMeetingRunning sync",
                "attemptStart 1", "responseReceived 1 503", "retryScheduled 1 HTTP_STATUS 503 " + waited.get(0),
                "attemptStart 2", "responseReceived 2 503", "retryScheduled 2 HTTP_STATUS 503 " + waited.get(1),
                "attemptStart 3", "responseReceived 3 200", "callSucceeded");
    }

    @Test
    void transportFailure_retriedThenReportedAsTransport() throws IOException {
        BbbClient c = client(line -> LoopbackServer.reset(), 1, Duration.ofSeconds(5));
        assertThatThrownBy(() -> c.async().getMeetings().join()).isInstanceOf(CompletionException.class)
                .cause().isInstanceOf(BbbTransportException.class);
        assertThat(recorder.events).containsExactly("callStart getMeetings async", "attemptStart 1",
                "retryScheduled 1 CONNECTION_FAILURE 0 " + sleeper.sleeps().get(0), "attemptStart 2",
                "callFailed TRANSPORT null");
    }

    @Test
    void timeout_notRetriedForEnd_reportedAsTimeout() throws IOException {
        BbbClient c = client(line -> (socket, out) -> {
            try {
                Thread.sleep(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return false;
        }, 2, Duration.ofMillis(300));
        assertThatThrownBy(() -> c.end("room-1")).isInstanceOfSatisfying(BbbTransportException.class,
                e -> assertThat(e.isTimeout()).isTrue());
        assertThat(recorder.events).containsExactly("callStart end sync", "attemptStart 1", "callFailed TIMEOUT null");
    }

    @Test
    void throwingListener_isIgnored() throws IOException {
        server = new LoopbackServer(line -> LoopbackServer.status(200, "text/xml", OK));
        client = BbbClient.builder().baseUrl(server.baseUrl()).secret(Secrets.SECRET).eventListener(new BbbEventListener() {
            @Override
            public void callStart(BbbCall call) {
                throw new IllegalStateException("listener bug");
            }

            @Override
            public void callSucceeded(BbbCall call, Duration duration) {
                throw new IllegalStateException("listener bug");
            }
        }).build();
        assertThat(client.isMeetingRunning("room-1")).isTrue();
        assertThat(client.async().isMeetingRunning("room-1").join()).isTrue();
    }
}
