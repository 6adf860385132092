// SPDX-License-Identifier: Apache-2.0
package de.hessen.schulportal.bbb.client;

import de.hessen.schulportal.bbb.client.event.BbbEventListener;
import de.hessen.schulportal.bbb.client.internal.AnswerParser;
import de.hessen.schulportal.bbb.client.internal.Checksums;
import de.hessen.schulportal.bbb.client.internal.ClientThreads;
import de.hessen.schulportal.bbb.client.internal.HttpCall;
import de.hessen.schulportal.bbb.client.internal.QueryString;
import de.hessen.schulportal.bbb.client.internal.RawResponse;
import de.hessen.schulportal.bbb.client.internal.Transport;
import de.hessen.schulportal.bbb.client.internal.TransportFailure;
import de.hessen.schulportal.bbb.client.internal.UnreadableAnswer;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;

/**
 * Runs API calls, top to bottom: encode the parameters once, sign, send through the transport
 * stack (JDK, logging, retry), follow a Scalelite join redirect, check the envelope and map the
 * answer (the call's reader), turn internal failures into the SDK's exceptions, tell the event
 * listener, and write the one DEBUG line per call. Thread-safe.
 */
final class ApiExecutor {
    /** The one path a server-side join may be redirected to (Scalelite's answer: a server's signed join). */
    static final String JOIN_PATH = "/bigbluebutton/api/join";

    /** Created with the first call, not with the client: a process that only signs URLs needs no logging. */
    private static final class Log {
        static final Logger CALLS = LoggerFactory.getLogger("de.hessen.schulportal.bbb.client");
    }

    private final ClientConfig config;
    private final Transport transport;
    private final Executor completion;
    private final BbbEventListener listener;

    /** {@code completion} is where async results are completed, i.e. where callers' callbacks run. */
    ApiExecutor(ClientConfig config, Transport transport, Executor completion, BbbEventListener listener) {
        this.config = config;
        this.transport = transport;
        this.completion = completion;
        this.listener = listener;
    }

    ClientConfig config() {
        return config;
    }

    /** The signed URL of a call, as it will be sent. */
    String signedUrl(ApiCall<?> call) {
        ChecksumAlgorithm alg = call.algorithm() != null ? call.algorithm() : config.algorithm();
        String query = QueryString.encode(call.parameters());
        // One buffer for the whole URL, the checksum written straight into it (128 hex digits at most).
        StringBuilder url = new StringBuilder(config.apiBase().length() + call.call().length() + query.length() + 140);
        url.append(config.apiBase()).append(call.call()).append('?').append(query);
        if (!query.isEmpty()) {
            url.append('&');
        }
        url.append("checksum=");
        return Checksums.appendChecksum(url, alg.jcaName(), call.call(), query, config.secret()).toString();
    }

    /** An unsigned URL below the API base (for the version root). */
    String unsignedUrl(String path) {
        return config.apiBase() + path;
    }

    private static HttpCall httpCall(ApiCall<?> call, String uri, CallEvents events) {
        return new HttpCall(call.call(), call.method(), uri, call.body(), call.contentType(), call.idempotent(), events);
    }

    <T> T execute(ApiCall<T> call) {
        return execute(call, signedUrl(call));
    }

    /** Runs a call against a given, already complete URL and waits for it. */
    <T> T execute(ApiCall<T> call, String uri) {
        CallEvents events = CallEvents.of(listener, call.call(), false, call.idempotent(), uri);
        events.start();
        long start = System.nanoTime();
        RawResponse response = null;
        try {
            response = transport.send(httpCall(call, uri, events));
            String next = call.followJoinRedirects() ? joinRedirect(call, response, false) : null;
            if (next != null) {
                response = transport.send(httpCall(call, next, events));
                joinRedirect(call, response, true);
            }
            return read(call, response, start, events);
        } catch (RuntimeException e) {
            throw failed(call, response, start, events, e);
        }
    }

    <T> CompletableFuture<T> executeAsync(ApiCall<T> call) {
        return executeAsync(call, signedUrl(call));
    }

    /** Runs a call against a given URL without blocking; the future fails with the SDK's exceptions. */
    <T> CompletableFuture<T> executeAsync(ApiCall<T> call, String uri) {
        CallEvents events = CallEvents.of(listener, call.call(), true, call.idempotent(), uri);
        events.start();
        long start = System.nanoTime();
        CompletableFuture<RawResponse> sent;
        try {
            sent = follow(call, transport.sendAsync(httpCall(call, uri, events)), events);
        } catch (RuntimeException e) {
            sent = CompletableFuture.failedFuture(e);
        }
        CompletableFuture<T> result = new CompletableFuture<>();
        sent.whenComplete((response, error) -> {
            Throwable failure;
            try {
                if (error == null) {
                    T value = read(call, response, start, events);
                    ClientThreads.execute(completion, () -> result.complete(value));
                    return;
                }
                failure = failed(call, null, start, events, unwrap(error));
            } catch (RuntimeException e) {
                failure = failed(call, response, start, events, e);
            }
            Throwable f = failure;
            ClientThreads.execute(completion, () -> result.completeExceptionally(f));
        });
        return result;
    }

    /** Maps the answer, then logs and tells the listener of the success. */
    private static <T> T read(ApiCall<T> call, RawResponse response, long start, CallEvents events) {
        T value = call.reader().apply(response);
        logCall(call, response, response.retries(), start, "SUCCESS");
        events.succeeded();
        return value;
    }

    /** The SDK's exception for a failure, logged and told to the listener. */
    private static RuntimeException failed(ApiCall<?> call, RawResponse response, long start, CallEvents events, RuntimeException e) {
        // A failure of the transport stack carries the retries of the attempt that ended the call.
        int retries = e instanceof TransportFailure f ? f.retries() : response == null ? 0 : response.retries();
        return told(call, response, retries, start, events, translate(call, e));
    }

    /** As above for a future's failure: a runtime exception is mapped, an error passed on as it is. */
    private static Throwable failed(ApiCall<?> call, RawResponse response, long start, CallEvents events, Throwable e) {
        return e instanceof RuntimeException r ? failed(call, response, start, events, r)
                : told(call, response, response == null ? 0 : response.retries(), start, events, e);
    }

    private static <X extends Throwable> X told(ApiCall<?> call, RawResponse response, int retries, long start,
            CallEvents events, X failure) {
        logCall(call, response, retries, start, outcome(failure));
        events.failed(failure);
        return failure;
    }

    /** The async form of the one join redirect {@link #execute(ApiCall, String)} follows. */
    private CompletableFuture<RawResponse> follow(ApiCall<?> call, CompletableFuture<RawResponse> sent,
            CallEvents events) {
        if (!call.followJoinRedirects()) {
            return sent;
        }
        return sent.thenCompose(response -> {
            String next = joinRedirect(call, response, false);
            return next == null ? CompletableFuture.completedFuture(response)
                    : transport.sendAsync(httpCall(call, next, events)).thenApply(second -> {
                        joinRedirect(call, second, true);
                        return second;
                    });
        });
    }

    /** The failure inside a {@link CompletionException}, or the throwable itself. */
    static Throwable unwrap(Throwable t) {
        return t instanceof CompletionException && t.getCause() != null ? t.getCause() : t;
    }

    /**
     * The SDK's exception for a failure inside the stack: a transport failure becomes a
     * {@link BbbTransportException} (or, for an answer over the size cap, a
     * {@link BbbResponseException}) keeping the JDK's cause; the SDK's own exceptions and invalid
     * arguments pass as they are.
     */
    private static RuntimeException translate(ApiCall<?> call, RuntimeException e) {
        if (!(e instanceof TransportFailure)) {
            return e;
        }
        TransportFailure f = (TransportFailure) e;
        if (f.reason() == TransportFailure.Reason.TOO_LARGE) {
            return new BbbResponseException(call.call(), -1, f.getMessage(), null);
        }
        String about = call.meetingId() == null ? "" : " (meeting '" + call.meetingId() + "')";
        String message = f.host().isEmpty() ? "The answer to " + call.call() + about + ": " + f.getMessage()
                : f.getMessage() + about;
        return new BbbTransportException(call.call(), message, f.getCause(), f.isTimeout());
    }

    /**
     * For a server-side {@code join}: Scalelite answers with a 302 to a BigBlueButton server's
     * signed join URL ({@code redirect_to} in its {@code BigBlueButtonApiController#join}), which
     * is followed once, and only to an absolute http(s) URL whose path is {@value #JOIN_PATH}
     * (behind a reverse proxy that mounts servers below a prefix, as the simulator's Scalelite mode
     * does, it may be preceded by that prefix). BigBlueButton may answer join errors with a redirect carrying
     * {@code errors=[{"key":…}]}, which becomes the matching exception. Any other redirect, a
     * redirect without a usable location, and a second redirect (after the one followed) are a
     * {@link BbbTransportException} that says why but never shows the URL: it may hold a checksum.
     * The transport itself never follows redirects.
     *
     * @param alreadyFollowed whether this is the answer of the followed redirect
     * @return the URL to follow, or {@code null} if the answer is not a redirect
     */
    private static String joinRedirect(ApiCall<?> call, RawResponse response, boolean alreadyFollowed) {
        int s = response.status();
        if (s != 301 && s != 302 && s != 303 && s != 307 && s != 308) {
            return null;
        }
        String location = response.headers().firstValue("Location").orElse(null);
        if (location == null || location.isEmpty()) {
            throw refusedRedirect(call, "answered HTTP " + s + " without a Location");
        }
        URI target;
        try {
            target = URI.create(location);
        } catch (IllegalArgumentException e) {
            throw refusedRedirect(call, "redirected to a malformed location");
        }
        String query = target.getRawQuery();
        if (query != null) {
            for (String pair : query.split("&")) {
                if (pair.startsWith("errors=")) {
                    throw redirectedError(call, URLDecoder.decode(pair.substring(7), StandardCharsets.UTF_8));
                }
            }
        }
        if (alreadyFollowed) {
            throw refusedRedirect(call, "was answered with more than one redirect; only Scalelite's one redirect to a"
                    + " server's join is followed");
        }
        String scheme = target.getScheme();
        if (!target.isAbsolute() || !("https".equalsIgnoreCase(scheme) || "http".equalsIgnoreCase(scheme))
                || target.getRawAuthority() == null) {
            throw refusedRedirect(call, "was redirected to a location that is not an absolute http(s) URL");
        }
        String path = target.getRawPath();
        if (path == null || !path.endsWith(JOIN_PATH)) {
            throw refusedRedirect(call, "was redirected to a path other than " + JOIN_PATH);
        }
        return location;
    }

    private static BbbTransportException refusedRedirect(ApiCall<?> call, String why) {
        String about = call.meetingId() == null ? "" : " (meeting '" + call.meetingId() + "')";
        return new BbbTransportException(call.call(), "The server-side " + call.call() + about + " " + why
                + "; the redirect was not followed. Check that the base URL points to BigBlueButton or Scalelite.",
                null, false);
    }

    private static BbbException redirectedError(ApiCall<?> call, String errorsJson) {
        try {
            JsonNode errors = AnswerParser.json(errorsJson);
            JsonNode first = errors != null && errors.isArray() && !errors.isEmpty() ? errors.get(0) : errors;
            if (first == null) {
                throw new UnreadableAnswer("is empty");
            }
            return ApiErrors.toException(call.family(), call.call(), call.meetingId(), first.path("key").asString(""),
                    first.path("message").asString(""));
        } catch (UnreadableAnswer e) {
            return new BbbResponseException(call.call(), 302, "The server redirected " + call.call()
                    + " with an unreadable error list", null);
        }
    }

    private static String outcome(Throwable e) {
        if (e instanceof BbbApiException) {
            return "FAILED messageKey=" + ((BbbApiException) e).messageKey();
        }
        return e.getClass().getSimpleName();
    }

    /** STYLE's one DEBUG line per call; the status is {@code -} when no answer arrived. */
    private static void logCall(ApiCall<?> call, RawResponse response, int retries, long start, String outcome) {
        if (Log.CALLS.isDebugEnabled()) {
            long tookMs = (System.nanoTime() - start) / 1_000_000;
            Log.CALLS.debug("[call={} status={} returncode={} tookMs={} retries={}]", call.call(),
                    response == null ? "-" : response.status(), outcome, tookMs, retries);
        }
    }
}
