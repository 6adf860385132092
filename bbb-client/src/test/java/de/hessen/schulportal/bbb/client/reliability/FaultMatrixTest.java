// SPDX-License-Identifier: Apache-2.0
package de.hessen.schulportal.bbb.client.reliability;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import de.hessen.schulportal.bbb.client.BbbClient;
import de.hessen.schulportal.bbb.client.BbbException;
import de.hessen.schulportal.bbb.client.BbbResponseException;
import de.hessen.schulportal.bbb.client.BbbTransportException;
import de.hessen.schulportal.bbb.client.ReliabilityAccess;
import de.hessen.schulportal.bbb.client.testing.WireMockSupport;
import de.hessen.schulportal.bbb.testsupport.RefusedPort;
import de.hessen.schulportal.bbb.testsupport.Secrets;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every client call × every fault of the issue: each ends in the documented exception type, within
 * {@code requestTimeout × attempts + margin}, with the call name in the message and no secret; the
 * retry layer waits (through the recording sleeper) exactly once for idempotent calls on retryable
 * failures (maxRetries 1) and never otherwise.
 */
class FaultMatrixTest {
    /**
     * The request timeout for the faults that run into it (slow drip, no answer). It is short because 44 cases of
     * the matrix wait for it, the idempotent ones twice.
     */
    static final Duration SHORT_TIMEOUT = Duration.ofMillis(50);
    /**
     * How long the slow drip takes to send its body: far past the elapsed-time budget of the slow faults (the short
     * timeout per attempt plus {@link #MARGIN}, about 5 s), so a call that ends within the budget ended by timing
     * out, however slowly a loaded machine times out. The drip holds a WireMock thread only until its next chunk
     * (0.3 s) after the client has hung up. In "no answer" the server never answers ({@link LoopbackServer#silence()}).
     */
    static final int DRIP_MS = 30_000;
    /**
     * The request timeout for every other fault, whose answer comes at once: long enough that a loaded machine never
     * times out instead (at 1 s, a load of 44 timed out reading a truncated answer, and the retry layer slept once).
     * It costs nothing when the machine is idle; it only widens the elapsed-time budget of those faults.
     */
    static final Duration TIMEOUT = Duration.ofSeconds(10);
    /** Slack for a loaded CI machine: JVM warm-up, GC, WireMock's own threads. */
    static final Duration MARGIN = Duration.ofSeconds(5);
    static final int CAP = 4096;
    static final int MAX_RETRIES = 1;

    /** The faults of the issue, with the documented outcome of each. */
    enum NetFault {
        CONNECTION_REFUSED(BbbTransportException.class, true, false),
        CONNECTION_RESET(BbbTransportException.class, true, false),
        EMPTY_RESPONSE(BbbTransportException.class, true, false),
        MALFORMED_CHUNK(BbbTransportException.class, true, false),
        RANDOM_BYTES_THEN_CLOSE(BbbTransportException.class, true, false),
        SLOW_DRIP_BODY(BbbTransportException.class, true, true),
        REQUEST_TIMEOUT(BbbTransportException.class, true, true),
        HTTP_500_HTML(BbbResponseException.class, false, false),
        HTTP_502_HTML(BbbResponseException.class, true, false),
        HTTP_503_HTML(BbbResponseException.class, true, false),
        HTTP_504_HTML(BbbResponseException.class, true, false),
        HTTP_429_RETRY_AFTER(BbbResponseException.class, true, false),
        TRUNCATED_XML(BbbResponseException.class, false, false),
        XML_NOT_AN_ENVELOPE(BbbResponseException.class, false, false),
        BODY_OVER_CAP(BbbResponseException.class, false, false),
        /**
         * Issue 12, item 1: a large hostile answer (2 MB of distinct sibling names) to a client with a
         * tiny request timeout ends as a timeout within the budget, whether the deadline passes while
         * reading or while parsing (ParseDeadlineTest pins the parsing case on its own). Its client
         * makes no retries, so the matrix stays fast.
         */
        HOSTILE_ANSWER_PAST_DEADLINE(BbbTransportException.class, false, true);

        final Class<? extends BbbException> expected;
        final boolean retryable;
        final boolean timeout;

        NetFault(Class<? extends BbbException> expected, boolean retryable, boolean timeout) {
            this.expected = expected;
            this.retryable = retryable;
            this.timeout = timeout;
        }

        int status() {
            switch (this) {
                case HTTP_500_HTML:
                    return 500;
                case HTTP_502_HTML:
                    return 502;
                case HTTP_503_HTML:
                    return 503;
                case HTTP_504_HTML:
                    return 504;
                case HTTP_429_RETRY_AFTER:
                    return 429;
                default:
                    return 200;
            }
        }

        ResponseDefinitionBuilder response(ApiCalls call) {
            ResponseDefinitionBuilder r = aResponse().withStatus(status());
            String okBody = call.json ? "{\"response\":{\"returncode\":\"SUCCESS\",\"tracks\":[]}}"
                    : "<response><returncode>SUCCESS</returncode><meetings/></response>";
            switch (this) {
                case CONNECTION_RESET:
                    return r.withFault(Fault.CONNECTION_RESET_BY_PEER);
                case EMPTY_RESPONSE:
                    return r.withFault(Fault.EMPTY_RESPONSE);
                case MALFORMED_CHUNK:
                    return r.withFault(Fault.MALFORMED_RESPONSE_CHUNK);
                case RANDOM_BYTES_THEN_CLOSE:
                    return r.withFault(Fault.RANDOM_DATA_THEN_CLOSE);
                case SLOW_DRIP_BODY:
                    return r.withBody(okBody + " ".repeat(400)).withChunkedDribbleDelay(100, DRIP_MS);
                case HTTP_500_HTML:
                case HTTP_502_HTML:
                case HTTP_503_HTML:
                case HTTP_504_HTML:
                    return r.withHeader("Content-Type", "text/html").withBody("<!DOCTYPE html><html><head><title>"
                            + status() + "</title></head><body><h1>Server error " + status() + "</h1></body></html>");
                case HTTP_429_RETRY_AFTER:
                    return r.withHeader("Retry-After", "1").withHeader("Content-Type", "text/html")
                            .withBody("<html><body>Too Many Requests</body></html>");
                case TRUNCATED_XML:
                    return r.withHeader("Content-Type", call.json ? "application/json" : "text/xml")
                            .withBody(call.json ? "{\"response\":{\"returncode\":\"SUCC"
                                    : "<response><returncode>SUCCESS</returncode><meetingName>Tru");
                case XML_NOT_AN_ENVELOPE:
                    return r.withHeader("Content-Type", call.json ? "application/json" : "text/xml")
                            .withBody(call.json ? "{\"feed\":{\"entry\":1}}" : "<feed><entry>not bbb</entry></feed>");
                case HOSTILE_ANSWER_PAST_DEADLINE:
                    return r.withHeader("Content-Type", "text/xml").withBody(HOSTILE);
                case BODY_OVER_CAP:
                    return r.withHeader("Content-Type", "text/xml").withBody("<response><returncode>SUCCESS</returncode>"
                            + "<x>0123456789</x>".repeat(CAP / 8) + "</response>");
                default:
                    throw new IllegalStateException(name());
            }
        }
    }

    /** The request timeout of the client that gets the hostile answer: far less than reading and parsing it takes. */
    static final Duration HOSTILE_TIMEOUT = Duration.ofMillis(5);
    /** About 2 MB of distinct sibling names in a SUCCESS envelope. */
    static final String HOSTILE = hostile();

    private static String hostile() {
        StringBuilder sb = new StringBuilder("<response><returncode>SUCCESS</returncode>");
        for (int i = 0; sb.length() < 2_000_000; i++) {
            sb.append("<e").append(i).append(">x</e").append(i).append('>');
        }
        return sb.append("</response>").toString();
    }

    /** Calls whose async variant also runs through the slow faults (every call runs the fast ones). */
    static final Set<ApiCalls> ASYNC_SLOW = EnumSet.of(ApiCalls.JOIN, ApiCalls.GET_MEETING_INFO,
            ApiCalls.PUT_RECORDING_TEXT_TRACK, ApiCalls.CREATE_HOOK);

    private static WireMockSupport wm;
    private static final RecordingSleeper sleeper = new RecordingSleeper();
    private static BbbClient client;
    private static BbbClient shortTimeout;
    private static RefusedPort refusedPort;
    private static BbbClient refused;
    private static LoopbackServer silent;
    private static BbbClient unanswered;
    private static BbbClient hostile;

    @BeforeAll
    static void start() throws IOException {
        wm = new WireMockSupport();
        client = ReliabilityAccess.sleeper(BbbClient.builder(), sleeper).baseUrl(wm.baseUrl()).secret(Secrets.SECRET)
                .requestTimeout(TIMEOUT).connectTimeout(TIMEOUT).maxRetries(MAX_RETRIES).maxResponseBytes(CAP).build();
        shortTimeout = client.toBuilder().requestTimeout(SHORT_TIMEOUT).build();
        hostile = client.toBuilder().requestTimeout(HOSTILE_TIMEOUT).maxResponseBytes(64L << 20).maxRetries(0).build();
        refusedPort = new RefusedPort();
        refused = client.toBuilder().baseUrl(refusedPort.baseUrl()).build();
        silent = new LoopbackServer(requestLine -> LoopbackServer.silence());
        unanswered = shortTimeout.toBuilder().baseUrl(silent.baseUrl()).build();
    }

    @AfterAll
    static void stop() throws IOException {
        unanswered.close();
        silent.close();
        client.close();
        shortTimeout.close();
        refused.close();
        refusedPort.close();
        hostile.close();
        wm.close();
    }

    @BeforeEach
    void reset() {
        wm.reset();
        sleeper.clear();
    }

    static Stream<Arguments> syncCases() {
        List<Arguments> cases = new ArrayList<>();
        for (ApiCalls call : ApiCalls.values()) {
            for (NetFault fault : NetFault.values()) {
                cases.add(Arguments.of(call, fault));
            }
        }
        return cases.stream();
    }

    static Stream<Arguments> asyncCases() {
        return syncCases().filter(a -> !((NetFault) a.get()[1]).timeout || ASYNC_SLOW.contains((ApiCalls) a.get()[0]));
    }

    private BbbClient arrange(ApiCalls call, NetFault fault) {
        if (fault == NetFault.CONNECTION_REFUSED) {
            return refused;
        }
        if (fault == NetFault.REQUEST_TIMEOUT) {
            return unanswered;
        }
        wm.server().stubFor(any(anyUrl()).willReturn(fault.response(call)));
        if (fault == NetFault.HOSTILE_ANSWER_PAST_DEADLINE) {
            return hostile;
        }
        return fault.timeout ? shortTimeout : client;
    }

    @ParameterizedTest(name = "{0} sync × {1}")
    @MethodSource("syncCases")
    void syncCall_whenFault_endsInDocumentedExceptionInTime(ApiCalls call, NetFault fault) {
        BbbClient c = arrange(call, fault);
        long start = System.nanoTime();
        Throwable thrown = null;
        try {
            call.runSync(c);
        } catch (Throwable t) {
            thrown = t;
        }
        verify(call, fault, thrown, Duration.ofNanos(System.nanoTime() - start));
    }

    @ParameterizedTest(name = "{0} async × {1}")
    @MethodSource("asyncCases")
    void asyncCall_whenFault_failsFutureWithDocumentedExceptionInTime(ApiCalls call, NetFault fault) throws Exception {
        BbbClient c = arrange(call, fault);
        long start = System.nanoTime();
        Throwable thrown = null;
        try {
            call.runAsync(c).get(10, TimeUnit.SECONDS);
        } catch (ExecutionException | CompletionException e) {
            thrown = e.getCause();
        }
        verify(call, fault, thrown, Duration.ofNanos(System.nanoTime() - start));
    }

    private void verify(ApiCalls call, NetFault fault, Throwable thrown, Duration took) {
        String what = call.callName + " × " + fault;
        assertThat(thrown).as(what).isInstanceOf(fault.expected);
        BbbException e = (BbbException) thrown;
        assertThat(e.call()).as(what).isEqualTo(call.callName);
        assertThat(e.getMessage()).as(what).contains(call.callName);
        for (Throwable t = e; t != null; t = t.getCause()) {
            Secrets.assertNoLeak(what + " message", t.getMessage());
            Secrets.assertNoLeak(what + " toString", t.toString());
        }
        if (fault.timeout) {
            assertThat(((BbbTransportException) e).isTimeout()).as(what + " isTimeout").isTrue();
        }
        if (e instanceof BbbResponseException && fault.status() != 200) {
            assertThat(((BbbResponseException) e).httpStatus()).as(what).isEqualTo(fault.status());
        }
        int expectedRetries = call.idempotent && fault.retryable ? MAX_RETRIES : 0;
        List<java.time.Duration> sleeps = sleeper.sleeps();
        assertThat(sleeps).as(what + " backoffs").hasSize(expectedRetries);
        if (fault == NetFault.HTTP_429_RETRY_AFTER && expectedRetries > 0) {
            assertThat(sleeps.get(0)).as(what + " honours Retry-After").isEqualTo(Duration.ofSeconds(1));
        }
        Duration attempt = fault == NetFault.HOSTILE_ANSWER_PAST_DEADLINE ? HOSTILE_TIMEOUT
                : fault.timeout ? SHORT_TIMEOUT : TIMEOUT;
        Duration budget = attempt.multipliedBy(1 + expectedRetries).plus(MARGIN);
        assertThat(took).as(what + " elapsed").isLessThanOrEqualTo(budget);
    }
}
