// SPDX-License-Identifier: Apache-2.0
package de.hessen.schulportal.bbb.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import de.hessen.schulportal.bbb.client.event.BbbCall;
import de.hessen.schulportal.bbb.client.event.BbbEventListener;
import de.hessen.schulportal.bbb.client.event.RetryReason;
import de.hessen.schulportal.bbb.client.meeting.CreateMeetingRequest;
import de.hessen.schulportal.bbb.client.meeting.CreateMeetingResponse;
import de.hessen.schulportal.bbb.client.meeting.Document;
import de.hessen.schulportal.bbb.client.meeting.JoinMeetingRequest;
import de.hessen.schulportal.bbb.client.meeting.JoinResponse;
import de.hessen.schulportal.bbb.client.meeting.MeetingInfo;
import de.hessen.schulportal.bbb.client.meeting.Role;
import de.hessen.schulportal.bbb.client.reliability.RecordingSleeper;
import de.hessen.schulportal.bbb.client.testing.ServerChecksumVerifier;
import de.hessen.schulportal.bbb.client.transport.HttpTransport;
import de.hessen.schulportal.bbb.client.transport.ResponseTooLargeException;
import de.hessen.schulportal.bbb.client.transport.TransportRequest;
import de.hessen.schulportal.bbb.client.transport.TransportResponse;
import de.hessen.schulportal.bbb.testkit.BbbSimulator;
import de.hessen.schulportal.bbb.testsupport.CapturingLoggerProvider;
import de.hessen.schulportal.bbb.testsupport.Secrets;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.channels.ClosedByInterruptException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * {@link BbbClient.Builder#transport(HttpTransport)}: an integrator's transport makes the synchronous
 * calls, and the SDK's own layers still wrap it. Each test breaks if one of them stopped wrapping a
 * custom transport: retries and their events, the size cap, the deadline, the exception mapping,
 * logging with redaction, and the request the transport is handed (signed URL, headers, limits,
 * idempotence). Asynchronous calls stay on the JDK client. The gateway's socket transport is tested
 * in bbb-gateway.
 */
class CustomTransportTest {
    private static final String BASE = "https://bbb.example.org/bigbluebutton/";
    private static final String RUNNING = "<response><returncode>SUCCESS</returncode><running>true</running></response>";
    private static final HttpHeaders XML = HttpHeaders.of(Map.of("Content-Type", List.of("text/xml")), (k, v) -> true);

    /** One scripted attempt: an answer, or an exception thrown. */
    interface Step {
        TransportResponse answer(TransportRequest request) throws IOException, InterruptedException;
    }

    /** A transport that records every request and plays its steps in order (the last one repeats). */
    static final class Scripted implements HttpTransport {
        final List<TransportRequest> requests = new CopyOnWriteArrayList<>();
        private final Deque<Step> steps;

        Scripted(Step... steps) {
            this.steps = new ArrayDeque<>(List.of(steps));
        }

        @Override
        public synchronized TransportResponse send(TransportRequest request) throws IOException, InterruptedException {
            requests.add(request);
            Step step = steps.size() > 1 ? steps.poll() : steps.peek();
            return step.answer(request);
        }
    }

    /**
     * A real transport for the tests against the simulator: the JDK client, driven through the SPI.
     * Like the SDK's default it inherits the JDK's own one re-send of a GET whose connection closed
     * before any answer byte (HttpTransport and the reliability guide say so); the simulator never
     * closes a connection that way.
     */
    static final class JdkClientTransport implements HttpTransport {
        final List<TransportRequest> requests = new CopyOnWriteArrayList<>();
        private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
                .version(HttpClient.Version.HTTP_1_1).build();

        @Override
        public TransportResponse send(TransportRequest request) throws IOException, InterruptedException {
            requests.add(request);
            HttpRequest.Builder b = HttpRequest.newBuilder(request.uri()).timeout(request.timeout())
                    .method(request.method(), request.body().length == 0 ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofByteArray(request.body()));
            request.headers().map().forEach((name, values) -> values.forEach(v -> b.header(name, v)));
            HttpResponse<byte[]> r = http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
            return TransportResponse.of(r.statusCode(), r.headers(), r.body());
        }
    }

    static Step xml(int status, String body) {
        return request -> TransportResponse.of(status, XML, body.getBytes(StandardCharsets.UTF_8));
    }

    static Step fail(IOException e) {
        return request -> {
            throw e;
        };
    }

    /** A request as a transport's own test builds one. */
    private static TransportRequest.Builder request(String method, URI uri) {
        return TransportRequest.builder(method, uri, Duration.ofSeconds(5), 4096);
    }

    private static BbbClient.Builder client(HttpTransport transport) {
        return BbbClient.builder().baseUrl(BASE).secret(Secrets.SECRET).transport(transport).sleeper(new RecordingSleeper());
    }

    @Test
    void syncCalls_throughACustomTransport_workAgainstTheSimulator_asyncStaysOnTheJdkClient() throws Exception {
        JdkClientTransport transport = new JdkClientTransport();
        try (BbbSimulator sim = BbbSimulator.start();
                BbbClient bbb = BbbClient.builder().baseUrl(sim.baseUrl()).secret(Secrets.forbid(sim.secret()))
                        .transport(transport).build()) {
            CreateMeetingResponse created = bbb.create(CreateMeetingRequest.builder("7b-mathe ü+&", "Klasse 7b – Mathe")
                    .meta("bbb-origin", "schulportal").build());
            JoinResponse joined = bbb.join(JoinMeetingRequest.builder("7b-mathe ü+&", "Jörg Ü.", Role.VIEWER).userId("s-1")
                    .createTime(created.createTime()).build());
            assertThat(joined.url()).isPresent();
            MeetingInfo info = bbb.getMeetingInfo("7b-mathe ü+&");
            assertThat(info.attendees()).singleElement().satisfies(a -> assertThat(a.fullName()).isEqualTo("Jörg Ü."));
            assertThat(transport.requests).extracting(r -> r.uri().getRawPath())
                    .containsExactly("/bigbluebutton/api/create", "/bigbluebutton/api/join", "/bigbluebutton/api/getMeetingInfo");

            assertThat(bbb.async().getMeetingInfo("7b-mathe ü+&").get().participantCount()).isEqualTo(1);
            assertThat(transport.requests).as("async calls do not use the transport").hasSize(3);
            assertThat(bbb.end("7b-mathe ü+&")).isTrue();
            assertThatThrownBy(() -> bbb.getMeetingInfo("7b-mathe ü+&")).isInstanceOf(MeetingNotFoundException.class);
            assertThat(transport.requests).hasSize(5);
        }
    }

    @Test
    void request_carriesTheSignedUrlHeadersLimitsAndIdempotence() {
        Scripted transport = new Scripted(xml(200, RUNNING));
        try (BbbClient bbb = client(transport).userAgent("schulportal/7").requestTimeout(Duration.ofSeconds(7))
                .maxResponseBytes(4096).build()) {
            assertThat(bbb.isMeetingRunning("room 1")).isTrue();
            // The scripted answer is no join or create answer: what matters here is what the transport got.
            catchThrowable(() -> bbb.join(JoinMeetingRequest.builder("room 1", "Ada", Role.VIEWER).build()));
            catchThrowable(() -> bbb.create(CreateMeetingRequest.builder("room 1", "Room")
                    .document(Document.fromUrl(URI.create("https://files.example/a.pdf")).build()).build()));
        }
        TransportRequest running = transport.requests.get(0);
        assertThat(running.method()).isEqualTo("GET");
        assertThat(ServerChecksumVerifier.verify(running.uri().toString(), Secrets.SECRET).parameters)
                .containsEntry("meetingID", "room 1");
        assertThat(running.headers().firstValue("User-Agent")).contains("schulportal/7");
        assertThat(running.headers().firstValue("Accept")).contains("application/xml, text/xml, application/json");
        assertThat(running.headers().firstValue("Content-Type")).isEmpty();
        assertThat(running.body()).isEmpty();
        assertThat(running.timeout()).isEqualTo(Duration.ofSeconds(7));
        assertThat(running.maxResponseBytes()).isEqualTo(4096);
        assertThat(running.idempotent()).isTrue();
        String checksum = running.uri().getRawQuery().replaceAll(".*checksum=", "");
        assertThat(running.toString()).doesNotContain(checksum).doesNotContain("room").contains("/bigbluebutton/api/isMeetingRunning");

        TransportRequest join = transport.requests.get(1);
        assertThat(join.idempotent()).as("a join may not be sent twice").isFalse();
        assertThat(transport.requests).as("a join is not retried").hasSize(3);

        TransportRequest create = transport.requests.get(2);
        assertThat(create.method()).isEqualTo("POST");
        assertThat(create.headers().firstValue("Content-Type")).contains("application/xml");
        assertThat(new String(create.body(), StandardCharsets.UTF_8)).contains("https://files.example/a.pdf");
    }

    @Test
    void retries_wrapTheTransport_withBackoffAndEvents() {
        Scripted transport = new Scripted(xml(503, "busy"), fail(new ConnectException("Connection refused")), xml(200, RUNNING));
        List<String> events = new CopyOnWriteArrayList<>();
        BbbEventListener listener = new BbbEventListener() {
            @Override
            public void attemptStart(BbbCall call, int attempt) {
                events.add("attempt " + attempt);
            }

            @Override
            public void retryScheduled(BbbCall call, int failedAttempt, RetryReason reason, int httpStatus, Duration delay) {
                events.add("retry after " + failedAttempt + " " + reason + " " + httpStatus);
            }
        };
        RecordingSleeper sleeper = new RecordingSleeper();
        try (BbbClient bbb = client(transport).maxRetries(2).eventListener(listener).sleeper(sleeper).build()) {
            assertThat(bbb.isMeetingRunning("room-1")).isTrue();
        }
        assertThat(transport.requests).hasSize(3);
        assertThat(sleeper.sleeps()).hasSize(2);
        assertThat(events).containsExactly("attempt 1", "retry after 1 HTTP_STATUS 503", "attempt 2",
                "retry after 2 CONNECTION_FAILURE 0", "attempt 3");
    }

    @Test
    void sizeCap_wrapsTheTransport_theCapPassesOneByteMoreFailsWithoutRetry() {
        String padded = RUNNING + " ".repeat(1024 - RUNNING.length());
        try (BbbClient bbb = client(new Scripted(xml(200, padded))).maxResponseBytes(1024).build()) {
            assertThat(bbb.isMeetingRunning("room-1")).as("an answer of exactly the cap").isTrue();
        }
        Scripted tooLarge = new Scripted(xml(200, padded + " "));
        try (BbbClient bbb = client(tooLarge).maxResponseBytes(1024).maxRetries(2).build()) {
            assertThatThrownBy(() -> bbb.isMeetingRunning("room-1")).isInstanceOf(BbbResponseException.class)
                    .hasMessageContaining("1024").hasMessageContaining("isMeetingRunning");
        }
        assertThat(tooLarge.requests).as("too large is not retried").hasSize(1);
    }

    @Test
    void sizeCap_aTransportRefusingTheBodyAsTooLarge_failsTooLargeWithoutRetry() {
        Scripted refusing = new Scripted(request -> {
            throw new ResponseTooLargeException(request.maxResponseBytes());
        });
        try (BbbClient bbb = client(refusing).maxResponseBytes(1024).maxRetries(2).build()) {
            assertThatThrownBy(() -> bbb.isMeetingRunning("room-1")).isInstanceOf(BbbResponseException.class)
                    .hasMessageContaining("1024").hasMessageContaining("isMeetingRunning").hasMessageContaining("maxResponseBytes");
        }
        assertThat(refusing.requests).as("too large is not retried").hasSize(1);
    }

    @Test
    void deadline_wrapsTheTransport_anAnswerAfterTheTimeoutIsATimeout() {
        Scripted late = new Scripted(request -> {
            Thread.sleep(request.timeout().toMillis() + 100);
            return TransportResponse.of(200, XML, RUNNING.getBytes(StandardCharsets.UTF_8));
        });
        try (BbbClient bbb = client(late).requestTimeout(Duration.ofMillis(200)).maxRetries(0).build()) {
            BbbTransportException e = catchThrowableOfType(BbbTransportException.class, () -> bbb.isMeetingRunning("room-1"));
            assertThat(e).isNotNull();
            assertThat(e.isTimeout()).as(e.getMessage()).isTrue();
        }
    }

    @Test
    void exceptions_areMappedLikeTheJdkClients() {
        try (BbbClient bbb = client(new Scripted(fail(new HttpTimeoutException("request timed out")))).maxRetries(0).build()) {
            BbbTransportException e = catchThrowableOfType(BbbTransportException.class, () -> bbb.isMeetingRunning("room-1"));
            assertThat(e.isTimeout()).isTrue();
            assertThat(e.getCause()).isInstanceOf(HttpTimeoutException.class);
        }
        // An integrator's message may quote the signed URI: it reaches no BbbTransportException message.
        Scripted quoting = new Scripted(request -> {
            throw new HttpTimeoutException("timed out calling " + request.uri());
        });
        try (BbbClient bbb = client(quoting).maxRetries(0).build()) {
            BbbTransportException e = catchThrowableOfType(BbbTransportException.class, () -> bbb.isMeetingRunning("room-1"));
            String raw = quoting.requests.get(0).uri().toString();
            assertThat(e.isTimeout()).isTrue();
            assertThat(e.getMessage()).contains("isMeetingRunning").contains("timed out")
                    .doesNotContain(raw.substring(raw.indexOf("checksum=") + 9));
        }
        for (IOException quoted : List.of(new IOException("broken: " + BASE + "api/x?checksum=0123456789abcdef0123456789abcdef01234567"),
                new javax.net.ssl.SSLHandshakeException("bad cert for " + BASE + "api/x?checksum=0123456789abcdef0123456789abcdef01234567"),
                new ConnectException("refused " + BASE + "api/x?checksum=0123456789abcdef0123456789abcdef01234567"))) {
            try (BbbClient bbb = client(new Scripted(fail(quoted))).maxRetries(0).build()) {
                assertThatThrownBy(() -> bbb.isMeetingRunning("room-1")).isInstanceOf(BbbTransportException.class)
                        .hasMessageNotContaining("0123456789abcdef0123456789abcdef01234567");
            }
        }
        IOException reset = new IOException("Connection reset");
        Scripted broken = new Scripted(fail(reset));
        try (BbbClient bbb = client(broken).maxRetries(1).build()) {
            assertThatThrownBy(() -> bbb.end("room-1")).isInstanceOf(BbbTransportException.class).hasCause(reset)
                    .hasMessageContaining("end").hasMessageContaining("bbb.example.org").hasMessageContaining("room-1")
                    .hasMessageNotContaining("checksum");
            assertThat(broken.requests).as("end is not idempotent: one attempt").hasSize(1);
        }
        Scripted interrupted = new Scripted(request -> {
            throw new InterruptedException();
        });
        try (BbbClient bbb = client(interrupted).maxRetries(2).build()) {
            assertThatThrownBy(() -> bbb.isMeetingRunning("room-1")).isInstanceOf(BbbTransportException.class)
                    .hasCauseInstanceOf(InterruptedException.class);
            assertThat(Thread.interrupted()).as("the interrupt status is set again (and cleared here)").isTrue();
            assertThat(interrupted.requests).as("an interrupt ends the retries").hasSize(1);
        }
        // A channel closed by an interrupt is an IOException; the interrupt status tells it apart.
        Scripted closedByInterrupt = new Scripted(request -> {
            Thread.currentThread().interrupt();
            throw new ClosedByInterruptException();
        });
        try (BbbClient bbb = client(closedByInterrupt).maxRetries(2).build()) {
            assertThatThrownBy(() -> bbb.isMeetingRunning("room-1")).isInstanceOf(BbbTransportException.class)
                    .hasMessageContaining("interrupted").hasCauseInstanceOf(ClosedByInterruptException.class);
            assertThat(Thread.interrupted()).as("the interrupt status stays set (and is cleared here)").isTrue();
            assertThat(closedByInterrupt.requests).as("an interrupt ends the retries").hasSize(1);
        }
        IllegalStateException bug = new IllegalStateException("transport bug");
        Scripted buggy = new Scripted(request -> {
            throw bug;
        });
        try (BbbClient bbb = client(buggy).maxRetries(2).build()) {
            assertThatThrownBy(() -> bbb.isMeetingRunning("room-1")).isSameAs(bug);
            assertThat(buggy.requests).hasSize(1);
        }
    }

    @Test
    void logging_wrapsTheTransport_atTraceRedacted() {
        Scripted transport = new Scripted(xml(200, RUNNING));
        try (BbbClient bbb = client(transport).maxRetries(0).build()) {
            CapturingLoggerProvider.clear();
            bbb.isMeetingRunning("room-1");
            bbb.joinUrl(JoinMeetingRequest.builder("room-1", "Ada", Role.VIEWER).build());
        }
        String raw = transport.requests.get(0).uri().toString();
        String checksum = raw.substring(raw.indexOf("checksum=") + 9);
        List<String> lines = CapturingLoggerProvider.lines();
        assertThat(lines).anyMatch(l -> l.startsWith("TRACE") && l.contains("-> GET") && l.contains("isMeetingRunning")
                && l.contains("checksum=****"));
        assertThat(lines).anyMatch(l -> l.startsWith("TRACE") && l.contains("<- 200 text/xml"));
        assertThat(lines).anyMatch(l -> l.contains("[call=isMeetingRunning status=200 returncode=SUCCESS"));
        for (String line : lines) {
            assertThat(line).doesNotContain(checksum).doesNotContain(Secrets.SECRET);
        }
    }

    /** A header value every transport can send, checked where it is set, not on every call. */
    @Test
    void userAgent_outsideVisibleAscii_isRefusedAtTheSetter() {
        for (String bad : List.of("schulportal/7 (Grundschule Ü)", "a\r\nX-Injected: 1", "tab\there", "\u0000")) {
            assertThatThrownBy(() -> BbbClient.builder().userAgent(bad)).as(bad).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("userAgent").hasMessageContaining("visible ASCII");
        }
        Scripted transport = new Scripted(xml(200, RUNNING));
        try (BbbClient bbb = client(transport).userAgent("schulportal/7 (+https://schulportal.hessen.de)").build()) {
            assertThat(bbb.isMeetingRunning("room-1")).isTrue();
        }
        assertThat(transport.requests.get(0).headers().firstValue("User-Agent")).contains("schulportal/7 (+https://schulportal.hessen.de)");
    }

    @Test
    void build_withTransportAndOwnHttpClient_isRefused() {
        HttpTransport transport = new Scripted(xml(200, RUNNING));
        BbbClient.Builder b = BbbClient.builder().baseUrl(BASE).secret("s3cr3t-s3cr3t")
                .httpClient(HttpClient.newHttpClient()).transport(transport);
        assertThatThrownBy(b::build).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("transport").hasMessageContaining("httpClient");
        assertThat(BbbClient.builder().baseUrl(BASE).secret("s3cr3t-s3cr3t").transport(transport).build().toBuilder()
                .httpClient(HttpClient.newHttpClient())).as("toBuilder keeps the setting")
                .satisfies(copy -> assertThatThrownBy(copy::build).isInstanceOf(IllegalArgumentException.class));
    }

    /** A transport writes Host and the body's framing itself; a second one from the request would smuggle a request. */
    @Test
    void transportRequest_refusesHeadersThatFrameTheMessage() {
        URI uri = URI.create("https://bbb.example.org/bigbluebutton/api/getMeetings?checksum=abc123");
        for (String name : List.of("Host", "content-length", "Transfer-Encoding", "Connection", "Expect", "Upgrade", "TE",
                "Trailer", "Keep-Alive", "Proxy-Connection")) {
            assertThatThrownBy(() -> request("GET", uri).header(name, "x")).as(name)
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(name).hasMessageContaining("transport");
        }
    }

    @Test
    void transportRequest_refusesHeaderInjectionAndBodiesOnGet_andHidesTheQuery() {
        URI uri = URI.create("https://bbb.example.org/bigbluebutton/api/join?password=pw&checksum=abc123");
        assertThatThrownBy(() -> request("GET", uri).header("User-Agent", "a\r\nX-Injected: 1"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("User-Agent");
        assertThatThrownBy(() -> request("GET", uri).header("Bad Name", "v"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> request("GET", uri).body(new byte[] {1}).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("GET");
        assertThatThrownBy(() -> request("DELETE", uri)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> request("GET", URI.create("file:/etc/passwd")))
                .isInstanceOf(IllegalArgumentException.class);
        TransportRequest r = request("GET", uri).header("accept", "a").header("Accept", "b").build();
        assertThat(r.headers().allValues("ACCEPT")).as("a header set twice keeps the last value").containsExactly("b");
        assertThat(r.toString()).doesNotContain("pw").doesNotContain("abc123").contains("/bigbluebutton/api/join");
        assertThatThrownBy(() -> TransportRequest.builder("GET", uri, Duration.ZERO, 4096)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("timeout");
        assertThatThrownBy(() -> TransportRequest.builder("GET", uri, Duration.ofSeconds(5), 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxResponseBytes");
        assertThatThrownBy(() -> TransportResponse.of(42, XML, new byte[0])).isInstanceOf(IllegalArgumentException.class);
        assertThat(TransportResponse.of(200, XML, "<secret-join-url/>".getBytes(StandardCharsets.UTF_8)).toString())
                .doesNotContain("secret-join-url");
    }
}
