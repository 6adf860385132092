// SPDX-License-Identifier: Apache-2.0
package de.hessen.schulportal.bbb.client;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.http.Fault;
import de.hessen.schulportal.bbb.client.internal.Sleeper;
import de.hessen.schulportal.bbb.client.meeting.CreateMeetingRequest;
import de.hessen.schulportal.bbb.client.meeting.JoinMeetingRequest;
import de.hessen.schulportal.bbb.client.meeting.Role;
import de.hessen.schulportal.bbb.testsupport.RefusedPort;
import de.hessen.schulportal.bbb.testsupport.Secrets;
import de.hessen.schulportal.bbb.client.testing.WireMockSupport;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What goes wrong on the network or at the server ends in the documented exception, within the
 * timeout, with the call's name in the message and no secret; retries happen only where allowed.
 */
class FaultTest {
    /** The request timeout of the timeout tests. */
    private static final Duration TIMEOUT = Duration.ofMillis(700);
    /**
     * How long the slow server takes in the timeout tests, and the bound they assert: far apart, so a
     * busy machine cannot break the bound, while a timeout that did not fire would.
     */
    private static final Duration SERVER_DELAY = Duration.ofSeconds(20);
    private static final Duration BOUND = Duration.ofSeconds(12);
    private static WireMockSupport wm;
    private static final List<Duration> sleeps = new CopyOnWriteArrayList<>();
    private static BbbClient bbb;

    /** Records the backoff instead of waiting for it. */
    static final class RecordingSleeper implements Sleeper {
        @Override
        public void sleep(Duration d) {
            sleeps.add(d);
        }

        @Override
        public CompletableFuture<Void> delay(Duration d) {
            sleeps.add(d);
            return CompletableFuture.completedFuture(null);
        }
    }

    @BeforeAll
    static void start() {
        wm = new WireMockSupport();
        bbb = BbbClient.builder().baseUrl(wm.baseUrl()).secret(Secrets.SECRET)
                .requestTimeout(Duration.ofSeconds(30)).maxRetries(2).maxResponseBytes(64 * 1024).sleeper(new RecordingSleeper()).build();
    }

    @AfterAll
    static void stop() {
        bbb.close();
        wm.close();
    }

    @BeforeEach
    void reset() {
        wm.reset();
        sleeps.clear();
    }

    private static void stub(String call, com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder response) {
        wm.server().stubFor(any(urlPathEqualTo("/bigbluebutton/api/" + call)).willReturn(response));
    }

    private static void assertSafeMessage(Throwable e, String call) {
        assertThat(e.getMessage()).contains(call);
        assertThat(Secrets.leakIn(e.getMessage())).isNull();
    }

    @Test
    void connectionReset_isTransportFailureAfterRetries() {
        stub("getMeetingInfo", aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER));
        assertThatThrownBy(() -> bbb.getMeetingInfo("room-1"))
                .isInstanceOf(BbbTransportException.class)
                .satisfies(e -> assertSafeMessage(e, "getMeetingInfo"));
        assertThat(sleeps).hasSize(2);
        assertJdkStaleConnectionRetryOnly(3);
    }

    /**
     * The JDK client itself repeats a GET once when the connection closes before the first byte of
     * an answer (it cannot tell a reset from a stale pooled connection). That happens below the
     * SDK's retry layer, so each SDK attempt may show up as one or two requests.
     */
    private static void assertJdkStaleConnectionRetryOnly(int sdkAttempts) {
        assertThat(wm.requests().size()).isBetween(sdkAttempts, 2 * sdkAttempts);
    }

    @Test
    void emptyResponseAndGarbage_areTransportFailures() {
        stub("isMeetingRunning", aResponse().withFault(Fault.EMPTY_RESPONSE));
        assertThatThrownBy(() -> bbb.isMeetingRunning("room-1")).isInstanceOf(BbbTransportException.class);
        wm.reset();
        stub("isMeetingRunning", aResponse().withFault(Fault.RANDOM_DATA_THEN_CLOSE));
        assertThatThrownBy(() -> bbb.isMeetingRunning("room-1")).isInstanceOf(BbbException.class)
                .satisfies(e -> assertSafeMessage(e, "isMeetingRunning"));
        wm.reset();
        stub("isMeetingRunning", aResponse().withFault(Fault.MALFORMED_RESPONSE_CHUNK));
        assertThatThrownBy(() -> bbb.isMeetingRunning("room-1")).isInstanceOf(BbbException.class)
                .satisfies(e -> assertSafeMessage(e, "isMeetingRunning"));
    }

    @Test
    void slowHeaders_timeOutWithinTheRequestTimeout() {
        stub("getMeetingInfo", aResponse().withFixedDelay((int) SERVER_DELAY.toMillis()).withBody("<response/>"));
        long start = System.nanoTime();
        assertThatThrownBy(() -> bbb.toBuilder().requestTimeout(TIMEOUT).maxRetries(0).build().getMeetingInfo("room-1"))
                .isInstanceOf(BbbTransportException.class)
                .satisfies(e -> assertThat(((BbbTransportException) e).isTimeout()).isTrue())
                .satisfies(e -> assertSafeMessage(e, "getMeetingInfo"));
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(BOUND);
    }

    @Test
    void slowDripBody_timesOutWithinTheRequestTimeout() {
        stub("getMeetings", aResponse().withBody("<response><returncode>SUCCESS</returncode>" + "<x/>".repeat(2000)
                + "</response>").withChunkedDribbleDelay(200, (int) SERVER_DELAY.toMillis()));
        long start = System.nanoTime();
        assertThatThrownBy(() -> bbb.toBuilder().requestTimeout(TIMEOUT).maxRetries(0).build().getMeetings())
                .isInstanceOf(BbbTransportException.class)
                .satisfies(e -> assertThat(((BbbTransportException) e).isTimeout()).isTrue());
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(BOUND);
    }

    @Test
    void slowDripBody_asyncTimesOutToo() {
        stub("getMeetings", aResponse().withBody("<response><returncode>SUCCESS</returncode>" + "<x/>".repeat(2000)
                + "</response>").withChunkedDribbleDelay(200, (int) SERVER_DELAY.toMillis()));
        long start = System.nanoTime();
        assertThatThrownBy(() -> bbb.toBuilder().requestTimeout(TIMEOUT).maxRetries(0).build().async().getMeetings().join())
                .isInstanceOf(CompletionException.class)
                .hasCauseInstanceOf(BbbTransportException.class);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(BOUND);
    }

    @Test
    void htmlErrorPage_isResponseExceptionWithStatus() {
        stub("getMeetingInfo", aResponse().withStatus(502).withHeader("Content-Type", "text/html")
                .withBody("<!DOCTYPE html><html><body><h1>502 Bad Gateway</h1></body></html>"));
        assertThatThrownBy(() -> bbb.getMeetingInfo("room-1"))
                .isInstanceOf(BbbResponseException.class)
                .satisfies(e -> assertThat(((BbbResponseException) e).httpStatus()).isEqualTo(502))
                .hasMessageContaining("HTML").hasMessageContaining("getMeetingInfo (meeting 'room-1')");
        assertThat(wm.requests()).hasSize(3);
    }

    @Test
    void retryAfter_isHonouredAndCapped() {
        stub("getMeetings", aResponse().withStatus(429).withHeader("Retry-After", "3").withBody("slow down"));
        assertThatThrownBy(() -> bbb.getMeetings()).isInstanceOf(BbbResponseException.class);
        assertThat(sleeps).containsExactly(Duration.ofSeconds(3), Duration.ofSeconds(3));
        sleeps.clear();
        wm.reset();
        stub("getMeetings", aResponse().withStatus(503).withHeader("Retry-After", "3600"));
        assertThatThrownBy(() -> bbb.getMeetings()).isInstanceOf(BbbResponseException.class);
        assertThat(sleeps).isEmpty();
        assertThat(wm.requests()).hasSize(1);
    }

    @Test
    void backoff_isExponentialWithJitter() {
        try (BbbClient c = bbb.toBuilder().maxRetries(4).retryBackoff(Duration.ofMillis(100), Duration.ofSeconds(1)).build()) {
            stub("getMeetings", aResponse().withStatus(503));
            assertThatThrownBy(c::getMeetings).isInstanceOf(BbbResponseException.class);
        }
        assertThat(sleeps).hasSize(4);
        long[][] bounds = {{50, 100}, {100, 200}, {200, 400}, {400, 800}};
        for (int i = 0; i < 4; i++) {
            assertThat(sleeps.get(i).toMillis()).as("retry %d", i + 1).isBetween(bounds[i][0], bounds[i][1]);
        }
    }

    @Test
    void nonIdempotentCalls_areNotRetried() {
        stub("join", aResponse().withStatus(503));
        assertThatThrownBy(() -> bbb.join(JoinMeetingRequest.builder("room-1", "Ada", Role.VIEWER).build()))
                .isInstanceOf(BbbResponseException.class);
        assertThat(wm.requests()).hasSize(1);
        wm.reset();
        stub("end", aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER));
        assertThatThrownBy(() -> bbb.end("room-1")).isInstanceOf(BbbTransportException.class);
        assertJdkStaleConnectionRetryOnly(1);
        wm.reset();
        stub("create", aResponse().withStatus(503));
        assertThatThrownBy(() -> bbb.create(CreateMeetingRequest.builder("room-1", "Room")
                .additionalParam("moderatorPW", "mp-secret").build())).isInstanceOf(BbbResponseException.class);
        assertThat(wm.requests()).hasSize(1);
        assertThat(sleeps).isEmpty();
    }

    @Test
    void createWithoutPasswords_isRetried() {
        stub("create", aResponse().withStatus(503));
        assertThatThrownBy(() -> bbb.create(CreateMeetingRequest.builder("room-1", "Room").build()))
                .isInstanceOf(BbbResponseException.class);
        assertThat(wm.requests()).hasSize(3);
    }

    @Test
    void asyncRetries_likeSync() {
        stub("getMeetingInfo", aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER));
        assertThatThrownBy(() -> bbb.async().getMeetingInfo("room-1").join())
                .hasCauseInstanceOf(BbbTransportException.class);
        assertJdkStaleConnectionRetryOnly(3);
        assertThat(sleeps).hasSize(2);
    }

    @Test
    void truncatedXml_isResponseException() {
        stub("getMeetingInfo", aResponse().withBody("<response><returncode>SUCCESS</returncode><meetingName>Trun"));
        assertThatThrownBy(() -> bbb.getMeetingInfo("room-1")).isInstanceOf(BbbResponseException.class)
                .hasMessageContaining("not well-formed");
    }

    @Test
    void xmlThatIsNotAnEnvelope_isResponseException() {
        stub("getMeetingInfo", aResponse().withBody("<feed><entry>not bbb</entry></feed>"));
        assertThatThrownBy(() -> bbb.getMeetingInfo("room-1")).isInstanceOf(BbbResponseException.class)
                .hasMessageContaining("not a BigBlueButton envelope");
    }

    @Test
    void oversizedBody_isRejectedAtTheCap() {
        stub("getMeetings", aResponse().withBody("<response><returncode>SUCCESS</returncode><meetings>"
                + "<meeting><meetingName>x</meetingName></meeting>".repeat(5000) + "</meetings></response>"));
        assertThatThrownBy(() -> bbb.getMeetings()).isInstanceOf(BbbResponseException.class)
                .hasMessageContaining("exceeds the cap").hasMessageContaining("getMeetings");
    }

    @Test
    void externalEntity_isNotResolved(@TempDir Path dir) throws IOException {
        Path secretFile = dir.resolve("secret.txt");
        Files.writeString(secretFile, "TOP-SECRET-FILE-CONTENT");
        stub("getMeetingInfo", aResponse().withBody("<?xml version=\"1.0\"?><!DOCTYPE r [<!ENTITY xxe SYSTEM \""
                + secretFile.toUri() + "\">]><response><returncode>SUCCESS</returncode><meetingName>&xxe;</meetingName></response>"));
        assertThatThrownBy(() -> bbb.getMeetingInfo("room-1"))
                .isInstanceOf(BbbResponseException.class)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("TOP-SECRET-FILE-CONTENT"));
    }

    @Test
    void billionLaughs_isRejectedFast() {
        StringBuilder dtd = new StringBuilder("<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY lol \"lol\">");
        dtd.append("<!ENTITY lol1 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">");
        for (int i = 2; i <= 9; i++) {
            dtd.append("<!ENTITY lol").append(i).append(" \"").append(("&lol" + (i - 1) + ";").repeat(10)).append("\">");
        }
        dtd.append("]><response><returncode>SUCCESS</returncode><meetingName>&lol9;</meetingName></response>");
        stub("getMeetingInfo", aResponse().withBody(dtd.toString()));
        long start = System.nanoTime();
        assertThatThrownBy(() -> bbb.getMeetingInfo("room-1")).isInstanceOf(BbbResponseException.class);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
    }

    @Test
    void deepNesting_isRejected() {
        stub("getMeetingInfo", aResponse().withBody("<response><returncode>SUCCESS</returncode>"
                + "<a>".repeat(5000) + "</a>".repeat(5000) + "</response>"));
        assertThatThrownBy(() -> bbb.getMeetingInfo("room-1")).isInstanceOf(BbbResponseException.class);
    }

    @Test
    void connectionRefused_isTransportFailure() {
        try (RefusedPort refused = new RefusedPort();
                BbbClient c = BbbClient.builder().baseUrl(refused.baseUrl()).secret(Secrets.SECRET)
                .maxRetries(1).sleeper(new RecordingSleeper()).build()) {
            assertThatThrownBy(() -> c.getMeetingInfo("room-1")).isInstanceOf(BbbTransportException.class)
                    .satisfies(e -> assertSafeMessage(e, "getMeetingInfo"));
            assertThat(sleeps).hasSize(1);
            assertThat(c.checkConnection().status()).isEqualTo(ConnectionCheck.Status.UNREACHABLE);
        }
    }
}
