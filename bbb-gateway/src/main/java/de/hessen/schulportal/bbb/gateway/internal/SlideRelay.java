// SPDX-License-Identifier: Apache-2.0
package de.hessen.schulportal.bbb.gateway.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Serves the presentations of create's {@code <modules>} body to the backend. {@link Modules}
 * replaced each client URL (Moodle's {@code pluginfile.php} with a file token) by
 * {@code <public>/gateway/slides/<tenant>.<token>}; when BigBlueButton fetches that, the gateway
 * opens the token first (a forged or damaged one costs one AES-GCM check and gets 404, before any
 * other work), then fetches exactly the URL it sealed and streams the body on as it arrives (one
 * chunk held at a time).
 *
 * <p>Bounds: at most as many downloads at once as the slide {@link Permits} allow (more get 503 and
 * {@code Retry-After}), at most {@code maxBytes} per file (declared or counted), a total time limit
 * for the whole relay (the source's headers and body and the writing to BigBlueButton: a reader too
 * slow to take the file in time has its blocked write interrupted at the deadline, so it cannot hold
 * a permit or a thread longer), only the content types a presentation has (PDF, office documents,
 * images), no redirect to another host and at most one on the same one, and no source on an
 * internal address ({@link FetchTargets}: loopback, link-local, ... refused). A download refused before
 * its body answers 502, so BigBlueButton shows its usual conversion error; one that breaks a bound
 * while streaming is aborted (the connection is cut, so BigBlueButton never takes a truncated file
 * for a whole one).
 *
 * <p><b>Tokens expire.</b> The sealed value is {@code <expiry, epoch seconds> <client URL>}
 * ({@link #sealedValue}), made {@value #VALIDITY_HOURS} hours valid at create: bbb-web downloads a
 * meeting's presentations right after create, so a slide link found later (in BigBlueButton's logs
 * or a copied meeting record) no longer fetches Moodle's file. An expired token, or one without an
 * expiry, gets the same 404 as a forged one.
 *
 * <p>Thread-safe.
 */
public final class SlideRelay {
    /** The content types passed on (parameters such as {@code charset} ignored). */
    static final Set<String> CONTENT_TYPES = Set.of(
            "application/pdf",
            "application/msword",
            "application/vnd.ms-powerpoint",
            "application/vnd.ms-excel",
            "application/rtf",
            "text/plain",
            "image/png",
            "image/jpeg",
            "image/gif",
            "image/webp");
    /** Content-type prefixes passed on: the OOXML and OpenDocument families. */
    static final List<String> CONTENT_TYPE_PREFIXES = List.of(
            "application/vnd.openxmlformats-officedocument.",
            "application/vnd.oasis.opendocument.");

    /** How long a slide token fetches, from the create that made it. */
    public static final int VALIDITY_HOURS = 6;
    /** {@value #VALIDITY_HOURS} hours. */
    public static final Duration VALIDITY = Duration.ofHours(VALIDITY_HOURS);

    /**
     * The one timer of every relay's {@link WriteDeadline}: a single daemon thread, a cancelled deadline
     * removed from its queue at once, so finished relays cost neither a thread nor a queue entry.
     */
    private static final ScheduledThreadPoolExecutor TIMER = timer();

    private static ScheduledThreadPoolExecutor timer() {
        ScheduledThreadPoolExecutor t = new ScheduledThreadPoolExecutor(1, r -> {
            Thread thread = new Thread(r, "bbb-gateway-slide-deadline");
            thread.setDaemon(true);
            return thread;
        });
        t.setRemoveOnCancelPolicy(true);
        return t;
    }

    /** Deadlines not yet cancelled or fired (for tests: a finished relay leaves none). */
    static int pendingDeadlines() {
        return TIMER.getQueue().size();
    }

    private final Sealer sealer;
    private final HttpClient http;
    private final Metrics metrics;
    private final Semaphore permits;
    private final long maxBytes;
    private final Duration totalTime;
    private final Clock clock;
    private final FetchTargets targets;

    /**
     * A relay.
     *
     * @param sealer opens the slide tokens
     * @param http the client for downloads; it must not follow redirects (this class follows at most one, checked)
     * @param metrics the metrics ({@code bbb_gateway_callbacks_total{kind="slide"}})
     * @param permits downloads at once (shared across reloads: {@link Permits})
     * @param maxBytes the largest file, in bytes
     * @param totalTime the longest one relay may take: the source's headers and body and the writing on
     * @param clock the clock the tokens' expiry is checked against
     * @param targets the addresses a download may connect to (checked on every hop, right before it connects)
     */
    public SlideRelay(Sealer sealer, HttpClient http, Metrics metrics, Permits permits, long maxBytes, Duration totalTime, Clock clock,
            FetchTargets targets) {
        this.sealer = Objects.requireNonNull(sealer, "sealer");
        this.http = Objects.requireNonNull(http, "http");
        this.metrics = Objects.requireNonNull(metrics, "metrics");
        this.permits = permits.slides;
        this.maxBytes = maxBytes;
        this.totalTime = Objects.requireNonNull(totalTime, "totalTime");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.targets = Objects.requireNonNull(targets, "targets");
    }

    /**
     * What a slide token seals: the expiry and the client's URL.
     *
     * @param clientUrl the client's URL
     * @param expires when the token stops fetching
     * @return the value to seal
     */
    public static String sealedValue(String clientUrl, Instant expires) {
        return Long.toString(expires.getEpochSecond()) + ' ' + clientUrl;
    }

    /** The client's URL of an opened token that has not expired, or empty. */
    private Optional<String> unexpired(String sealed) {
        int space = sealed.indexOf(' ');
        if (space <= 0 || space > 19) {
            return Optional.empty();
        }
        long expires;
        try {
            expires = Long.parseLong(sealed.substring(0, space));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
        return clock.instant().getEpochSecond() < expires ? Optional.of(sealed.substring(space + 1)) : Optional.empty();
    }

    /**
     * Answers the backend's GET of a slide URL.
     *
     * @param token the path token after {@code /gateway/slides/}
     * @return the file (200 with its content type, streamed; the permit is held until the stream
     *     ends), 404 for a token the gateway did not make, 503 when too many downloads run, 502 when
     *     the client's file is refused or unreachable
     */
    public Answer fetch(String token) {
        Optional<String> url = sealer.openPathToken(Sealer.Purpose.SLIDE, token).flatMap(o -> unexpired(o.value()));
        if (url.isEmpty()) {
            return outcome(Answer.plain(404, "text/plain;charset=utf-8", "unknown slide link\n", "dropped_forged"));
        }
        if (!permits.tryAcquire()) {
            return outcome(Answer.plain(503, "text/plain;charset=utf-8", "too many slide downloads at once\n", "overload"));
        }
        long deadline = System.nanoTime() + totalTime.toNanos();
        Answer a;
        try {
            a = download(URI.create(url.get()), deadline);
        } catch (RuntimeException e) {
            permits.release();
            throw e;
        }
        if (a.writer() == null) {
            permits.release();
            return outcome(a);
        }
        // The handler always writes the answer it gets, so the permit is released when the stream ends.
        Answer.BodyWriter body = a.writer();
        return Answer.stream(a.status(), a.contentType(), out -> {
            try {
                body.writeTo(out);
            } finally {
                permits.release();
            }
        }, a.outcome());
    }

    private Answer outcome(Answer a) {
        metrics.callback("slide", a.outcome());
        return a;
    }

    private Answer download(URI sealed, long deadline) {
        URI target = sealed;
        for (int hop = 0; ; hop++) {
            Optional<String> refusal = targets.refusal(target);
            if (refusal.isPresent()) {
                return refused("slide source not allowed: " + refusal.get());
            }
            HttpResponse<Body> r;
            try {
                r = get(target, deadline);
            } catch (TimeoutException e) {
                return failed("slide source did not answer in time");
            } catch (Exception e) {
                return failed("slide source unreachable");
            }
            int status = r.statusCode();
            if (status / 100 == 3) {
                r.body().discard();
                if (hop > 0) {
                    return refused("more than one redirect");
                }
                Optional<String> location = r.headers().firstValue("Location");
                if (location.isEmpty()) {
                    return refused("redirect without a location");
                }
                URI next;
                try {
                    next = target.resolve(location.get().strip());
                } catch (IllegalArgumentException e) {
                    return refused("redirect to an invalid location");
                }
                if (!sameOrigin(sealed, next)) {
                    return refused("redirect to another host");
                }
                target = next;
                continue;
            }
            if (status != 200) {
                r.body().discard();
                return refused("slide source answered " + status);
            }
            String type = contentType(r.headers());
            if (!allowed(type)) {
                r.body().discard();
                return refused("content type not allowed for a presentation");
            }
            if (r.headers().firstValueAsLong("Content-Length").orElse(-1) > maxBytes) {
                r.body().discard();
                return refused("slide too large");
            }
            Body body = r.body();
            return Answer.stream(200, type, out -> {
                try (WriteDeadline cut = new WriteDeadline(deadline)) {
                    body.copyTo(out, maxBytes, deadline, cut);
                    metrics.callback("slide", "delivered");
                } catch (IOException | RuntimeException e) {
                    metrics.callback("slide", "failed");
                    throw e;
                }
            }, "streamed");
        }
    }

    static boolean sameOrigin(URI a, URI b) {
        return a.getScheme() != null && a.getScheme().equalsIgnoreCase(b.getScheme())
                && a.getHost() != null && a.getHost().equalsIgnoreCase(b.getHost()) && port(a) == port(b);
    }

    private static int port(URI u) {
        return u.getPort() >= 0 ? u.getPort() : "https".equalsIgnoreCase(u.getScheme()) ? 443 : 80;
    }

    private static String contentType(HttpHeaders h) {
        String raw = h.firstValue("Content-Type").orElse("");
        int semi = raw.indexOf(';');
        return (semi < 0 ? raw : raw.substring(0, semi)).strip().toLowerCase(Locale.ROOT);
    }

    static boolean allowed(String type) {
        return CONTENT_TYPES.contains(type) || CONTENT_TYPE_PREFIXES.stream().anyMatch(type::startsWith);
    }

    private static Answer refused(String why) {
        return Answer.plain(502, "text/plain;charset=utf-8", why + '\n', "refused");
    }

    private static Answer failed(String why) {
        return Answer.plain(502, "text/plain;charset=utf-8", why + '\n', "failed");
    }

    /** The response headers, within the deadline; the body is not read yet. */
    private HttpResponse<Body> get(URI uri, long deadline) throws Exception {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
            throw new TimeoutException();
        }
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(Duration.ofNanos(left)).GET().build();
        CompletableFuture<HttpResponse<Body>> f = http.sendAsync(request, info -> new Body());
        try {
            return f.get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            f.cancel(true);
            throw e;
        } catch (InterruptedException e) {
            f.cancel(true);
            Thread.currentThread().interrupt();
            throw e;
        }
    }

    /**
     * Interrupts the thread that writes a slide on if its write is still blocked at the relay's deadline
     * (Jetty's blocking writes give up on an interrupt), and only while it writes: closing it first
     * makes a late timer do nothing, and an interrupt that came just before the close is cleared, so
     * the handler's thread goes back to its pool clean.
     */
    private static final class WriteDeadline implements AutoCloseable {
        private final ScheduledFuture<?> timer;
        private Thread writer = Thread.currentThread();
        private boolean expired;

        WriteDeadline(long deadline) {
            timer = TIMER.schedule(this::expire, Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        }

        private synchronized void expire() {
            expired = true;
            if (writer != null) {
                writer.interrupt();
            }
        }

        synchronized boolean expired() {
            return expired;
        }

        @Override
        public synchronized void close() {
            // A relay that ended before its deadline leaves no timer behind (removed from the queue at once).
            timer.cancel(false);
            writer = null;
            if (expired) {
                Thread.interrupted();
            }
        }
    }

    /**
     * A response body handed on chunk by chunk: one chunk requested at a time, so at most one is
     * held; the reader waits for each at most until the download's deadline.
     */
    private static final class Body implements HttpResponse.BodySubscriber<Body> {
        private static final Object END = new Object();
        private final BlockingQueue<Object> chunks = new LinkedBlockingQueue<>();
        private volatile Flow.Subscription subscription;

        @Override
        public CompletionStage<Body> getBody() {
            return CompletableFuture.completedFuture(this);
        }

        @Override
        public void onSubscribe(Flow.Subscription s) {
            subscription = s;
            s.request(1);
        }

        @Override
        public void onNext(List<ByteBuffer> items) {
            chunks.add(items);
        }

        @Override
        public void onError(Throwable t) {
            chunks.add(t);
        }

        @Override
        public void onComplete() {
            chunks.add(END);
        }

        void discard() {
            Flow.Subscription s = subscription;
            if (s != null) {
                s.cancel();
            }
        }

        /** Copies the body; past {@code max} bytes or the deadline (reading or writing) it stops the download and throws. */
        void copyTo(OutputStream out, long max, long deadline, WriteDeadline cut) throws IOException {
            long copied = 0;
            byte[] buffer = new byte[16 * 1024];
            try {
                while (true) {
                    Object item = chunks.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                    if (item == null) {
                        throw new IOException("slide download took too long");
                    }
                    if (item == END) {
                        return;
                    }
                    if (item instanceof Throwable) {
                        throw new IOException("slide source failed", (Throwable) item);
                    }
                    @SuppressWarnings("unchecked")
                    List<ByteBuffer> list = (List<ByteBuffer>) item;
                    for (ByteBuffer b : list) {
                        copied += b.remaining();
                        if (copied > max) {
                            throw new IOException("slide larger than the limit");
                        }
                        while (b.hasRemaining()) {
                            int n = Math.min(buffer.length, b.remaining());
                            b.get(buffer, 0, n);
                            if (deadline - System.nanoTime() <= 0) {
                                throw new IOException("slide relay took too long");
                            }
                            try {
                                out.write(buffer, 0, n);
                            } catch (IOException e) {
                                throw cut.expired() ? new IOException("slide relay took too long: the reader is too slow", e) : e;
                            }
                        }
                    }
                    subscription.request(1);
                }
            } catch (InterruptedException e) {
                // Interrupted while waiting for a chunk (the deadline's cut, or the server stopping): the
                // download stops here too, so Moodle's connection is not left open.
                discard();
                Thread.currentThread().interrupt();
                throw new IOException(cut.expired() ? "slide relay took too long" : "interrupted", e);
            } catch (IOException | RuntimeException e) {
                discard();
                throw e;
            }
        }
    }
}
