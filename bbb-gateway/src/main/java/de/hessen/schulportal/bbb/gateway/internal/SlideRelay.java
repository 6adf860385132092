// SPDX-License-Identifier: Apache-2.0
package de.hessen.schulportal.bbb.gateway.internal;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Serves the presentations of create's {@code <modules>} body to the backend. {@link Modules}
 * replaced each client URL (Moodle's {@code pluginfile.php} with a file token) by
 * {@code <public>/gateway/slides/<tenant>.<token>}; when BigBlueButton fetches that, the gateway
 * opens the token first (a forged or damaged one costs one AES-GCM check and gets 404, before any
 * other work), then downloads exactly the URL it sealed and hands the bytes on.
 *
 * <p>Bounds: at most {@code maxConcurrent} downloads at once (more get 503 and
 * {@code Retry-After}), at most {@code maxBytes} per file (declared or counted), a total time limit
 * per download, only the content types a presentation has (PDF, office documents, images), no
 * redirect to another host and at most one on the same one. A refused or failed download answers
 * 502, so BigBlueButton shows its usual conversion error.
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

    private final Sealer sealer;
    private final HttpClient http;
    private final Metrics metrics;
    private final Semaphore permits;
    private final long maxBytes;
    private final Duration totalTime;

    /**
     * A relay.
     *
     * @param sealer opens the slide tokens
     * @param http the client for downloads; it must not follow redirects (this class follows at most one, checked)
     * @param metrics the metrics ({@code bbb_gateway_callbacks_total{kind="slide"}})
     * @param maxConcurrent downloads at once
     * @param maxBytes the largest file, in bytes
     * @param totalTime the longest one download may take, headers and body
     */
    public SlideRelay(Sealer sealer, HttpClient http, Metrics metrics, int maxConcurrent, long maxBytes, Duration totalTime) {
        this.sealer = Objects.requireNonNull(sealer, "sealer");
        this.http = Objects.requireNonNull(http, "http");
        this.metrics = Objects.requireNonNull(metrics, "metrics");
        this.permits = new Semaphore(maxConcurrent);
        this.maxBytes = maxBytes;
        this.totalTime = Objects.requireNonNull(totalTime, "totalTime");
    }

    /**
     * Answers the backend's GET of a slide URL.
     *
     * @param token the path token after {@code /gateway/slides/}
     * @return the file (200 with its content type), 404 for a token the gateway did not make, 503
     *     when too many downloads run, 502 when the client's file is refused or unreachable
     */
    public Answer fetch(String token) {
        Optional<Sealer.Opened> opened = sealer.openPathToken(Sealer.Purpose.SLIDE, token);
        if (opened.isEmpty()) {
            return outcome(Answer.plain(404, "text/plain;charset=utf-8", "unknown slide link\n", "dropped_forged"));
        }
        if (!permits.tryAcquire()) {
            return outcome(Answer.plain(503, "text/plain;charset=utf-8", "too many slide downloads at once\n", "overload"));
        }
        try {
            return outcome(download(URI.create(opened.get().value())));
        } finally {
            permits.release();
        }
    }

    private Answer outcome(Answer a) {
        metrics.callback("slide", a.outcome());
        return a;
    }

    private Answer download(URI sealed) {
        long deadline = System.nanoTime() + totalTime.toNanos();
        URI target = sealed;
        for (int hop = 0; hop < 2; hop++) {
            HttpResponse<byte[]> r;
            try {
                r = get(target, deadline);
            } catch (TooLarge e) {
                return refused("slide too large");
            } catch (TimeoutException e) {
                return failed("slide download took too long");
            } catch (Exception e) {
                return failed("slide source unreachable");
            }
            int status = r.statusCode();
            if (status / 100 == 3 && hop > 0) {
                return refused("more than one redirect");
            }
            if (status / 100 == 3) {
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
                return refused("slide source answered " + status);
            }
            String type = contentType(r.headers());
            if (!allowed(type)) {
                return refused("content type not allowed for a presentation");
            }
            return Answer.bytes(200, type, r.body(), "delivered");
        }
        throw new IllegalStateException("unreachable: the second hop always answers");
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

    private HttpResponse<byte[]> get(URI uri, long deadline) throws Exception {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
            throw new TimeoutException();
        }
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(Duration.ofNanos(left)).GET().build();
        CompletableFuture<HttpResponse<byte[]>> f = http.sendAsync(request, info -> new Bounded(maxBytes, info.headers()));
        try {
            return f.get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            f.cancel(true);
            throw e;
        } catch (InterruptedException e) {
            f.cancel(true);
            Thread.currentThread().interrupt();
            throw e;
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            while (cause != null && !(cause instanceof TooLarge)) {
                cause = cause.getCause();
            }
            if (cause != null) {
                throw (TooLarge) cause;
            }
            throw e;
        }
    }

    /** A body larger than the limit. */
    private static final class TooLarge extends Exception {
        private static final long serialVersionUID = 1L;

        TooLarge() {
            super("slide larger than the limit", null, false, false);
        }
    }

    /** Collects a body up to a limit; past it (declared or counted) it cancels the download. */
    private static final class Bounded implements HttpResponse.BodySubscriber<byte[]> {
        private final long max;
        private final long declared;
        private final CompletableFuture<byte[]> result = new CompletableFuture<>();
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();
        private Flow.Subscription subscription;

        Bounded(long max, HttpHeaders headers) {
            this.max = max;
            this.declared = headers.firstValueAsLong("Content-Length").orElse(-1);
        }

        @Override
        public CompletionStage<byte[]> getBody() {
            return result;
        }

        @Override
        public void onSubscribe(Flow.Subscription s) {
            this.subscription = s;
            if (declared > max) {
                s.cancel();
                result.completeExceptionally(new TooLarge());
                return;
            }
            s.request(Long.MAX_VALUE);
        }

        @Override
        public void onNext(List<ByteBuffer> items) {
            if (result.isDone()) {
                return;
            }
            for (ByteBuffer b : items) {
                if (out.size() + (long) b.remaining() > max) {
                    subscription.cancel();
                    result.completeExceptionally(new TooLarge());
                    return;
                }
                byte[] chunk = new byte[b.remaining()];
                b.get(chunk);
                out.writeBytes(chunk);
            }
        }

        @Override
        public void onError(Throwable t) {
            result.completeExceptionally(t);
        }

        @Override
        public void onComplete() {
            result.complete(out.toByteArray());
        }
    }
}
