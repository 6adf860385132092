// SPDX-License-Identifier: Apache-2.0
package de.hessen.schulportal.bbb.gateway.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import de.hessen.schulportal.bbb.client.BbbClient;
import de.hessen.schulportal.bbb.client.BbbResponseException;
import de.hessen.schulportal.bbb.client.BbbTransportException;
import de.hessen.schulportal.bbb.client.transport.ResponseTooLargeException;
import de.hessen.schulportal.bbb.client.transport.TransportRequest;
import de.hessen.schulportal.bbb.client.transport.TransportResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.ProtocolException;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManagerFactory;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The gateway's blocking HTTP/1.1 backend transport against a scripted loopback server: every
 * framing of an answer, connection reuse, the stale-connection retry (idempotent GETs only), the
 * deadline against a silent and a dripping server, the size cap (a body over it refused as soon as that is known, an announced one before it is read),
 * TLS with host name verification, and the exact bytes of the request. Failures are asserted as the
 * JDK exception types bbb-client's {@code HttpTransport} contract names, since that is what the
 * client maps.
 */
class SocketTransportTest {
    private static final Duration TIMEOUT = Duration.ofMillis(800);
    /** "Not stalled": generous against a loaded machine, far below what a missing deadline would take. */
    private static final long NOT_STALLED_MS = 10_000;

    private Script server;
    private SocketTransport transport;
    /** The limits the requests of the current transport carry. */
    private long cap = 4096;
    private Duration timeout = TIMEOUT;

    /** How the server answers one request: write to out; return false to close the connection afterwards. */
    interface Reply {
        boolean answer(String head, byte[] body, Socket socket, OutputStream out) throws Exception;
    }

    /** A loopback server that answers each request with the next reply of a list (the last one repeats). */
    static final class Script implements AutoCloseable {
        final ServerSocket socket;
        final List<Reply> replies;
        final AtomicInteger accepted = new AtomicInteger();
        final AtomicInteger closed = new AtomicInteger();
        final AtomicInteger requestCount = new AtomicInteger();
        final List<String> heads = new CopyOnWriteArrayList<>();
        final List<byte[]> bodies = new CopyOnWriteArrayList<>();
        final ExecutorService pool = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "script-server");
            t.setDaemon(true);
            return t;
        });

        Script(ServerSocket socket, Reply... replies) {
            this.socket = socket;
            this.replies = List.of(replies);
            pool.execute(this::accept);
        }

        Script(Reply... replies) throws IOException {
            this(new ServerSocket(0, 50, InetAddress.getLoopbackAddress()), replies);
        }

        String url(String pathAndQuery) {
            return "http://127.0.0.1:" + socket.getLocalPort() + pathAndQuery;
        }

        private void accept() {
            while (!socket.isClosed()) {
                try {
                    Socket s = socket.accept();
                    accepted.incrementAndGet();
                    pool.execute(() -> serve(s));
                } catch (IOException e) {
                    return;
                }
            }
        }

        private void serve(Socket s) {
            try (s) {
                InputStream in = s.getInputStream();
                OutputStream out = s.getOutputStream();
                while (true) {
                    String head = head(in);
                    if (head == null) {
                        return;
                    }
                    byte[] body = new byte[0];
                    for (String line : head.split("\r\n")) {
                        if (line.regionMatches(true, 0, "Content-Length:", 0, 15)) {
                            body = in.readNBytes(Integer.parseInt(line.substring(15).strip()));
                        }
                    }
                    heads.add(head);
                    bodies.add(body);
                    int n = requestCount.getAndIncrement();
                    Reply reply = replies.get(Math.min(n, replies.size() - 1));
                    if (!reply.answer(head, body, s, out)) {
                        return;
                    }
                }
            } catch (Exception e) {
                // The client went away or the script closed the connection.
            } finally {
                closed.incrementAndGet();
            }
        }

        private static String head(InputStream in) throws IOException {
            ByteArrayOutputStream b = new ByteArrayOutputStream();
            int c;
            while ((c = in.read()) >= 0) {
                b.write(c);
                byte[] a = b.toByteArray();
                int n = a.length;
                if (n >= 4 && a[n - 4] == '\r' && a[n - 3] == '\n' && a[n - 2] == '\r' && a[n - 1] == '\n') {
                    return b.toString(StandardCharsets.ISO_8859_1);
                }
            }
            return null;
        }

        @Override
        public void close() throws IOException {
            socket.close();
            pool.shutdownNow();
        }
    }

    static Reply raw(String answer, boolean keep) {
        return (head, body, socket, out) -> {
            out.write(answer.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            return keep;
        };
    }

    static Reply ok(String body) {
        return raw("HTTP/1.1 200 OK\r\nContent-Type: text/xml\r\nContent-Length: " + body.length() + "\r\n\r\n" + body, true);
    }

    private SocketTransport transport(Duration maxIdle, long cap, SSLSocketFactory tls) {
        return transport(maxIdle, cap, tls, TIMEOUT);
    }

    private SocketTransport transport(Duration maxIdle, long cap, SSLSocketFactory tls, Duration requestTimeout) {
        return transport(maxIdle, cap, tls, requestTimeout, SocketTransport.MAX_IDLE);
    }

    private SocketTransport transport(Duration maxIdle, long cap, SSLSocketFactory tls, Duration requestTimeout, int idleCap) {
        this.cap = cap;
        this.timeout = requestTimeout;
        transport = new SocketTransport(Duration.ofSeconds(2), maxIdle, idleCap, tls);
        return transport;
    }

    private SocketTransport transport() {
        return transport(Duration.ofSeconds(30), 4096, null);
    }

    /** The I/O failure the call throws (fails the test if it throws nothing or something else). */
    private static IOException failure(ThrowingCallable call) {
        IOException f = catchThrowableOfType(IOException.class, call);
        assertThat(f).as("an IOException").isNotNull();
        return f;
    }

    /** Whether the failure or one of its causes is of the type: bbb-client reads the chain so. */
    private static boolean caused(Throwable t, Class<? extends Throwable> type) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (type.isInstance(c)) {
                return true;
            }
        }
        return false;
    }

    /** A request timeout, as bbb-client tells it apart: not a connect timeout. */
    private static void assertTimeout(IOException f) {
        assertThat(f).as(String.valueOf(f)).isInstanceOf(HttpTimeoutException.class).isNotInstanceOf(HttpConnectTimeoutException.class);
    }

    /** A broken exchange: none of the types bbb-client maps to timeout, refused or TLS. */
    private static void assertBroken(IOException f) {
        for (Class<? extends Throwable> t : List.of(HttpTimeoutException.class, ConnectException.class, SSLException.class)) {
            assertThat(caused(f, t)).as(f + " caused by " + t.getSimpleName()).isFalse();
        }
    }

    private TransportRequest.Builder request(String method, String url, boolean idempotent) {
        return TransportRequest.builder(method, URI.create(url), timeout, cap).header("User-Agent", "test-agent/1")
                .header("Accept", "application/xml, text/xml, application/json").idempotent(idempotent);
    }

    private TransportRequest get(String url, boolean idempotent) {
        return request("GET", url, idempotent).build();
    }

    private TransportRequest post(String url, byte[] body, boolean idempotent) {
        return request("POST", url, idempotent).header("Content-Type", "application/xml").body(body).build();
    }

    private static String body(TransportResponse r) {
        return new String(r.body(), StandardCharsets.UTF_8);
    }

    @AfterEach
    void stop() throws IOException {
        if (transport != null) {
            transport.close();
        }
        if (server != null) {
            server.close();
        }
    }

    @Test
    void send_whenContentLength_readsBodyAndReusesConnection() throws Exception {
        server = new Script(ok("<response>1</response>"), ok("<r>2</r>"));
        SocketTransport t = transport();
        TransportResponse first = t.send(get(server.url("/bigbluebutton/api/getMeetingInfo?meetingID=a%2Bb&checksum=00"), true));
        TransportResponse second = t.send(get(server.url("/bigbluebutton/api/getMeetingInfo?meetingID=c"), true));

        assertThat(first.status()).isEqualTo(200);
        assertThat(body(first)).isEqualTo("<response>1</response>");
        assertThat(first.headers().firstValue("content-type")).contains("text/xml");
        assertThat(body(second)).isEqualTo("<r>2</r>");
        assertThat(server.accepted.get()).as("one keep-alive connection for both calls").isEqualTo(1);
        assertThat(server.heads.get(0)).isEqualTo("GET /bigbluebutton/api/getMeetingInfo?meetingID=a%2Bb&checksum=00 HTTP/1.1\r\n"
                + "Host: 127.0.0.1:" + server.socket.getLocalPort() + "\r\nAccept: application/xml, text/xml, application/json\r\n"
                + "User-Agent: test-agent/1\r\n\r\n");
    }

    @Test
    void send_whenChunked_joinsChunksSkipsExtensionsAndTrailersAndReuses() throws Exception {
        server = new Script(raw("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n"
                + "5;ext=1\r\n<resp\r\n" + "c\r\nonse>x</resp\r\n" + "6\r\nonse>\n\r\n" + "0\r\nX-Trailer: t\r\n\r\n", true),
                ok("<again/>"));
        SocketTransport t = transport();
        TransportResponse r = t.send(get(server.url("/api/x"), true));
        TransportResponse again = t.send(get(server.url("/api/y"), true));

        assertThat(body(r)).isEqualTo("<response>x</response>\n");
        assertThat(body(again)).isEqualTo("<again/>");
        assertThat(server.accepted.get()).isEqualTo(1);
    }

    @Test
    void send_whenNoLength_readsUntilCloseAndDoesNotReuse() throws Exception {
        server = new Script(raw("HTTP/1.1 200 OK\r\nContent-Type: text/xml\r\n\r\n<until-close/>", false));
        SocketTransport t = transport();
        TransportResponse r = t.send(get(server.url("/a"), true));
        t.send(get(server.url("/b"), true));

        assertThat(body(r)).isEqualTo("<until-close/>");
        assertThat(server.accepted.get()).isEqualTo(2);
        assertThat(t.idleConnections()).isZero();
    }

    @Test
    void send_whenServerSaysConnectionClose_orIdleTimePassed_opensNewConnection() throws Exception {
        server = new Script(raw("HTTP/1.1 200 OK\r\nConnection: close\r\nContent-Length: 2\r\n\r\nok", true));
        SocketTransport t = transport();
        t.send(get(server.url("/a"), true));
        t.send(get(server.url("/b"), true));
        assertThat(server.accepted.get()).as("Connection: close honoured").isEqualTo(2);

        server.close();
        server = new Script(ok("ok"));
        t.close();
        SocketTransport noIdle = transport(Duration.ZERO, 4096, null);
        noIdle.send(get(server.url("/a"), true));
        noIdle.send(get(server.url("/b"), true));
        assertThat(server.accepted.get()).as("an idle connection past the idle time is not reused").isEqualTo(2);
    }

    @Test
    void send_whenInterimAnswersAndRedirect_returnsTheRedirectAsAnswer() throws Exception {
        server = new Script(raw("HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 302 Found\r\nLocation: https://elsewhere.example/x\r\n"
                + "Content-Length: 0\r\n\r\n", true));
        TransportResponse r = transport().send(get(server.url("/bigbluebutton/api/join?x=1"), false));

        assertThat(r.status()).isEqualTo(302);
        assertThat(r.headers().firstValue("location")).contains("https://elsewhere.example/x");
        assertThat(server.requestCount.get()).as("the redirect is not followed").isEqualTo(1);
    }

    @Test
    void send_whenPooledConnectionWasClosedByServer_retriesIdempotentGetOnly() throws Exception {
        // Each connection answers once and is then closed by the server without saying so.
        server = new Script(raw("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok", false));
        SocketTransport t = transport();
        t.send(get(server.url("/a"), true));
        awaitClosed(1);

        TransportResponse retried = t.send(get(server.url("/b"), true));
        assertThat(body(retried)).isEqualTo("ok");
        assertThat(server.accepted.get()).as("the idempotent GET went on a new connection").isEqualTo(2);
        awaitClosed(2);

        server.close();
        t.close();

        // The server reads the next request on a kept connection and closes it without answering: the
        // request may have been acted on, so a call that may not be repeated is not retried.
        server = new Script(ok("ok"), raw("", false), ok("ok"), raw("", false));
        SocketTransport u = transport();
        u.send(get(server.url("/join"), false));
        assertBroken(failure(() -> u.send(get(server.url("/join"), false))));
        assertThat(server.accepted.get()).as("a call that may not be repeated is not retried").isEqualTo(1);

        TransportRequest post = post(server.url("/create"), new byte[] {1}, true);
        u.send(post);
        assertBroken(failure(() -> u.send(post)));
        assertThat(server.accepted.get()).isEqualTo(2);
    }

    @Test
    void send_whenServerClosedTheIdleConnection_nonRetryableCallsGoOnANewConnection() throws Exception {
        // Like HAProxy or nginx with a short keep-alive timeout: a connection idle for 300 ms is closed.
        Reply answerThenIdle300ms = (head, body, socket, out) -> {
            socket.setSoTimeout(300);
            return ok("<ok/>").answer(head, body, socket, out);
        };
        server = new Script(answerThenIdle300ms);
        SocketTransport t = transport();
        TransportRequest create = post(server.url("/api/create"), new byte[] {1}, false);
        assertThat(t.send(get(server.url("/api/join?x=1"), false)).status()).isEqualTo(200);
        awaitClosed(1);
        assertThat(t.send(get(server.url("/api/join?x=2"), false)).status())
                .as("a join after the server closed the pooled connection").isEqualTo(200);
        awaitClosed(2);
        assertThat(t.send(create).status()).as("a create after the server closed the pooled connection").isEqualTo(200);
        assertThat(server.accepted.get()).isEqualTo(3);
    }

    private void awaitClosed(int count) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(NOT_STALLED_MS);
        while (server.closed.get() < count && System.nanoTime() < end) {
            Thread.sleep(5);
        }
        assertThat(server.closed.get()).isGreaterThanOrEqualTo(count);
    }

    @Test
    void send_whenServerIsSilentOrDrips_timesOutAtTheDeadline() throws Exception {
        Reply silent = (head, body, socket, out) -> {
            Thread.sleep(60_000);
            return false;
        };
        Reply drip = (head, body, socket, out) -> {
            out.write("HTTP/1.1 200 OK\r\nContent-Length: 4000\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
            for (int i = 0; i < 4000; i++) {
                out.write(' ');
                out.flush();
                Thread.sleep(50);
            }
            return false;
        };
        for (Reply reply : List.of(silent, drip)) {
            server = new Script(reply);
            SocketTransport t = transport();
            long start = System.nanoTime();
            IOException f = failure(() -> t.send(get(server.url("/a"), true)));
            long tookMs = (System.nanoTime() - start) / 1_000_000;
            assertTimeout(f);
            assertThat(tookMs).isGreaterThanOrEqualTo(TIMEOUT.toMillis() - 50).isLessThan(NOT_STALLED_MS);
            server.close();
            t.close();
        }
        server = null;
    }

    @Test
    void send_whenAnswerOverCap_failsTooLargeInEveryFramingAndClosesTheConnection() throws Exception {
        String big = "x".repeat(5000);
        List<Reply> oversize = List.of(ok(big),
                raw("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n1388\r\n" + big + "\r\n0\r\n\r\n", true),
                raw("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n800\r\n" + big.substring(0, 2048) + "\r\n800\r\n"
                        + big.substring(0, 2048) + "\r\n800\r\n" + big.substring(0, 2048) + "\r\n0\r\n\r\n", true),
                raw("HTTP/1.1 200 OK\r\n\r\n" + big, false));
        for (Reply reply : oversize) {
            server = new Script(reply);
            assertThat(failure(() -> transport().send(get(server.url("/a"), true))))
                    .isInstanceOfSatisfying(ResponseTooLargeException.class, e -> assertThat(e.maxResponseBytes()).isEqualTo(4096));
            assertThat(transport.idleConnections()).as("the rest of that answer is never read: no reuse").isZero();
            server.close();
            transport.close();
        }
        server = null;
    }

    /** Writes the head (and the start of a body), then says nothing more until the test ends. */
    private static Reply thenSilent(String start) {
        return (head, body, socket, out) -> {
            out.write(start.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            Thread.sleep(60_000);
            return false;
        };
    }

    /**
     * A body over the cap fails at once: an announced length over it before a byte of the body is
     * read (nothing held, no wait for bytes that would only be dropped), an arriving body as soon as
     * it passes the cap, also when the server then stalls.
     */
    @Test
    void send_whenBodyPassesTheCap_failsTooLargeAtOnce_evenIfTheServerThenStalls() throws Exception {
        List<String> starts = List.of("HTTP/1.1 200 OK\r\nContent-Length: 4097\r\n\r\n",
                "HTTP/1.1 200 OK\r\nContent-Length: 3000000000\r\n\r\n",
                "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n1001\r\n" + "x".repeat(4097),
                "HTTP/1.1 200 OK\r\n\r\n" + "x".repeat(4097));
        for (String start : starts) {
            server = new Script(thenSilent(start));
            SocketTransport t = transport(Duration.ofSeconds(30), 4096, null, Duration.ofSeconds(30));
            long began = System.nanoTime();
            IOException f = failure(() -> t.send(get(server.url("/a"), true)));
            assertThat(f).as(start).isInstanceOf(ResponseTooLargeException.class);
            assertThat((System.nanoTime() - began) / 1_000_000).as(start + ": not waiting for the deadline").isLessThan(NOT_STALLED_MS);
            assertThat(t.idleConnections()).isZero();
            server.close();
            t.close();
        }
        server = null;
    }

    @Test
    void send_whenAnswerIsNotHttpOrFramingIsBroken_failsIoAndClosesConnection() throws Exception {
        List<String> broken = List.of("SSH-2.0-OpenSSH\r\n\r\n",
                "HTTP/1.1 200 OK\r\nContent-Length: 5\r\nContent-Length: 6\r\n\r\nhello!",
                "HTTP/1.1 200 OK\r\nContent-Length: -1\r\n\r\n",
                "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\nhello\r\n0\r\n\r\n",
                "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n2\r\nhello\r\n0\r\n\r\n",
                "HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\nshort");
        for (String answer : broken) {
            server = new Script(raw(answer, false));
            assertBroken(failure(() -> transport().send(get(server.url("/a"), true))));
            assertThat(transport.idleConnections()).isZero();
            server.close();
            transport.close();
        }
        server = null;
    }

    @Test
    void send_whenContentLengthAnnouncesMuchButLittleArrives_allocatesOnlyWhatArrives() throws Exception {
        server = new Script(raw("HTTP/1.1 200 OK\r\nContent-Length: " + (16 * 1024 * 1024) + "\r\n\r\nonly this", false));
        SocketTransport t = transport(Duration.ofSeconds(30), 32 * 1024 * 1024, null);
        // HotSpot's per-thread allocation counter, by reflection: the module does not read jdk.management.
        Object mx = Class.forName("java.lang.management.ManagementFactory").getMethod("getThreadMXBean").invoke(null);
        java.lang.reflect.Method allocatedBytes = Class.forName("com.sun.management.ThreadMXBean")
                .getMethod("getCurrentThreadAllocatedBytes");
        long before = (long) allocatedBytes.invoke(mx);
        IOException f = failure(() -> t.send(get(server.url("/a"), true)));
        long allocated = (long) allocatedBytes.invoke(mx) - before;

        assertBroken(f);
        assertThat(allocated).as("bytes allocated by the call for 9 bytes of a 16 MiB announcement").isLessThan(4 * 1024 * 1024);
    }

    @Test
    void send_whenCapIsAboveTheLargestArray_announcedLengthOverItFailsTooLargeAtOnce() throws Exception {
        server = new Script(raw("HTTP/1.1 200 OK\r\nContent-Length: 3000000000\r\n\r\nx", false));
        SocketTransport t = transport(Duration.ofSeconds(30), Long.MAX_VALUE, null);
        assertThat(failure(() -> t.send(get(server.url("/a"), true)))).isInstanceOfSatisfying(ResponseTooLargeException.class,
                e -> assertThat(e.maxResponseBytes()).as("the largest array").isEqualTo(SocketTransport.MAX_BODY));
    }

    @Test
    void release_whenManyOrigins_keepsAtMostTheCapAndEvictsTheOldest() throws Exception {
        List<Script> origins = new java.util.ArrayList<>();
        try {
            SocketTransport t = transport(Duration.ofSeconds(30), 4096, null, TIMEOUT, 3);
            for (int i = 0; i < 6; i++) {
                Script s = new Script(ok("<ok/>"));
                origins.add(s);
                t.send(get(s.url("/a"), true));
                assertThat(t.idleConnections()).as("idle connections after %d origins", i + 1).isLessThanOrEqualTo(3);
            }
            assertThat(t.idleOrigins()).isEqualTo(3);
            t.send(get(origins.get(5).url("/b"), true));
            t.send(get(origins.get(0).url("/b"), true));
            assertThat(origins.get(5).accepted.get()).as("the newest idle connection is reused").isEqualTo(1);
            assertThat(origins.get(0).accepted.get()).as("the oldest was evicted").isEqualTo(2);
            assertThat(t.idleConnections()).isLessThanOrEqualTo(3);
        } finally {
            for (Script s : origins) {
                s.close();
            }
        }
    }

    @Test
    void release_sweepsExpiredConnectionsOfEveryOrigin() throws Exception {
        List<Script> origins = new java.util.ArrayList<>();
        try {
            SocketTransport t = transport(Duration.ZERO, 4096, null);
            for (int i = 0; i < 4; i++) {
                Script s = new Script(ok("<ok/>"));
                origins.add(s);
                t.send(get(s.url("/a"), true));
                assertThat(t.idleConnections()).as("only the connection just released").isLessThanOrEqualTo(1);
                assertThat(t.idleOrigins()).as("origins without idle connections are dropped").isLessThanOrEqualTo(1);
            }
        } finally {
            for (Script s : origins) {
                s.close();
            }
        }
    }

    /** An origin nobody calls any more (a backend removed by a reload) keeps no connection past the idle time. */
    @Test
    void idleConnections_expireWithoutAnyFurtherCall() throws Exception {
        server = new Script(ok("<ok/>"));
        SocketTransport t = transport(Duration.ofMillis(200), 4096, null);
        t.send(get(server.url("/a"), true));
        long deadline = System.nanoTime() + Duration.ofMillis(NOT_STALLED_MS).toNanos();
        while ((t.idleConnections() > 0 || server.closed.get() == 0) && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(t.idleConnections()).as("idle connections long after the idle time").isZero();
        assertThat(server.closed.get()).as("the server saw the connection closed").isEqualTo(1);
    }

    @Test
    void send_whenHeadBreaksTheGrammar_failsIo() throws Exception {
        List<String> broken = List.of("HTTP/1.1 200 OK\r\nX-A: a\rb\r\nContent-Length: 0\r\n\r\n",
                "HTTP/1.1 200 OK\r\nX-A: a\u0000b\r\nContent-Length: 0\r\n\r\n",
                "HTTP/1.1 200 OK\r\nX-A: a\u007fb\r\nContent-Length: 0\r\n\r\n",
                "HTTP/1.1 200 OK\r\nX A: b\r\nContent-Length: 0\r\n\r\n",
                "HTTP/1.1 200 OK\r\nX(A): b\r\nContent-Length: 0\r\n\r\n",
                "HTTP/1.1 200 OK\r\nX-\u00e4: b\r\nContent-Length: 0\r\n\r\n",
                "HTTP/1.2 200 OK\r\nContent-Length: 0\r\n\r\n",
                "HTTP/1.1 099 Odd\r\n\r\nHTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n",
                "HTTP/1.1 000 Odd\r\n\r\nHTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n");
        for (String answer : broken) {
            server = new Script(raw(answer, false));
            IOException f = failure(() -> transport().send(get(server.url("/a"), true)));
            assertThat(f).as(answer).isInstanceOf(ProtocolException.class);
            server.close();
            transport.close();
        }
        server = new Script(raw("HTTP/1.0 200 OK\r\nX-Tab: a\tb\r\nX!#$%&'*+.^_`|~9: c\r\nContent-Length: 2\r\n\r\nok", false));
        TransportResponse r = transport().send(get(server.url("/a"), true));
        assertThat(r.headers().firstValue("x-tab")).contains("a\tb");
        assertThat(r.headers().firstValue("X!#$%&'*+.^_`|~9")).contains("c");
    }

    @Test
    void send_whenNothingListens_failsConnectionRefused() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        IOException f = failure(() -> transport().send(get("http://127.0.0.1:" + port + "/a?checksum=c0ffee", true)));
        assertThat(caused(f, ConnectException.class)).as(String.valueOf(f)).isTrue();
        assertThat(String.valueOf(f.getMessage())).doesNotContain("c0ffee");
    }

    @Test
    void send_whenPostWithBody_sendsLengthTypeAndBytes() throws Exception {
        server = new Script(ok("<ok/>"));
        byte[] body = "<modules>ä</modules>".getBytes(StandardCharsets.UTF_8);
        transport().send(post(server.url("/api/create?meetingID=m&checksum=1"), body, false));

        assertThat(server.heads.get(0)).startsWith("POST /api/create?meetingID=m&checksum=1 HTTP/1.1\r\n")
                .contains("\r\nContent-Type: application/xml\r\n").contains("\r\nContent-Length: " + body.length + "\r\n");
        assertThat(server.bodies.get(0)).isEqualTo(body);
    }

    @Test
    void send_whenUrlHoldsNonAscii_percentEncodesUtf8LikeTheJdkClient() throws Exception {
        server = new Script(ok("<ok/>"));
        transport().send(get(server.url("/api/join?fullName=Jörg&x=%C3%A4"), false));

        assertThat(server.heads.get(0)).startsWith("GET /api/join?fullName=J%C3%B6rg&x=%C3%A4 HTTP/1.1\r\n");
    }

    @Test
    void send_whenJvmHasSocksProxy_connectsDirectlyLikeTheJdkClient() throws Exception {
        server = new Script(ok("<direct/>"));
        AtomicInteger proxied = new AtomicInteger();
        try (ServerSocket proxy = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            Thread t = new Thread(() -> {
                try {
                    while (true) {
                        Socket s = proxy.accept();
                        proxied.incrementAndGet();
                        s.close();
                    }
                } catch (IOException e) {
                    // closed by the test
                }
            });
            t.setDaemon(true);
            t.start();
            // The JVM's default selector never proxies loopback addresses: one that proxies everything stands in
            // for -DsocksProxyHost with a remote BBB server.
            java.net.ProxySelector before = java.net.ProxySelector.getDefault();
            java.net.Proxy socks = new java.net.Proxy(java.net.Proxy.Type.SOCKS, proxy.getLocalSocketAddress());
            java.net.ProxySelector.setDefault(new java.net.ProxySelector() {
                @Override
                public List<java.net.Proxy> select(java.net.URI uri) {
                    return List.of(socks);
                }

                @Override
                public void connectFailed(java.net.URI uri, java.net.SocketAddress sa, IOException ioe) {
                }
            });
            try {
                TransportResponse r = transport().send(get(server.url("/api/x"), true));
                assertThat(body(r)).isEqualTo("<direct/>");
            } finally {
                java.net.ProxySelector.setDefault(before);
            }
        }
        assertThat(proxied.get()).as("connections through the JVM's SOCKS proxy").isZero();
    }

    @Test
    void send_overTls_verifiesCertificateAndHostName(@TempDir Path dir) throws Exception {
        Path good = keyStore(dir, "good", "ip:127.0.0.1,dns:localhost");
        Path wrongHost = keyStore(dir, "wrong", "dns:other.example");
        for (Path store : List.of(good, wrongHost)) {
            SSLContext[] contexts = tlsContexts(store);
            SSLContext serverContext = contexts[0];
            SSLContext clientContext = contexts[1];
            SSLServerSocket tlsSocket = (SSLServerSocket) serverContext.getServerSocketFactory()
                    .createServerSocket(0, 50, InetAddress.getLoopbackAddress());
            server = new Script(tlsSocket, ok("<secure/>"));
            String url = "https://127.0.0.1:" + tlsSocket.getLocalPort() + "/api/x";

            // The first handshake of a JVM initialises its crypto: on a loaded machine that takes longer than TIMEOUT.
            SocketTransport trusting = transport(Duration.ofSeconds(30), 4096, clientContext.getSocketFactory(), Duration.ofSeconds(20));
            if (store == good) {
                TransportResponse r = trusting.send(get(url, true));
                trusting.send(get(url, true));
                assertThat(body(r)).isEqualTo("<secure/>");
                assertThat(server.accepted.get()).as("the TLS connection is reused").isEqualTo(1);
                trusting.close();
                IOException untrusted = failure(() -> transport(Duration.ofSeconds(30), 4096, null, Duration.ofSeconds(20))
                        .send(get(url, true)));
                assertThat(caused(untrusted, SSLException.class)).as("the JVM's trust store does not know the certificate: "
                        + untrusted).isTrue();
            } else {
                IOException mismatch = failure(() -> trusting.send(get(url, true)));
                assertThat(caused(mismatch, SSLException.class)).as("a trusted certificate for another host: " + mismatch).isTrue();
            }
            transport.close();
            server.close();
        }
        server = null;
    }

    /** A server context holding the store's key and a client context trusting its certificate. */
    private static SSLContext[] tlsContexts(Path store) throws Exception {
        char[] pass = "changeit".toCharArray();
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(store)) {
            ks.load(in, pass);
        }
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(ks, pass);
        SSLContext serverContext = SSLContext.getInstance("TLS");
        serverContext.init(kmf.getKeyManagers(), null, null);
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(ks);
        SSLContext clientContext = SSLContext.getInstance("TLS");
        clientContext.init(null, tmf.getTrustManagers(), null);
        return new SSLContext[] {serverContext, clientContext};
    }

    /**
     * Runs a call that must fail with a timeout: on another thread, so that a call that ignores its
     * deadline fails the test instead of hanging it. Returns the milliseconds the call took.
     */
    private static long timesOut(ThrowingCallable call) throws Exception {
        ExecutorService caller = Executors.newSingleThreadExecutor();
        try {
            long start = System.nanoTime();
            java.util.concurrent.Future<IOException> f = caller.submit(() -> failure(call));
            IOException failure;
            try {
                failure = f.get(NOT_STALLED_MS, TimeUnit.MILLISECONDS);
            } catch (java.util.concurrent.TimeoutException e) {
                throw new AssertionError("the call was still blocked " + NOT_STALLED_MS + " ms after it started", e);
            }
            assertTimeout(failure);
            return (System.nanoTime() - start) / 1_000_000;
        } finally {
            caller.shutdownNow();
        }
    }

    @Test
    void send_whenServerStopsReadingALargePost_timesOutAtTheDeadline() throws Exception {
        // The server accepts and never reads: the body fills both sides' socket buffers and the write blocks.
        ServerSocket never = new ServerSocket();
        never.setReceiveBufferSize(4096);
        never.bind(new java.net.InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        List<Socket> held = new CopyOnWriteArrayList<>();
        Thread acceptor = new Thread(() -> {
            try {
                while (true) {
                    held.add(never.accept());
                }
            } catch (IOException e) {
                // closed by the test
            }
        });
        acceptor.setDaemon(true);
        acceptor.start();
        try {
            SocketTransport t = transport();
            byte[] document = new byte[32 * 1024 * 1024];
            TransportRequest create = post("http://127.0.0.1:" + never.getLocalPort() + "/api/create", document, false);
            long took = timesOut(() -> t.send(create));
            assertThat(took).isGreaterThanOrEqualTo(TIMEOUT.toMillis() - 50);
        } finally {
            never.close();
            for (Socket s : held) {
                s.close();
            }
        }
    }

    /**
     * A TCP relay in front of a server: passes the client's bytes on at once, and the server's bytes
     * at once or, while {@link #drip} is set, one byte every 100 ms.
     */
    static final class DripRelay implements AutoCloseable {
        final ServerSocket socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        final java.util.concurrent.atomic.AtomicBoolean drip = new java.util.concurrent.atomic.AtomicBoolean();
        final List<Socket> sockets = new CopyOnWriteArrayList<>();
        final ExecutorService pool = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "drip-relay");
            t.setDaemon(true);
            return t;
        });

        DripRelay(int targetPort) throws IOException {
            pool.execute(() -> {
                while (!socket.isClosed()) {
                    try {
                        Socket client = socket.accept();
                        Socket target = new Socket(InetAddress.getLoopbackAddress(), targetPort);
                        sockets.add(client);
                        sockets.add(target);
                        pool.execute(() -> pump(client, target, false));
                        pool.execute(() -> pump(target, client, true));
                    } catch (IOException e) {
                        return;
                    }
                }
            });
        }

        private void pump(Socket from, Socket to, boolean mayDrip) {
            byte[] buf = new byte[16 * 1024];
            try {
                InputStream in = from.getInputStream();
                OutputStream out = to.getOutputStream();
                int n;
                while ((n = in.read(buf)) >= 0) {
                    for (int i = 0; i < n; i++) {
                        if (mayDrip && drip.get()) {
                            out.write(buf[i]);
                            out.flush();
                            Thread.sleep(100);
                        } else {
                            out.write(buf, i, n - i);
                            out.flush();
                            break;
                        }
                    }
                }
            } catch (IOException | InterruptedException e) {
                // one side went away
            } finally {
                try {
                    from.close();
                    to.close();
                } catch (IOException e) {
                    // closing only
                }
            }
        }

        @Override
        public void close() throws IOException {
            socket.close();
            for (Socket s : sockets) {
                s.close();
            }
            pool.shutdownNow();
        }
    }

    @Test
    void send_overTls_whenServerDripsTheHandshakeOrARecord_timesOutAtTheDeadline(@TempDir Path dir) throws Exception {
        SSLContext[] contexts = tlsContexts(keyStore(dir, "drip", "ip:127.0.0.1,dns:localhost"));
        SSLServerSocket tlsSocket = (SSLServerSocket) contexts[0].getServerSocketFactory()
                .createServerSocket(0, 50, InetAddress.getLoopbackAddress());
        String body = "x".repeat(2000);
        try (DripRelay relay = new DripRelay(tlsSocket.getLocalPort())) {
            server = new Script(tlsSocket, (head, b, socket, out) -> {
                if (!head.contains("/warm")) {
                    relay.drip.set(true); // the handshake is done: the server is reading requests
                }
                return ok(body).answer(head, b, socket, out);
            });
            String url = "https://127.0.0.1:" + relay.socket.getLocalPort();
            // Warm up the JVM's TLS (slow on a loaded machine) with a generous deadline.
            transport(Duration.ZERO, 4096, contexts[1].getSocketFactory(), Duration.ofSeconds(20)).send(get(url + "/warm", true));
            transport.close();

            Duration deadline = Duration.ofSeconds(2);
            SocketTransport t = transport(Duration.ZERO, 4096, contexts[1].getSocketFactory(), deadline);
            long took = timesOut(() -> t.send(get(url + "/record", true)));
            assertThat(took).as("a record dripped after the handshake").isGreaterThanOrEqualTo(deadline.toMillis() - 50);
            assertThat(relay.drip.get()).as("the request reached the server").isTrue();

            // Now every byte from the server drips, the handshake's included.
            took = timesOut(() -> t.send(get(url + "/handshake", true)));
            assertThat(took).as("a dripped handshake").isGreaterThanOrEqualTo(deadline.toMillis() - 50);
        }
    }

    @Test
    void client_withThisTransport_refusesAnAnswerOverItsCapAsTooLargeWithoutRetry() throws Exception {
        server = new Script(ok("<response>" + "x".repeat(5000) + "</response>"));
        try (BbbClient bbb = BbbClient.builder().baseUrl(server.url("/bigbluebutton/")).secret("s3cr3t-s3cr3t")
                .maxResponseBytes(1024).transport(transport()).build()) {
            assertThatThrownBy(() -> bbb.getMeetingInfo("m-1")).isInstanceOf(BbbResponseException.class)
                    .hasMessageContaining("1024");
        }
        assertThat(server.requestCount.get()).as("a too large answer is not asked for again").isEqualTo(1);
    }

    @Test
    void client_withThisTransport_refusesAnAnnouncedOverCapAnswerAtOnceWithoutReadingOrRetrying() throws Exception {
        server = new Script(thenSilent("HTTP/1.1 200 OK\r\nContent-Type: text/xml\r\nContent-Length: 5000\r\n\r\n"));
        try (BbbClient bbb = BbbClient.builder().baseUrl(server.url("/bigbluebutton/")).secret("s3cr3t-s3cr3t")
                .maxResponseBytes(1024).requestTimeout(Duration.ofSeconds(30)).maxRetries(2).transport(transport()).build()) {
            assertThatThrownBy(() -> bbb.getMeetingInfo("m-1")).as("too large, not a timeout after waiting for the body")
                    .isInstanceOf(BbbResponseException.class).hasMessageContaining("1024");
        }
        assertThat(server.requestCount.get()).as("a too large answer is not asked for again").isEqualTo(1);
    }

    @Test
    void client_withThisTransport_mapsASilentServerToATimeoutAndARefusalToATransportFailure() throws Exception {
        server = new Script((head, body, socket, out) -> {
            Thread.sleep(60_000);
            return false;
        });
        try (BbbClient bbb = BbbClient.builder().baseUrl(server.url("/bigbluebutton/")).secret("s3cr3t-s3cr3t")
                .requestTimeout(TIMEOUT).maxRetries(0).transport(transport()).build()) {
            BbbTransportException e = catchThrowableOfType(BbbTransportException.class, () -> bbb.getMeetingInfo("m-1"));
            assertThat(e).isNotNull();
            assertThat(e.isTimeout()).as(String.valueOf(e)).isTrue();
        }
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        try (BbbClient bbb = BbbClient.builder().baseUrl("http://127.0.0.1:" + port + "/bigbluebutton/").secret("s3cr3t-s3cr3t")
                .maxRetries(0).transport(transport()).build()) {
            assertThatThrownBy(() -> bbb.getMeetingInfo("m-1")).isInstanceOf(BbbTransportException.class)
                    .hasMessageContaining("127.0.0.1").hasMessageContaining("refused").hasMessageNotContaining("checksum");
        }
    }

    /** A PKCS#12 key store with a self-signed certificate for the given subject alternative names, made by keytool. */
    private static Path keyStore(Path dir, String name, String san) throws Exception {
        Path store = dir.resolve(name + ".p12");
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(), "-genkeypair",
                "-alias", name, "-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=" + name, "-ext", "san=" + san,
                "-validity", "2", "-storetype", "PKCS12", "-keystore", store.toString(), "-storepass", "changeit")
                .redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(output).isZero();
        return store;
    }
}
