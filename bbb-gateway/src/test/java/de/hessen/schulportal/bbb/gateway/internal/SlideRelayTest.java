// SPDX-License-Identifier: Apache-2.0
package de.hessen.schulportal.bbb.gateway.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import de.hessen.schulportal.bbb.gateway.config.GatewayLimits;
import de.hessen.schulportal.bbb.gateway.config.KeyRing;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The slide route: the token is opened first, and only bounded, same-host, presentation downloads are streamed on. */
class SlideRelayTest {
    static final byte[] PDF = "%PDF-1.4\n%%EOF\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    static final int MAX = 1000;

    HttpServer moodle;
    ExecutorService serverThreads = Executors.newCachedThreadPool();
    CountDownLatch release = new CountDownLatch(1);
    AtomicInteger hits = new AtomicInteger();
    /** Counted down when the source's write fails: the relay closed its connection to Moodle. */
    CountDownLatch upstreamClosed = new CountDownLatch(1);
    Sealer sealer = new Sealer(t -> t.equals("moodle") ? KeyRing.single(SealerTest.KEY) : null);
    HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(10)).build();
    static final Instant NOW = Instant.parse("2026-12-07T08:00:00Z");
    /** The relay's clock: the tokens' expiry is checked against it, never against the wall clock. */
    Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    SlideRelay relay = relay(2, Duration.ofSeconds(30));

    SlideRelay relay(int permits, Duration totalTime) {
        // The test's Moodle is on 127.0.0.1: loopback allowed explicitly, as only tests do.
        return relay(permits, totalTime, new FetchTargets(true, false));
    }

    SlideRelay relay(int permits, Duration totalTime, FetchTargets targets) {
        return new SlideRelay(sealer, http, new Metrics(), new Permits(GatewayLimits.builder().build(), permits), MAX, totalTime,
                Clock.offset(clock, Duration.ZERO), targets);
    }

    @BeforeEach
    void start() throws IOException {
        moodle = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        moodle.createContext("/", exchange -> {
            hits.incrementAndGet();
            String path = exchange.getRequestURI().getPath();
            int port = moodle.getAddress().getPort();
            try (exchange) {
                switch (path) {
                    case "/ok.pdf":
                        send(exchange, "application/pdf; charset=binary", PDF, PDF.length);
                        break;
                    case "/same":
                        redirect(exchange, "/ok.pdf");
                        break;
                    case "/other":
                        redirect(exchange, "http://localhost:" + port + "/ok.pdf");
                        break;
                    case "/twice":
                        redirect(exchange, "/same");
                        break;
                    case "/page.html":
                        send(exchange, "text/html", PDF, PDF.length);
                        break;
                    case "/declared-big.pdf":
                        send(exchange, "application/pdf", new byte[MAX + 1], MAX + 1);
                        break;
                    case "/chunked-big.pdf":
                        send(exchange, "application/pdf", new byte[MAX * 3], 0);
                        break;
                    case "/slow.pdf":
                        // Headers and a first chunk, then nothing until the test ends.
                        exchange.getResponseHeaders().add("Content-Type", "application/pdf");
                        exchange.sendResponseHeaders(200, 0);
                        exchange.getResponseBody().write(PDF);
                        exchange.getResponseBody().flush();
                        try {
                            release.await(60, TimeUnit.SECONDS);
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                        break;
                    case "/stall-then-drip.pdf":
                        // A first chunk, then, once released, a small chunk at a time until the relay's side closes.
                        exchange.getResponseHeaders().add("Content-Type", "application/pdf");
                        exchange.sendResponseHeaders(200, 0);
                        exchange.getResponseBody().write(PDF);
                        exchange.getResponseBody().flush();
                        try {
                            release.await(60, TimeUnit.SECONDS);
                            for (int i = 0; i < 3000; i++) {
                                exchange.getResponseBody().write(new byte[1]);
                                exchange.getResponseBody().flush();
                                Thread.sleep(10);
                            }
                        } catch (IOException e) {
                            upstreamClosed.countDown();
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                        break;
                    default:
                        exchange.sendResponseHeaders(404, -1);
                }
            }
        });
        moodle.setExecutor(serverThreads);
        moodle.start();
    }

    static void send(com.sun.net.httpserver.HttpExchange e, String type, byte[] body, long length) {
        try {
            e.getResponseHeaders().add("Content-Type", type);
            e.sendResponseHeaders(200, length);
            e.getResponseBody().write(body);
        } catch (IOException ex) {
            // The relay may cancel an oversize download; the server side then sees a reset.
            if (length != 0 && length <= MAX) {
                throw new UncheckedIOException(ex);
            }
        }
    }

    static void redirect(com.sun.net.httpserver.HttpExchange e, String location) throws IOException {
        e.getResponseHeaders().add("Location", location);
        e.sendResponseHeaders(302, -1);
    }

    @AfterEach
    void stop() {
        release.countDown();
        moodle.stop(0);
        serverThreads.shutdownNow();
    }

    static byte[] body(Answer a) throws IOException {
        assertThat(a.writer()).as("a streamed answer").isNotNull();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        a.writer().writeTo(out);
        return out.toByteArray();
    }

    String token(String path) {
        return token(path, NOW.plus(SlideRelay.VALIDITY));
    }

    String token(String path, Instant expires) {
        return sealer.pathToken(Sealer.Purpose.SLIDE, "moodle",
                SlideRelay.sealedValue("http://127.0.0.1:" + moodle.getAddress().getPort() + path, expires));
    }

    @Test
    void expiredToken_orOneWithoutExpiry_gets404LikeAForgedOne_withoutAnyDownload() throws IOException {
        String valid = token("/ok.pdf", NOW.plusSeconds(1));
        assertThat(body(relay.fetch(valid))).isEqualTo(PDF);
        int before = hits.get();
        assertThat(relay(2, Duration.ofSeconds(30)).fetch(token("/ok.pdf", NOW)).status()).as("expires now").isEqualTo(404);
        clock = Clock.fixed(NOW.plus(SlideRelay.VALIDITY), ZoneOffset.UTC);
        SlideRelay later = relay(2, Duration.ofSeconds(30));
        Answer expired = later.fetch(token("/ok.pdf"));
        assertThat(expired.status()).isEqualTo(404);
        assertThat(expired.body()).isEqualTo(relay.fetch("moodle.AAAA").body());
        String noExpiry = sealer.pathToken(Sealer.Purpose.SLIDE, "moodle", "http://127.0.0.1:" + moodle.getAddress().getPort() + "/ok.pdf");
        assertThat(later.fetch(noExpiry).status()).as("a token sealed without an expiry").isEqualTo(404);
        assertThat(hits.get()).as("nothing fetched for a refused token").isEqualTo(before);
    }

    @Test
    void slowReader_isCutAtTheTotalTime_andItsPermitReturns() throws Exception {
        // One permit; the reader never takes the bytes (its write blocks as a slow BigBlueButton's would).
        // 10 s: the deadline also covers fetching the source's headers, so it must leave a busy machine
        // ample time for them (a shorter one turned this 200 into a 502 under load); still far below the bound.
        SlideRelay one = relay(1, Duration.ofSeconds(10));
        Answer a = one.fetch(token("/ok.pdf"));
        assertThat(a.status()).isEqualTo(200);
        CountDownLatch never = new CountDownLatch(1);
        OutputStream stuck = new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                write(new byte[] {(byte) b}, 0, 1);
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                try {
                    never.await();
                } catch (InterruptedException e) {
                    throw new InterruptedIOException("interrupted");
                }
            }
        };
        ExecutorService writer = Executors.newSingleThreadExecutor();
        try {
            Future<Boolean> written = writer.submit(() -> {
                try {
                    a.writer().writeTo(stuck);
                    return true;
                } catch (IOException e) {
                    assertThat(e).hasMessageContaining("too long");
                    // The writing thread goes back clean: the cut's interrupt is not left on it.
                    return Thread.currentThread().isInterrupted();
                }
            });
            // "Not stalled" bound, far above the 10 s deadline; without the cut the write blocks forever.
            assertThat(written.get(60, TimeUnit.SECONDS)).as("cut, with the thread's interrupt cleared").isFalse();
            assertThat(one.fetch(token("/ok.pdf")).status()).as("the permit came back").isEqualTo(200);
        } finally {
            never.countDown();
            writer.shutdownNow();
        }
    }

    @Test
    void sealedUrl_isStreamedOn_andEachStreamReturnsItsPermit() throws IOException {
        for (int i = 0; i < 3; i++) {
            Answer a = relay.fetch(token("/ok.pdf"));
            assertThat(a.status()).as("fetch %d of 3 with 2 permits", i).isEqualTo(200);
            assertThat(a.contentType()).isEqualTo("application/pdf");
            assertThat(Arrays.equals(body(a), PDF)).isTrue();
        }
    }

    @Test
    void permits_boundConcurrentStreams() {
        Answer first = relay.fetch(token("/ok.pdf"));
        Answer second = relay.fetch(token("/ok.pdf"));
        assertThat(relay.fetch(token("/ok.pdf")).status()).as("third while two are open").isEqualTo(503);
        assertThat(first.status()).isEqualTo(200);
        assertThat(second.status()).isEqualTo(200);
    }

    @Test
    void stalledSource_isCutAtTheTotalTime() {
        // 5 s: long enough that a busy machine still gets the headers in time, far below the source's stall.
        SlideRelay quick = relay(2, Duration.ofSeconds(5));
        Answer a = quick.fetch(token("/slow.pdf"));
        assertThat(a.status()).isEqualTo(200);
        assertThatThrownBy(() -> body(a)).isInstanceOf(IOException.class).hasMessageContaining("too long");
    }

    @Test
    void internalSources_areRefusedByDefault_withoutAnyDownload() throws IOException {
        SlideRelay production = relay(2, Duration.ofSeconds(30), new FetchTargets(false, false));
        int port = moodle.getAddress().getPort();
        for (String url : new String[] {"http://127.0.0.1:" + port + "/ok.pdf", "http://localhost:" + port + "/ok.pdf",
            "http://[::1]:" + port + "/ok.pdf", "http://0.0.0.0:" + port + "/ok.pdf", "http://169.254.169.254/latest/meta-data/"}) {
            Answer a = production.fetch(sealer.pathToken(Sealer.Purpose.SLIDE, "moodle", SlideRelay.sealedValue(url, NOW.plus(SlideRelay.VALIDITY))));
            assertThat(a.status()).as(url).isEqualTo(502);
            assertThat(a.writer()).as(url).isNull();
            assertThat(a.body()).as(url).contains("not allowed");
        }
        assertThat(hits.get()).as("nothing fetched from an internal address").isZero();
        assertThat(body(relay.fetch(token("/ok.pdf")))).as("allowed where the option says so").isEqualTo(PDF);
    }

    @Test
    void aRelayInterruptedWhileWaitingForTheSource_closesItsConnectionToMoodle() throws Exception {
        Answer a = relay.fetch(token("/stall-then-drip.pdf"));
        assertThat(a.status()).isEqualTo(200);
        CountDownLatch firstChunk = new CountDownLatch(1);
        OutputStream out = new OutputStream() {
            @Override
            public void write(int b) {
                firstChunk.countDown();
            }

            @Override
            public void write(byte[] b, int off, int len) {
                firstChunk.countDown();
            }
        };
        ExecutorService writer = Executors.newSingleThreadExecutor();
        try {
            Future<?> written = writer.submit(() -> {
                a.writer().writeTo(out);
                return null;
            });
            assertThat(firstChunk.await(60, TimeUnit.SECONDS)).isTrue();
            // The writing thread now waits for the next chunk, which the source holds back; stop it (as Jetty's stop does).
            writer.shutdownNow();
            assertThatThrownBy(() -> written.get(60, TimeUnit.SECONDS)).hasCauseInstanceOf(IOException.class);
            release.countDown();
            // "Not stalled" bound: the source's next writes fail once the relay closed the connection; left open, they never do.
            assertThat(upstreamClosed.await(30, TimeUnit.SECONDS)).as("the connection to Moodle was closed").isTrue();
        } finally {
            writer.shutdownNow();
        }
    }

    @Test
    void finishedRelays_leaveNoDeadlineTimerBehind() throws IOException {
        int before = SlideRelay.pendingDeadlines();
        for (int i = 0; i < 5; i++) {
            assertThat(body(relay.fetch(token("/ok.pdf")))).isEqualTo(PDF);
        }
        // The relays' 30 s deadlines are cancelled when they end (they would otherwise each fire, on a thread, 30 s later).
        assertThat(SlideRelay.pendingDeadlines()).isEqualTo(before);
    }

    @Test
    void forgedOrForeignTokens_get404_withoutAnyDownload() {
        String good = token("/ok.pdf");
        assertThat(relay.fetch("moodle.AAAA").status()).isEqualTo(404);
        assertThat(relay.fetch(good.substring(0, good.length() - 2) + "AA").status()).isEqualTo(404);
        assertThat(relay.fetch("other" + good.substring(6)).status()).isEqualTo(404);
        String callback = sealer.pathToken(Sealer.Purpose.RECORDING_READY, "moodle", "http://127.0.0.1:" + moodle.getAddress().getPort() + "/ok.pdf");
        assertThat(relay.fetch(callback).status()).as("a token of another purpose").isEqualTo(404);
        assertThat(hits.get()).isZero();
    }

    @Test
    void oneRedirectOnTheSameHost_isFollowed_othersRefused() throws IOException {
        assertThat(body(relay.fetch(token("/same")))).isEqualTo(PDF);
        Answer other = relay.fetch(token("/other"));
        assertThat(other.status()).isEqualTo(502);
        assertThat(other.body()).contains("another host");
        Answer twice = relay.fetch(token("/twice"));
        assertThat(twice.status()).isEqualTo(502);
        assertThat(twice.body()).contains("more than one redirect");
    }

    @Test
    void wrongTypeOrTooLarge_isRefused() {
        assertThat(relay.fetch(token("/page.html")).body()).contains("content type");
        assertThat(relay.fetch(token("/declared-big.pdf")).body()).contains("too large");
        Answer chunked = relay.fetch(token("/chunked-big.pdf"));
        assertThatThrownBy(() -> body(chunked)).isInstanceOf(IOException.class).hasMessageContaining("larger than the limit");
        assertThat(relay.fetch(token("/missing.pdf")).status()).isEqualTo(502);
    }
}
