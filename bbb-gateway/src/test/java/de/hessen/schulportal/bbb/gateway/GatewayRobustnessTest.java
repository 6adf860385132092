// SPDX-License-Identifier: Apache-2.0
package de.hessen.schulportal.bbb.gateway;

import de.hessen.schulportal.bbb.gateway.config.GatewayConfig;
import de.hessen.schulportal.bbb.gateway.config.GatewayLimits;
import de.hessen.schulportal.bbb.gateway.config.Tenant;
import static de.hessen.schulportal.bbb.gateway.MoodleThroughGatewayTest.el;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.hessen.schulportal.bbb.testkit.CallbackSigner;
import de.hessen.schulportal.bbb.testkit.BbbSimulator;
import de.hessen.schulportal.bbb.testsupport.RefusedPort;
import de.hessen.schulportal.bbb.testsupport.CapturingLoggerProvider;
import de.hessen.schulportal.bbb.testsupport.Secrets;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Bad input and bad weather: malformed queries, oversize requests, slow clients, unknown calls and
 * tenants, forged callbacks, a backend that is down, slow or overloaded. Every case gets a
 * BigBlueButton-style answer (or a closed connection for a client too slow to send one), never a hang.
 */
class GatewayRobustnessTest {
    static final String MOODLE_SECRET = Secrets.forbid("r0bust-m00dle-5ecret-0123456789abcdef");
    static final String KEY = MoodleThroughGatewayTest.KEY;
    static final Duration BOUND = Duration.ofSeconds(60);

    final List<AutoCloseable> toClose = new ArrayList<>();
    /** The gateway the last {@link #gateway} call started. */
    Gateway started;

    @AfterEach
    void closeAll() throws Exception {
        for (int i = toClose.size() - 1; i >= 0; i--) {
            toClose.get(i).close();
        }
    }

    <T extends AutoCloseable> T closing(T c) {
        toClose.add(c);
        return c;
    }

    BbbSimulator simulator() {
        BbbSimulator sim = closing(BbbSimulator.start());
        Secrets.forbid(sim.secret());
        return sim;
    }

    FakeMoodle gateway(String backendUrl, String backendSecret, Consumer<GatewayConfig.Builder> tune) {
        GatewayConfig.Builder b = GatewayConfig.builder(KEY).host("127.0.0.1").allowLoopbackFetch(true).port(0)
                .tenant(Tenant.builder("moodle", MOODLE_SECRET, backendUrl, backendSecret).build());
        tune.accept(b);
        Gateway g = closing(Gateway.start(b.build()));
        started = g;
        return closing(new FakeMoodle(g.url().toString(), MOODLE_SECRET));
    }

    String base(FakeMoodle m) {
        return m.url("x", Map.of()).replaceAll("bigbluebutton/api/x\\?.*", "");
    }

    @Test
    void malformedQuery_answersValidationError_andForwardsNothing() throws IOException {
        BbbSimulator sim = simulator();
        FakeMoodle moodle = gateway(sim.baseUrl(), sim.secret(), b -> { });
        // Not UTF-8 once decoded: the JDK client sends it; the gateway refuses it.
        String q = "meetingID=%C3%28";
        String url = base(moodle) + "bigbluebutton/api/getMeetingInfo?" + q + "&checksum="
                + FakeMoodle.sha256Hex("getMeetingInfo" + q + MOODLE_SECRET);
        HttpResponse<String> r = moodle.get(url);
        assertThat(el(r.body(), "returncode")).isEqualTo("FAILED");
        assertThat(el(r.body(), "messageKey")).isEqualTo("validationError");
        // A broken escape needs a raw socket: the JDK client refuses to send it. Jetty or the gateway refuses it.
        String raw = rawGet(URI.create(base(moodle)).getPort(), "/bigbluebutton/api/getMeetingInfo?meetingID=%zz&checksum=00");
        assertThat(raw).satisfiesAnyOf(a -> assertThat(a).startsWith("HTTP/1.1 400"), a -> assertThat(a).contains("<returncode>FAILED"));
        assertThat(sim.requestCount()).isZero();
    }

    /**
     * Issue 19 §1 through the gateway: Moodle's signed join with the checksum text spliced into another
     * parameter passes bbb-web's rule, but the gateway answers checksumError and forwards nothing.
     */
    @org.junit.jupiter.params.ParameterizedTest(name = "{0}")
    @org.junit.jupiter.params.provider.CsvSource(delimiter = '|', value = {
        "hidden guest flag   | &guest=true   | &gchecksum=@uest=true",
        "removed createTime  | &createTime=  | &creachecksum=@teTime=",
        "truncated userID    | userID=u123   | userID=u12&checksum=@3",
        "truncated meetingID | meetingID=m-1 | meetingID=m&checksum=@-1"
    })
    void checksumSplicedIntoAnotherParameter_answersChecksumError_andForwardsNothing(String attack, String original, String spliced) {
        BbbSimulator sim = simulator();
        FakeMoodle moodle = gateway(sim.baseUrl(), sim.secret(), b -> { });
        assertThat(el(moodle.call("create", Map.of("meetingID", "m-1", "name", "Raum")).body(), "returncode")).isEqualTo("SUCCESS");
        long before = sim.requestCount();
        String q = "meetingID=m-1&fullName=Kim+Y.&role=VIEWER&guest=true&userID=u123&createTime=1700000000000&redirect=false";
        String x = FakeMoodle.sha256Hex("join" + q + MOODLE_SECRET);
        String bent = "checksum=" + x + "&" + q.replace(original.strip(), spliced.strip().replace("@", x));
        HttpResponse<String> r = moodle.get(base(moodle) + "bigbluebutton/api/join?" + bent);
        assertThat(el(r.body(), "messageKey")).as(attack).isEqualTo("checksumError");
        assertThat(sim.requestCount()).as(attack + ": nothing forwarded").isEqualTo(before);
    }

    /** Issue 19 §3: the audit line's meeting pseudonym must not turn a valid call into HTTP 500. */
    @Test
    void getRecordingsWithManyMeetingIds_andAVeryLongMeetingId_answerAsBigBlueButtonDoes() {
        BbbSimulator sim = simulator();
        FakeMoodle moodle = gateway(sim.baseUrl(), sim.secret(), b -> { });
        String ids = "0c8d3f2a0c8d3f2a0c8d3f2a0c8d3f2a0c8d3f2a-5-12[0],0c8d3f2a0c8d3f2a0c8d3f2a0c8d3f2a0c8d3f2a-5-13[0],"
                + "0c8d3f2a0c8d3f2a0c8d3f2a0c8d3f2a0c8d3f2a-5-14[0],0c8d3f2a0c8d3f2a0c8d3f2a0c8d3f2a0c8d3f2a-5-15[0],"
                + "0c8d3f2a0c8d3f2a0c8d3f2a0c8d3f2a0c8d3f2a-5-16[0],0c8d3f2a0c8d3f2a0c8d3f2a0c8d3f2a0c8d3f2a-5-17[0]";
        HttpResponse<String> r = moodle.call("getRecordings", Map.of("meetingID", ids));
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(el(r.body(), "returncode")).isEqualTo("SUCCESS");
        assertThat(el(r.body(), "messageKey")).isEqualTo("noRecordings");
        HttpResponse<String> longId = moodle.call("getMeetingInfo", Map.of("meetingID", "m".repeat(300)));
        assertThat(longId.statusCode()).isEqualTo(200);
        assertThat(el(longId.body(), "returncode")).isEqualTo("FAILED");
        assertThat(el(longId.body(), "messageKey")).isNotEqualTo("internalError");
    }

    static String rawGet(int port, String target) throws IOException {
        try (Socket s = new Socket(InetAddress.getLoopbackAddress(), port)) {
            s.setSoTimeout((int) BOUND.toMillis());
            s.getOutputStream().write(("GET " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            return new String(s.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void close_leavesNoBackendConnectionPooled() throws IOException {
        BbbSimulator sim = simulator();
        FakeMoodle moodle = gateway(sim.baseUrl(), sim.secret(), b -> { });
        assertThat(el(moodle.get(moodle.url("getMeetings", Map.of())).body(), "returncode")).isEqualTo("SUCCESS");
        assertThat(sim.requestCount()).isEqualTo(1);
        started.close();
        assertThat(started.backendTransport().isClosed()).as("the backend transport is closed with the gateway").isTrue();
        assertThat(started.backendTransport().idleConnections()).as("pooled backend connections after close").isZero();
    }

    @Test
    void unknownCall_answersUnsupportedRequest() {
        BbbSimulator sim = simulator();
        FakeMoodle moodle = gateway(sim.baseUrl(), sim.secret(), b -> { });
        HttpResponse<String> r = moodle.call("getSessions", Map.of());
        assertThat(el(r.body(), "messageKey")).isEqualTo("unsupportedRequest");
        assertThat(moodle.call("insertDocument", Map.of("meetingID", "m1")).body()).contains("unsupportedRequest");
        assertThat(sim.requestCount()).isZero();
    }

    @Test
    void unknownTenant_answersChecksumError_andForwardsNothing() {
        BbbSimulator sim = simulator();
        FakeMoodle moodle = gateway(sim.baseUrl(), sim.secret(), b -> { });
        FakeMoodle stranger = closing(new FakeMoodle(base(moodle), Secrets.forbid("an0ther-5ecret-nobody-configured-here")));
        HttpResponse<String> r = stranger.call("getMeetings", Map.of());
        assertThat(el(r.body(), "messageKey")).isEqualTo("checksumError");
        String noChecksum = moodle.get(base(moodle) + "bigbluebutton/api/getMeetings").body();
        assertThat(el(noChecksum, "messageKey")).isEqualTo("checksumError");
        assertThat(el(noChecksum, "message")).isEqualTo("You must provide the checksum");
        assertThat(sim.requestCount()).isZero();
    }

    @Test
    void oversizeBody_answers413Envelope_andForwardsNothing() {
        BbbSimulator sim = simulator();
        FakeMoodle moodle = gateway(sim.baseUrl(), sim.secret(), b -> b.limits(GatewayLimits.builder().maxBodyBytes(1024).build()));
        HttpResponse<String> r = moodle.createWithPresentation(Map.of("meetingID", "m-1", "name", "Raum"),
                "<modules>" + "x".repeat(4096) + "</modules>");
        assertThat(r.statusCode()).isEqualTo(413);
        assertThat(el(r.body(), "messageKey")).isEqualTo("requestTooLarge");
        assertThat(sim.requestCount()).isZero();
    }

    @Test
    void oversizeHeaders_areRefusedWithoutHanging() {
        BbbSimulator sim = simulator();
        FakeMoodle moodle = gateway(sim.baseUrl(), sim.secret(), b -> b.limits(GatewayLimits.builder().maxHeaderBytes(4096).build()));
        HttpResponse<String> r = moodle.call("getMeetingInfo", Map.of("meetingID", "m".repeat(8000)));
        assertThat(r.statusCode()).isIn(414, 431);
        assertThat(sim.requestCount()).isZero();
    }

    @Test
    void slowClient_isCutOffByTheIdleTimeout_whileOthersAreServed() throws Exception {
        BbbSimulator sim = simulator();
        FakeMoodle moodle = gateway(sim.baseUrl(), sim.secret(), b -> b.limits(GatewayLimits.builder().idleTimeout(Duration.ofMillis(500)).build()));
        URI gw = URI.create(base(moodle));
        List<Socket> slow = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            Socket s = closing(new Socket(InetAddress.getLoopbackAddress(), gw.getPort()));
            s.setSoTimeout((int) BOUND.toMillis());
            OutputStream out = s.getOutputStream();
            out.write("GET /bigbluebutton/api/ HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            slow.add(s);
        }
        assertThat(el(moodle.call("getMeetings", Map.of()).body(), "returncode")).isEqualTo("SUCCESS");
        for (Socket s : slow) {
            InputStream in = s.getInputStream();
            byte[] rest = in.readAllBytes();
            // Closed by the server (perhaps after a 408), and never answered as a complete request.
            assertThat(new String(rest, StandardCharsets.US_ASCII)).doesNotContain("SUCCESS");
        }
    }

    /** Writes one byte every 200 ms until the server closes the socket; true if it did within the bound. */
    static boolean closedWhileTrickling(Socket s) throws InterruptedException {
        long end = System.nanoTime() + BOUND.toNanos();
        try {
            s.setSoTimeout(200);
            OutputStream out = s.getOutputStream();
            while (System.nanoTime() < end) {
                out.write('X');
                out.flush();
                try {
                    if (s.getInputStream().read() < 0) {
                        return true;
                    }
                } catch (java.net.SocketTimeoutException e) {
                    // still open: keep trickling
                }
            }
            return false;
        } catch (IOException e) {
            return true; // reset by the server
        }
    }

    /** The idle timeout restarts with every byte; the head's deadline does not (issue 19 §2). */
    @Test
    void requestHeadTricklingForLongerThanItsDeadline_isClosed_althoughNeverIdle() throws Exception {
        BbbSimulator sim = simulator();
        FakeMoodle moodle = gateway(sim.baseUrl(), sim.secret(), b -> b.limits(GatewayLimits.builder()
                .idleTimeout(Duration.ofSeconds(120)).headerTimeout(Duration.ofSeconds(1)).build()));
        Socket s = closing(new Socket(InetAddress.getLoopbackAddress(), URI.create(base(moodle)).getPort()));
        s.getOutputStream().write("GET /bigbluebutton/api/ HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ".getBytes(StandardCharsets.US_ASCII));
        assertThat(closedWhileTrickling(s)).as("closed by the head deadline within " + BOUND).isTrue();
        assertThat(el(moodle.call("getMeetings", Map.of()).body(), "returncode")).isEqualTo("SUCCESS");
        assertThat(moodle.get(started.managementUrl() + "metrics").body()).contains("bbb_gateway_rejections_total{reason=\"header_timeout\"}");
    }

    @Test
    void bodyTricklingForLongerThanItsDeadline_isClosed_andThePermitReturns() throws Exception {
        BbbSimulator sim = simulator();
        FakeMoodle moodle = gateway(sim.baseUrl(), sim.secret(), b -> b.limits(GatewayLimits.builder().maxConcurrentRequests(1)
                .idleTimeout(Duration.ofSeconds(120)).bodyTimeout(Duration.ofSeconds(1)).build()));
        String url = moodle.url("create", Map.of("meetingID", "slow-body", "name", "Raum"));
        Socket s = closing(new Socket(InetAddress.getLoopbackAddress(), URI.create(base(moodle)).getPort()));
        s.getOutputStream().write(("POST " + url.substring(url.indexOf("/bigbluebutton/")) + " HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                + "Content-Type: application/xml\r\nContent-Length: 100000\r\n\r\n<modules>").getBytes(StandardCharsets.US_ASCII));
        assertThat(closedWhileTrickling(s)).as("closed by the body deadline within " + BOUND).isTrue();
        // The only permit came back: the next call is served, not answered tooManyRequests.
        assertThat(el(moodle.call("getMeetings", Map.of()).body(), "returncode")).isEqualTo("SUCCESS");
        assertThat(sim.meeting("moodle-slow-body")).isEmpty();
    }

    @Test
    void connectionsBeyondThePerAddressCap_areClosed_whileOtherAddressesAreServed() throws Exception {
        BbbSimulator sim = simulator();
        FakeMoodle moodle = gateway(sim.baseUrl(), sim.secret(), b -> b.limits(GatewayLimits.builder().maxConnectionsPerAddress(5).build()));
        int port = URI.create(base(moodle)).getPort();
        int closed = 0;
        List<Socket> sockets = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            Socket s = closing(new Socket());
            s.bind(new java.net.InetSocketAddress(InetAddress.getByName("127.0.0.2"), 0));
            s.connect(new java.net.InetSocketAddress(InetAddress.getLoopbackAddress(), port));
            sockets.add(s);
        }
        // Poll every connection until 7 are closed (no time limit but the hang guard BOUND, so a busy machine only
        // waits longer); the 5 within the cap must then still be open.
        List<Socket> open = new ArrayList<>(sockets);
        long deadline = System.nanoTime() + BOUND.toNanos();
        while (sockets.size() - open.size() < 7 && System.nanoTime() < deadline) {
            for (java.util.Iterator<Socket> it = open.iterator(); it.hasNext();) {
                Socket s = it.next();
                s.setSoTimeout(50);
                try {
                    if (s.getInputStream().read() < 0) {
                        it.remove();
                    }
                } catch (java.net.SocketTimeoutException e) {
                    // still open, for now
                } catch (IOException e) {
                    it.remove();
                }
            }
        }
        closed = sockets.size() - open.size();
        for (Socket s : open) {
            s.setSoTimeout(200);
            assertThatThrownBy(() -> s.getInputStream().read()).as("a connection within the cap stays open")
                    .isInstanceOf(java.net.SocketTimeoutException.class);
        }
        assertThat(closed).as("12 connections from one address, cap 5").isEqualTo(7);
        assertThat(el(moodle.call("getMeetings", Map.of()).body(), "returncode")).isEqualTo("SUCCESS");
    }

    @Test
    void backendDown_answersServerUnavailable() throws IOException {
        try (RefusedPort refused = new RefusedPort()) {
            FakeMoodle moodle = gateway(refused.baseUrl(),
                    Secrets.forbid("d0wn-backend-5ecret-0123456789"),
                    b -> b.limits(GatewayLimits.builder().backendTimeout(Duration.ofSeconds(2)).build()));
            HttpResponse<String> r = moodle.call("getMeetingInfo", Map.of("meetingID", "m-1"));
            assertThat(el(r.body(), "returncode")).isEqualTo("FAILED");
            assertThat(el(r.body(), "messageKey")).isEqualTo("serverUnavailable");
        }
    }

    /** A backend that accepts connections and never answers. */
    static final class SilentBackend implements AutoCloseable {
        final ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        final List<Socket> held = new CopyOnWriteArrayList<>();
        final CountDownLatch accepted = new CountDownLatch(1);
        final Thread acceptor = new Thread(this::accept, "silent-backend");

        SilentBackend() throws IOException {
            acceptor.setDaemon(true);
            acceptor.start();
        }

        private void accept() {
            try {
                while (true) {
                    held.add(server.accept());
                    accepted.countDown();
                }
            } catch (IOException e) {
                // closed
            }
        }

        String url() {
            return "http://127.0.0.1:" + server.getLocalPort() + "/bigbluebutton/";
        }

        @Override
        public void close() throws IOException {
            server.close();
            for (Socket s : held) {
                s.close();
            }
        }
    }

    @Test
    void backendSlow_answersServerUnavailableAfterTheBackendTimeout() throws IOException {
        SilentBackend backend = closing(new SilentBackend());
        FakeMoodle moodle = gateway(backend.url(), Secrets.forbid("sl0w-backend-5ecret-0123456789"),
                b -> b.limits(GatewayLimits.builder().backendTimeout(Duration.ofMillis(500)).build()));
        HttpResponse<String> r = moodle.call("getMeetingInfo", Map.of("meetingID", "m-1"));
        assertThat(el(r.body(), "messageKey")).isEqualTo("serverUnavailable");
    }

    @Test
    void overload_answersTooManyRequestsAtOnce_whileTheBackendHangs() throws Exception {
        SilentBackend backend = closing(new SilentBackend());
        FakeMoodle moodle = gateway(backend.url(), Secrets.forbid("0verl0ad-backend-5ecret-0123456789"),
                b -> b.limits(GatewayLimits.builder().maxConcurrentRequests(1).backendTimeout(Duration.ofSeconds(30)).build()));
        CompletableFuture<HttpResponse<String>> first = CompletableFuture.supplyAsync(
                () -> moodle.call("getMeetingInfo", Map.of("meetingID", "m-1")));
        assertThat(backend.accepted.await(BOUND.toSeconds(), TimeUnit.SECONDS)).isTrue();
        HttpResponse<String> second = moodle.call("getMeetingInfo", Map.of("meetingID", "m-2"));
        assertThat(second.statusCode()).isEqualTo(503);
        assertThat(el(second.body(), "messageKey")).isEqualTo("tooManyRequests");
        assertThat(second.headers().firstValue("Retry-After")).isPresent();
        backend.close();
        assertThat(el(first.get(BOUND.toSeconds(), TimeUnit.SECONDS).body(), "returncode")).isEqualTo("FAILED");
    }

    @Test
    void reload_keepsTheConcurrencyLimit_oldAndNewRequestsShareThePermits() throws Exception {
        SilentBackend backend = closing(new SilentBackend());
        String backendSecret = Secrets.forbid("re1oad-backend-5ecret-0123456789ab");
        GatewayLimits limits = GatewayLimits.builder().maxConcurrentRequests(1).backendTimeout(Duration.ofSeconds(30)).build();
        FakeMoodle moodle = gateway(backend.url(), backendSecret, b -> b.limits(limits));
        CompletableFuture<HttpResponse<String>> first = CompletableFuture.supplyAsync(
                () -> moodle.call("getMeetingInfo", Map.of("meetingID", "m-1")));
        assertThat(backend.accepted.await(BOUND.toSeconds(), TimeUnit.SECONDS)).isTrue();
        // A reload while the one permitted request hangs: the new generation must not admit another.
        started.reload(GatewayConfig.builder(KEY).host("127.0.0.1").allowLoopbackFetch(true).port(0).limits(limits)
                .tenant(Tenant.builder("moodle", MOODLE_SECRET, backend.url(), backendSecret).build()).build());
        HttpResponse<String> second = moodle.call("getMeetingInfo", Map.of("meetingID", "m-2"));
        assertThat(second.statusCode()).as("a second request at once, after the reload").isEqualTo(503);
        assertThat(el(second.body(), "messageKey")).isEqualTo("tooManyRequests");
        backend.close();
        assertThat(el(first.get(BOUND.toSeconds(), TimeUnit.SECONDS).body(), "returncode")).isEqualTo("FAILED");
    }

    @Test
    void close_letsTheRequestInFlightFinishWithAnAnswer() throws Exception {
        SilentBackend backend = closing(new SilentBackend());
        // The backend timeout is ten times the time a stopping gateway keeps a connection with no request on it:
        // the request in flight is not cut as idle while it waits.
        Gateway g = Gateway.start(GatewayConfig.builder(KEY).host("127.0.0.1").allowLoopbackFetch(true).port(0)
                .limits(GatewayLimits.builder().backendTimeout(Duration.ofMillis(1000)).stopTimeout(Duration.ofSeconds(30)).build())
                .tenant(Tenant.builder("moodle", MOODLE_SECRET, backend.url(), Secrets.forbid("gr4ceful-backend-5ecret-0123456789")).build())
                .build());
        FakeMoodle moodle = closing(new FakeMoodle(g.url().toString(), MOODLE_SECRET));
        CompletableFuture<HttpResponse<String>> inFlight = CompletableFuture.supplyAsync(
                () -> moodle.call("getMeetingInfo", Map.of("meetingID", "m-1")));
        assertThat(backend.accepted.await(BOUND.toSeconds(), TimeUnit.SECONDS)).isTrue();
        g.close();
        HttpResponse<String> r = inFlight.get(BOUND.toSeconds(), TimeUnit.SECONDS);
        assertThat(el(r.body(), "messageKey")).isEqualTo("serverUnavailable");
    }

    @Test
    void forgedAndExpiredCallbacks_areDroppedAndCounted() {
        BbbSimulator sim = simulator();
        FakeMoodle moodle = gateway(sim.baseUrl(), sim.secret(), b -> { });
        String base = base(moodle);
        String target = moodle.wwwroot() + "/bbb_broker.php?action=recording_ready";
        assertThat(el(moodle.call("create", Map.of("meetingID", "m-1", "name", "Raum",
                "meta_bbb-recording-ready-url", target, "meta_analytics-callback-url", target)).body(), "returncode")).isEqualTo("SUCCESS");
        Map<String, String> meta = sim.meeting("moodle-m-1").orElseThrow().metadata();
        String readyUrl = meta.get("bbb-recording-ready-url");
        String analyticsUrl = meta.get("analytics-callback-url");

        HttpResponse<String> forged = post(moodle, base + "gateway/callback/recording-ready/bm90LWEtdG9rZW4", null,
                CallbackSigner.recordingReadyFormBody(sim.secret(), "moodle-m-1", "r1"));
        assertThat(forged.statusCode()).isEqualTo(401);
        HttpResponse<String> wrongSecret = post(moodle, readyUrl, null,
                CallbackSigner.recordingReadyFormBody(Secrets.forbid("n0t-the-backend-5ecret-012345"), "moodle-m-1", "r1"));
        assertThat(wrongSecret.statusCode()).isEqualTo(401);
        HttpResponse<String> otherTenant = post(moodle, readyUrl, null,
                CallbackSigner.recordingReadyFormBody(sim.secret(), "other-m-1", "r1"));
        assertThat(otherTenant.statusCode()).isEqualTo(401);
        HttpResponse<String> expired = post(moodle, analyticsUrl,
                CallbackSigner.analyticsAuthorization(sim.secret(), "moodle-m-1", Instant.now().minus(Duration.ofHours(1))),
                "{\"meeting_id\":\"moodle-m-1\"}");
        assertThat(expired.statusCode()).isEqualTo(401);
        // A token for one purpose does not open another.
        HttpResponse<String> swapped = post(moodle, readyUrl.replace("recording-ready", "analytics"),
                CallbackSigner.analyticsAuthorization(sim.secret(), "moodle-m-1", Instant.now().plus(Duration.ofHours(1))),
                "{\"meeting_id\":\"moodle-m-1\"}");
        assertThat(swapped.statusCode()).isEqualTo(401);
        assertThat(moodle.received).isEmpty();
        String metrics = moodle.get(started.managementUrl() + "metrics").body();
        assertThat(metrics).contains("bbb_gateway_callbacks_total{kind=\"recording_ready\",outcome=\"dropped_forged\"} 1")
                .contains("bbb_gateway_callbacks_total{kind=\"recording_ready\",outcome=\"dropped_invalid\"} 2")
                .contains("bbb_gateway_callbacks_total{kind=\"analytics\",outcome=\"dropped_invalid\"} 1")
                .contains("bbb_gateway_callbacks_total{kind=\"analytics\",outcome=\"dropped_forged\"} 1");
        assertThat(moodle.get(base + "gateway/logout/bm90LWEtdG9rZW4").statusCode()).isEqualTo(404);
    }

    @Test
    void healthAndMetrics_answer_metricsOnlyOnTheManagementConnector_withoutAuditLines() {
        BbbSimulator sim = simulator();
        FakeMoodle moodle = gateway(sim.baseUrl(), sim.secret(), b -> { });
        String management = started.managementUrl().toString();
        assertThat(started.managementUrl().getHost()).isEqualTo("127.0.0.1");
        for (String base : List.of(base(moodle), management)) {
            assertThat(moodle.get(base + "health").body()).contains("UP");
            assertThat(moodle.get(base + "health/live").body()).contains("UP");
        }
        HttpResponse<String> ready = moodle.get(management + "health/ready");
        assertThat(ready.statusCode()).isEqualTo(200);
        assertThat(ready.body()).contains("\"status\":\"UP\"");
        assertThat(moodle.get(base(moodle) + "health/ready").statusCode()).as("no readiness on the public port").isEqualTo(404);
        assertThat(moodle.get(base(moodle) + "metrics").statusCode()).as("no metrics on the public port").isEqualTo(404);
        moodle.call("getMeetings", Map.of());
        moodle.call("nope", Map.of());
        String metrics = moodle.get(management + "metrics").body();
        assertThat(metrics).contains("# TYPE bbb_gateway_requests_total counter")
                .contains("bbb_gateway_requests_total{call=\"getMeetings\",outcome=\"success\"} 1")
                .contains("bbb_gateway_requests_total{call=\"other\",outcome=\"unsupported\"} 1")
                .contains("bbb_gateway_rejections_total{reason=\"unsupported\"} 1")
                .contains("bbb_gateway_forward_seconds_bucket{call=\"getMeetings\",le=\"+Inf\"} 1")
                .doesNotContain(MOODLE_SECRET, sim.secret());
        assertThat(moodle.get(management + "bigbluebutton/api/getMeetings").statusCode()).as("no API on the management port")
                .isEqualTo(404);
        assertThat(CapturingLoggerProvider.lines()).as("the audit line of the API call is there")
                .anyMatch(l -> l.contains("call=getMeetings"));
        assertThat(CapturingLoggerProvider.lines()).as("no audit line per scrape")
                .noneMatch(l -> l.contains("call=health") || l.contains("call=metrics"));
    }

    @Test
    void readiness_failsWhenTheBackendIsDown_andIsCachedSoScrapesDoNotReachIt() throws Exception {
        SilentBackend backend = closing(new SilentBackend());
        FakeMoodle moodle = gateway(backend.url(), Secrets.forbid("re4dy-backend-5ecret-0123456789"),
                b -> b.limits(GatewayLimits.builder().backendTimeout(Duration.ofMillis(500)).build()));
        String ready = started.managementUrl() + "health/ready";
        HttpResponse<String> first = moodle.get(ready);
        assertThat(first.statusCode()).isEqualTo(503);
        assertThat(first.body()).contains("DOWN").doesNotContain("127.0.0.1");
        int connections = backend.held.size();
        for (int i = 0; i < 20; i++) {
            assertThat(moodle.get(ready).statusCode()).isEqualTo(503);
        }
        assertThat(backend.held.size()).as("cached: 20 scrapes, no new backend connection").isEqualTo(connections);
        assertThat(moodle.get(base(moodle) + "health/live").statusCode()).as("liveness ignores the backend").isEqualTo(200);
    }

    static HttpResponse<String> post(FakeMoodle m, String url, String authorization, String body) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(BOUND)
                .header("Content-Type", authorization == null ? "application/x-www-form-urlencoded" : "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (authorization != null) {
            b.header("Authorization", authorization);
        }
        return m.send(b.build());
    }
}
