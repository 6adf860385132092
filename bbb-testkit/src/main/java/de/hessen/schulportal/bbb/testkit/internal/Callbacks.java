// SPDX-License-Identifier: Apache-2.0
package de.hessen.schulportal.bbb.testkit.internal;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongSupplier;

/**
 * Sends callbacks out, best effort, one attempt each, in the order they were triggered (one
 * sender thread), and records every attempt. Signing follows the real senders: bbb-webhooks
 * 3.4+ checksum for webhooks, HS256 JWT for recording-ready, unsigned GETs for meeting-ended,
 * an HS512 bearer JWT {@code {exp}} for the learning-analytics callback. The same thread also
 * downloads the URL documents of a create, as bbb-web does after answering it (bounded in size
 * and time), so {@link #awaitIdle} waits for those too.
 */
public final class Callbacks implements AutoCloseable {
    private final HttpClient http;
    private final ExecutorService sender;
    private final List<Delivery> deliveries = new ArrayList<>();
    private final AtomicInteger pending = new AtomicInteger();
    private final Object idle = new Object();
    private final LongSupplier clock;

    /** @param clock simulated epoch millis, stamped on each recorded attempt */
    public Callbacks(LongSupplier clock) {
        this.clock = clock;
        this.sender = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "bbb-simulator-callbacks");
            t.setDaemon(true);
            return t;
        });
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .followRedirects(HttpClient.Redirect.NORMAL)
                .build();
    }

    /**
     * Webhook POST: body {@code domain=…&event=[json]&timestamp=…}, checksum
     * {@code hex(H(callbackUrl + body + secret))} appended to the URL (bbb-webhooks 3.4+), or with
     * {@code legacy} {@code hex(H(callbackUrl + "{}" + secret))} (3.0–3.3: {@code JSON.stringify}
     * of a {@code URLSearchParams} object).
     */
    public void webhook(String callbackUrl, String domain, String eventJson, String eventId, long timestamp,
                        String algorithm, boolean legacy, String secret) {
        String body = "domain=" + form(domain) + "&event=" + form("[" + eventJson + "]") + "&timestamp=" + timestamp;
        String checksum = Hashing.hex(algorithm, callbackUrl + (legacy ? "{}" : body) + secret);
        String url = callbackUrl + (callbackUrl.indexOf('?') >= 0 ? '&' : '?') + "checksum=" + checksum;
        submit("webhook", "POST", url, "application/x-www-form-urlencoded", body, eventId);
    }

    /** Recording-ready POST with {@code signed_parameters=<JWT>} (bbb-web: one secret, one attempt). */
    public void recordingReady(String url, String meetingId, String recordId, String secret, String alg) {
        recordingReady(url, meetingId, recordId, List.of(secret), alg);
    }

    /**
     * Recording-ready POST tried with each secret in turn, as Scalelite's
     * {@code RecordingReadyNotifierService.notify} does: the next secret only after an answer other
     * than 2xx, 404 or 410; a transport failure ends the loop (its {@code rescue} is outside it).
     */
    public void recordingReady(String url, String meetingId, String recordId, List<String> secrets, String alg) {
        List<String> bodies = new ArrayList<>();
        for (String secret : secrets) {
            bodies.add("signed_parameters=" + form(Jwt.sign(alg, payload(meetingId, recordId), secret)));
        }
        pending.incrementAndGet();
        try {
            sender.execute(() -> {
                try {
                    for (String body : bodies) {
                        int status = send("recording-ready", "POST", url, "application/x-www-form-urlencoded", body, null, null);
                        if (status < 0 || status / 100 == 2 || status == 404 || status == 410) {
                            break;
                        }
                    }
                } finally {
                    done();
                }
            });
        } catch (RuntimeException rejected) {
            pending.decrementAndGet();
            record(new Delivery("recording-ready", "POST", url, "application/x-www-form-urlencoded", bodies.get(0), null, -1,
                    "simulator closed", clock.getAsLong()));
        }
    }

    private static String payload(String meetingId, String recordId) {
        java.util.Map<String, Object> claims = new java.util.LinkedHashMap<>();
        claims.put("meeting_id", meetingId);
        claims.put("record_id", recordId);
        return Json.write(claims);
    }

    /** bbb-web's own upload limit ({@code maxFileSizeUpload=30000000}): larger documents are refused. */
    public static final long MAX_DOCUMENT_BYTES = 30_000_000L;
    private static final Duration DOWNLOAD_TIME = Duration.ofSeconds(30);

    /**
     * Learning-analytics POST: JSON body, {@code Authorization: Bearer <JWT>}, HS512 with the secret,
     * payload {@code {"exp": now + 24 h}} (wall-clock time, as receivers check it).
     */
    public void analytics(String url, String bodyJson, String secret) {
        long exp = System.currentTimeMillis() / 1000 + 24 * 3600;
        String jwt = Jwt.sign("HS512", "{\"exp\":" + exp + "}", secret);
        submit("analytics", "POST", url, "application/json", bodyJson, null, "Bearer " + jwt);
    }

    /**
     * Downloads a presentation URL (a GET, redirects followed as bbb-web does), at most
     * {@link #MAX_DOCUMENT_BYTES} and 30 s; the bytes go to {@code onBytes} on success. The attempt
     * is recorded as a {@code presentation-download} delivery (status, or -1 and why).
     */
    public void download(String url, java.util.function.Consumer<byte[]> onBytes) {
        pending.incrementAndGet();
        try {
            sender.execute(() -> {
                try {
                    long time = clock.getAsLong();
                    try {
                        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(DOWNLOAD_TIME).GET().build();
                        java.util.concurrent.CompletableFuture<HttpResponse<byte[]>> f =
                                http.sendAsync(request, info -> BoundedBody.of(MAX_DOCUMENT_BYTES, info));
                        HttpResponse<byte[]> r;
                        try {
                            r = f.get(DOWNLOAD_TIME.toMillis(), TimeUnit.MILLISECONDS);
                        } catch (java.util.concurrent.TimeoutException e) {
                            f.cancel(true);
                            throw e;
                        }
                        if (r.statusCode() == 200) {
                            onBytes.accept(r.body());
                        }
                        record(new Delivery("presentation-download", "GET", url, r.headers().firstValue("Content-Type").orElse(null),
                                null, null, r.statusCode(), null, time));
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        record(new Delivery("presentation-download", "GET", url, null, null, null, -1, "interrupted", time));
                    } catch (Exception e) {
                        record(new Delivery("presentation-download", "GET", url, null, null, null, -1, why(e), time));
                    }
                } finally {
                    done();
                }
            });
        } catch (RuntimeException rejected) {
            pending.decrementAndGet();
            record(new Delivery("presentation-download", "GET", url, null, null, null, -1, "simulator closed", clock.getAsLong()));
        }
    }

    private void done() {
        if (pending.decrementAndGet() == 0) {
            synchronized (idle) {
                idle.notifyAll();
            }
        }
    }

    /** Meeting-ended GET ({@code meta_endCallbackUrl} with parameters added, or {@code meetingEndedURL}). */
    public void meetingEnded(String kind, String url) {
        submit(kind, "GET", url, null, null, null);
    }

    private void submit(String kind, String method, String url, String contentType, String body, String eventId) {
        submit(kind, method, url, contentType, body, eventId, null);
    }

    private void submit(String kind, String method, String url, String contentType, String body, String eventId,
                        String authorization) {
        pending.incrementAndGet();
        try {
            sender.execute(() -> {
                try {
                    send(kind, method, url, contentType, body, eventId, authorization);
                } finally {
                    done();
                }
            });
        } catch (RuntimeException rejected) {
            pending.decrementAndGet();
            record(new Delivery(kind, method, url, contentType, body, eventId, -1, "simulator closed", clock.getAsLong()));
        }
    }

    /** One attempt; returns the HTTP status, or -1 if the request failed. */
    private int send(String kind, String method, String url, String contentType, String body, String eventId,
                     String authorization) {
        long time = clock.getAsLong();
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10));
            if (authorization != null) {
                request.header("Authorization", authorization);
            }
            if ("POST".equals(method)) {
                request.header("Content-Type", contentType)
                        .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
            } else {
                request.GET();
            }
            HttpResponse<Void> response = http.send(request.build(), HttpResponse.BodyHandlers.discarding());
            record(new Delivery(kind, method, url, contentType, body, eventId, response.statusCode(), null, time));
            return response.statusCode();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            record(new Delivery(kind, method, url, contentType, body, eventId, -1, "interrupted", time));
        } catch (Exception e) {
            record(new Delivery(kind, method, url, contentType, body, eventId, -1, why(e), time));
        }
        return -1;
    }

    /**
     * Why an attempt failed, for {@code CallbackDelivery.error()}: the exception's class only, since
     * the messages of {@code URI.create} and the HTTP client repeat the URL with its checksum or
     * token; the size limit's own message, which holds nothing of the request, in full.
     */
    private static String why(Exception e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof BoundedBody.TooLarge) {
                return t.getMessage();
            }
        }
        Throwable c = e instanceof java.util.concurrent.ExecutionException && e.getCause() != null ? e.getCause() : e;
        return c.getClass().getSimpleName();
    }

    private void record(Delivery delivery) {
        synchronized (deliveries) {
            deliveries.add(delivery);
        }
    }

    /** All attempts so far, oldest first. */
    public List<Delivery> deliveries() {
        synchronized (deliveries) {
            return List.copyOf(deliveries);
        }
    }

    /** Forgets recorded attempts. */
    public void clear() {
        synchronized (deliveries) {
            deliveries.clear();
        }
    }

    /** Waits until no callback is queued or in flight; false on timeout. */
    public boolean awaitIdle(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (idle) {
            while (pending.get() > 0) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                TimeUnit.NANOSECONDS.timedWait(idle, left);
            }
        }
        return true;
    }

    /** {@code application/x-www-form-urlencoded} encoding, as URLSearchParams and URIBuilder produce it. */
    public static String form(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        sender.shutdownNow();
    }
}
