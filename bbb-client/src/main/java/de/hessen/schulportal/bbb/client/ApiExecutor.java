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
    private static final int MAX_REDIRECTS = 3;

    /** Created with the first call, not with the client: a process that only signs URLs needs no logging. */
    private static final class Log {
        static final Logger CALLS = LoggerFactory.getLogger("de.hessen.schulportal.bbb.client");
    }

    private final ClientConfig config;
    private final Transport transport;
    private final Executor completion;
    private final BbbEventListener listener;

    /**
     * Creates the executor.
     *
     * @param config the configuration
     * @param transport the transport stack
     * @param completion where async results are completed, i.e. where callers' callbacks run
     * @param listener the event listener, {@link BbbEventListener#NONE} for none
     */
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
            for (int hop = 0; call.followJoinRedirects() && hop < MAX_REDIRECTS; hop++) {
                String next = joinRedirect(call, response);
                if (next == null) {
                    break;
                }
                response = transport.send(httpCall(call, next, events));
            }
            T result = call.reader().apply(response);
            logCall(call, response, start, "SUCCESS");
            events.succeeded();
            return result;
        } catch (RuntimeException e) {
            RuntimeException failure = translate(call, e);
            logCall(call, response, start, outcome(failure));
            events.failed(failure);
            throw failure;
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
            sent = follow(call, transport.sendAsync(httpCall(call, uri, events)), 0, events);
        } catch (RuntimeException e) {
            sent = CompletableFuture.failedFuture(e);
        }
        CompletableFuture<T> result = new CompletableFuture<>();
        sent.whenComplete((response, error) -> {
            if (error != null) {
                Throwable cause = unwrap(error);
                Throwable failure = cause instanceof RuntimeException ? translate(call, (RuntimeException) cause) : cause;
                logCall(call, null, start, outcome(failure));
                events.failed(failure);
                ClientThreads.execute(completion, () -> result.completeExceptionally(failure));
                return;
            }
            try {
                T value = call.reader().apply(response);
                logCall(call, response, start, "SUCCESS");
                events.succeeded();
                ClientThreads.execute(completion, () -> result.complete(value));
            } catch (RuntimeException e) {
                RuntimeException failure = translate(call, e);
                logCall(call, response, start, outcome(failure));
                events.failed(failure);
                ClientThreads.execute(completion, () -> result.completeExceptionally(failure));
            }
        });
        return result;
    }

    private CompletableFuture<RawResponse> follow(ApiCall<?> call, CompletableFuture<RawResponse> sent, int hop,
            CallEvents events) {
        if (!call.followJoinRedirects() || hop >= MAX_REDIRECTS) {
            return sent;
        }
        return sent.thenCompose(response -> {
            String next = joinRedirect(call, response);
            return next == null ? CompletableFuture.completedFuture(response)
                    : follow(call, transport.sendAsync(httpCall(call, next, events)), hop + 1, events);
        });
    }

    private static Throwable unwrap(Throwable t) {
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
     * For {@code join}: Scalelite answers with a redirect to a re-signed BigBlueButton join URL,
     * which is followed; newer BigBlueButton answers join errors with a redirect carrying
     * {@code errors=[{"key":…}]}, which becomes the matching exception. Any other redirect is
     * left for the reader to reject.
     */
    private static String joinRedirect(ApiCall<?> call, RawResponse response) {
        int s = response.status();
        if (s != 301 && s != 302 && s != 303 && s != 307 && s != 308) {
            return null;
        }
        String location = response.headers().firstValue("Location").orElse(null);
        if (location == null) {
            return null;
        }
        URI target;
        try {
            target = URI.create(location);
        } catch (IllegalArgumentException e) {
            throw new BbbResponseException(call.call(), s, "The server redirected " + call.call()
                    + " to a malformed location", null);
        }
        String query = target.getRawQuery();
        if (query != null) {
            for (String pair : query.split("&")) {
                if (pair.startsWith("errors=")) {
                    throw redirectedError(call, URLDecoder.decode(pair.substring(7), StandardCharsets.UTF_8));
                }
            }
        }
        String path = target.getRawPath();
        if (target.isAbsolute() && path != null && path.endsWith("/api/join")) {
            return location;
        }
        return null;
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

    private void logCall(ApiCall<?> call, RawResponse response, long start, String outcome) {
        if (Log.CALLS.isDebugEnabled()) {
            long tookMs = (System.nanoTime() - start) / 1_000_000;
            Log.CALLS.debug("[call={} status={} returncode={} tookMs={} retries={}]", call.call(),
                    response == null ? "-" : response.status(), outcome, tookMs, response == null ? "-" : response.retries());
        }
    }
}
