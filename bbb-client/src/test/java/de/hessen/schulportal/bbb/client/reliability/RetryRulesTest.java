// SPDX-License-Identifier: Apache-2.0
package de.hessen.schulportal.bbb.client.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.hessen.schulportal.bbb.client.BbbApiException;
import de.hessen.schulportal.bbb.client.BbbClient;
import de.hessen.schulportal.bbb.client.BbbException;
import de.hessen.schulportal.bbb.client.BbbResponseException;
import de.hessen.schulportal.bbb.client.BbbTransportException;
import de.hessen.schulportal.bbb.client.ReliabilityAccess;
import de.hessen.schulportal.bbb.client.internal.RetryPolicy;
import de.hessen.schulportal.bbb.testsupport.CapturingLoggerProvider;
import de.hessen.schulportal.bbb.testsupport.Secrets;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The retry rules, observed on the wire (a counting loopback server) and through the injected
 * sleeper: only idempotent calls, only on connection failures, timeouts and 429/502/503/504, with
 * jittered exponential backoff, never more than {@code maxRetries}, never after a parsed
 * {@code FAILED}; every discarded answer is read to its end or its connection closed.
 */
class RetryRulesTest {
    private static final String HTML = "<html><body>busy</body></html>";
    private static final String FAILED = "<response><returncode>FAILED</returncode><messageKey>serverUnavailable</messageKey>"
            + "<message>No server available</message></response>";

    private final AtomicReference<LoopbackServer.Reply> reply = new AtomicReference<>();
    private final RecordingSleeper sleeper = new RecordingSleeper();
    private LoopbackServer server;

    @BeforeEach
    void start() throws Exception {
        server = new LoopbackServer(line -> reply.get());
    }

    @AfterEach
    void stop() throws Exception {
        server.close();
    }

    private BbbClient client(int maxRetries) {
        return ReliabilityAccess.sleeper(BbbClient.builder(), sleeper).baseUrl(server.baseUrl()).secret(Secrets.SECRET)
                .requestTimeout(Duration.ofSeconds(2)).maxRetries(maxRetries).maxResponseBytes(4096).build();
    }

    @ParameterizedTest(name = "HTTP {0}")
    @ValueSource(ints = {400, 401, 403, 404, 405, 413, 429, 500, 501, 502, 503, 504, 505})
    void status_isRetriedOnlyIfRetryableAndOnlyForIdempotentCalls(int status) {
        reply.set(LoopbackServer.status(status, "text/html", HTML));
        boolean retryable = status == 429 || status == 502 || status == 503 || status == 504;
        try (BbbClient c = client(2)) {
            for (ApiCalls call : ApiCalls.values()) {
                sleeper.clear();
                int before = server.requests();
                assertThatThrownBy(() -> call.runSync(c)).as(call.callName).isInstanceOf(BbbResponseException.class);
                int expected = call.idempotent && retryable ? 3 : 1;
                assertThat(server.requests() - before).as(call.callName + " requests for HTTP " + status).isEqualTo(expected);
                assertThat(sleeper.sleeps()).as(call.callName).hasSize(expected - 1);
            }
        }
    }

    @ParameterizedTest(name = "HTTP {0}")
    @ValueSource(ints = {200, 429, 500, 502, 503, 504})
    void failedEnvelope_isNeverRetried_whateverTheStatus(int status) {
        reply.set(LoopbackServer.status(status, "text/xml", FAILED));
        try (BbbClient c = client(3)) {
            assertThatThrownBy(() -> c.getMeetingInfo("room-1")).isInstanceOf(BbbApiException.class)
                    .satisfies(e -> assertThat(((BbbApiException) e).messageKey()).isEqualTo("serverUnavailable"));
            assertThatThrownBy(() -> c.async().getMeetings().join()).isInstanceOf(CompletionException.class)
                    .hasCauseInstanceOf(BbbApiException.class);
        }
        assertThat(server.requests()).isEqualTo(2);
        assertThat(sleeper.sleeps()).isEmpty();
    }

    @ParameterizedTest(name = "maxRetries {0}")
    @ValueSource(ints = {0, 1, 2, 5, 10})
    void maxRetries_isNeverExceeded(int maxRetries) {
        reply.set(LoopbackServer.status(503, "text/html", HTML));
        try (BbbClient c = client(maxRetries)) {
            assertThatThrownBy(() -> c.isMeetingRunning("room-1")).isInstanceOf(BbbResponseException.class);
            assertThat(server.requests()).isEqualTo(maxRetries + 1);
            assertThatThrownBy(() -> c.async().isMeetingRunning("room-1").join()).hasCauseInstanceOf(BbbResponseException.class);
            assertThat(server.requests()).isEqualTo(2 * (maxRetries + 1));
        }
        assertThat(sleeper.sleeps()).hasSize(2 * maxRetries);
    }

    @ParameterizedTest(name = "maxRetries {0}")
    @ValueSource(ints = {0, 1, 3})
    void maxRetries_boundsConnectionFailuresToo(int maxRetries) {
        reply.set(LoopbackServer.reset());
        try (BbbClient c = client(maxRetries)) {
            assertThatThrownBy(() -> c.getMeetingInfo("room-1")).isInstanceOf(BbbTransportException.class);
        }
        assertThat(sleeper.sleeps()).hasSize(maxRetries);
        // The JDK client re-sends a GET once by itself when a connection dies before any answer byte.
        assertThat(server.requests()).isBetween(maxRetries + 1, 2 * (maxRetries + 1));
    }

    /** STYLE: retry only what may pass on the next try; a failed TLS handshake or an unknown host fails the same way again. */
    @Test
    void tlsFailureAndUnknownHost_areNotRetried_syncAndAsync() {
        reply.set(LoopbackServer.status(200, "text/xml", "<response/>"));
        String https = server.baseUrl().replace("http://", "https://");
        for (String base : List.of(https, "http://bbb.invalid/bigbluebutton/")) {
            try (BbbClient c = ReliabilityAccess.sleeper(BbbClient.builder(), sleeper).baseUrl(base).secret(Secrets.SECRET)
                    .requestTimeout(Duration.ofSeconds(5)).maxRetries(3).build()) {
                sleeper.clear();
                assertThatThrownBy(() -> c.getMeetingInfo("room-1")).as(base).isInstanceOf(BbbTransportException.class);
                assertThatThrownBy(() -> c.async().getMeetingInfo("room-1").join()).as(base)
                        .hasCauseInstanceOf(BbbTransportException.class);
                assertThat(sleeper.sleeps()).as(base + ": no retry was scheduled").isEmpty();
            }
        }
    }

    /**
     * STYLE: DEBUG is one line per call, with the retries it took, also when it failed; the
     * per-attempt retry lines are TRACE.
     */
    @Test
    void logging_oneDebugLinePerCallWithItsRetries_retryLinesAtTrace() {
        reply.set(LoopbackServer.reset());
        try (BbbClient c = client(2)) {
            CapturingLoggerProvider.clear();
            assertThatThrownBy(() -> c.getMeetingInfo("room-1")).isInstanceOf(BbbTransportException.class);
            assertThatThrownBy(() -> c.async().getMeetings().join()).hasCauseInstanceOf(BbbTransportException.class);
        }
        List<String> lines = CapturingLoggerProvider.lines();
        assertThat(lines.stream().filter(l -> l.startsWith("DEBUG")))
                .anyMatch(l -> l.matches("DEBUG .*\\[call=getMeetingInfo status=- returncode=BbbTransportException tookMs=\\d+ retries=2]"))
                .anyMatch(l -> l.matches("DEBUG .*\\[call=getMeetings status=- returncode=BbbTransportException tookMs=\\d+ retries=2]"))
                .noneMatch(l -> l.contains("retrying"));
        assertThat(lines.stream().filter(l -> l.startsWith("TRACE") && l.contains("retrying call=getMeetingInfo"))).hasSize(2);
    }

    @Test
    void backoff_isExponentialJitteredAndCapped() {
        RetryPolicy policy = new RetryPolicy(10, Duration.ofMillis(100), Duration.ofMillis(1_000), Duration.ofSeconds(30));
        for (int retry = 1; retry <= 10; retry++) {
            long full = Math.min(100L << (retry - 1), 1_000);
            Set<Long> seen = new HashSet<>();
            for (int i = 0; i < 500; i++) {
                long ms = policy.backoff(retry).toMillis();
                assertThat(ms).as("retry %d", retry).isBetween(full / 2, full);
                seen.add(ms);
            }
            assertThat(seen).as("retry %d is jittered", retry).hasSizeGreaterThan(10);
        }
    }

    @Test
    void backoff_seenThroughTheSleeper_growsAndStaysWithinBounds() {
        reply.set(LoopbackServer.status(502, "text/html", HTML));
        try (BbbClient c = ReliabilityAccess.sleeper(BbbClient.builder(), sleeper).baseUrl(server.baseUrl())
                .secret(Secrets.SECRET).maxRetries(6).retryBackoff(Duration.ofMillis(50), Duration.ofMillis(800)).build()) {
            assertThatThrownBy(c::getMeetings).isInstanceOf(BbbResponseException.class);
        }
        long[] full = {50, 100, 200, 400, 800, 800};
        assertThat(sleeper.sleeps()).hasSize(6);
        for (int i = 0; i < 6; i++) {
            assertThat(sleeper.sleeps().get(i).toMillis()).as("retry %d", i + 1).isBetween(full[i] / 2, full[i]);
        }
    }

    @Test
    void discardedAnswers_areReadToTheEnd_soTheConnectionIsReused() {
        reply.set(LoopbackServer.status(503, "text/html", HTML.repeat(50)));
        try (BbbClient c = client(3)) {
            assertThatThrownBy(() -> c.getMeetingInfo("room-1")).isInstanceOf(BbbResponseException.class);
            assertThatThrownBy(() -> c.async().getMeetingInfo("room-1").join()).hasCauseInstanceOf(BbbResponseException.class);
        }
        assertThat(server.requests()).isEqualTo(8);
        assertThat(server.accepted()).as("connections for 8 attempts").isEqualTo(1);
    }

    @Test
    void abandonedAnswers_haveTheirConnectionClosed() throws Exception {
        reply.set(LoopbackServer.huge(4 << 20));
        try (BbbClient c = client(2)) {
            for (int i = 0; i < 5; i++) {
                assertThatThrownBy(() -> c.getMeetingInfo("room-1")).isInstanceOf(BbbResponseException.class)
                        .hasMessageContaining("exceeds the cap");
                assertThatThrownBy(() -> c.async().getMeetings().join()).hasCauseInstanceOf(BbbResponseException.class);
            }
            long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
            while (server.openConnections() > 0 && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            assertThat(server.openConnections()).as("connections still open after the client gave up").isZero();
            assertThat(server.accepted()).isEqualTo(10);
        }
        assertThat(sleeper.sleeps()).as("a too large answer is not retried").isEmpty();
    }

    @ParameterizedTest
    @EnumSource(ApiCalls.class)
    void everyCall_retriesConsistentlyWithItsDocumentedIdempotency(ApiCalls call) {
        reply.set(LoopbackServer.status(504, "text/html", HTML));
        BbbException thrown;
        try (BbbClient c = client(1)) {
            thrown = (BbbException) org.assertj.core.api.Assertions.catchThrowable(() -> call.runAsync(c).join()).getCause();
        }
        assertThat(thrown).isInstanceOf(BbbResponseException.class);
        assertThat(server.requests()).isEqualTo(call.idempotent ? 2 : 1);
    }
}
