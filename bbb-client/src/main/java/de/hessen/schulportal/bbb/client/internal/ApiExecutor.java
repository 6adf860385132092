package de.hessen.schulportal.bbb.client.internal;

import de.hessen.schulportal.bbb.client.BbbApiException;
import de.hessen.schulportal.bbb.client.BbbException;
import de.hessen.schulportal.bbb.client.BbbResponseException;
import de.hessen.schulportal.bbb.client.ChecksumAlgorithm;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Runs API calls: encode once, sign, send through the transport stack, read the answer, and write
 * the one DEBUG line per call. Thread-safe.
 */
public final class ApiExecutor {
    private static final Logger LOG = LoggerFactory.getLogger("de.hessen.schulportal.bbb.client");
    private static final int MAX_REDIRECTS = 3;

    private final ClientConfig config;
    private final Transport transport;
    private final Executor completion;

    /**
     * Creates the executor; async results complete on the thread that read the answer.
     *
     * @param config the configuration
     * @param transport the transport stack
     */
    public ApiExecutor(ClientConfig config, Transport transport) {
        this(config, transport, Runnable::run);
    }

    /**
     * Creates the executor.
     *
     * @param config the configuration
     * @param transport the transport stack
     * @param completion where async results are completed, i.e. where callers' callbacks run
     */
    public ApiExecutor(ClientConfig config, Transport transport, Executor completion) {
        this.config = config;
        this.transport = transport;
        this.completion = completion;
    }

    /**
     * The configuration.
     *
     * @return the configuration
     */
    public ClientConfig config() {
        return config;
    }

    /**
     * The signed URL of a call, as it will be sent.
     *
     * @param call the call
     * @return the raw URL
     */
    public String signedUrl(ApiCall<?> call) {
        ChecksumAlgorithm alg = call.algorithm() != null ? call.algorithm() : config.algorithm();
        String query = QueryString.encode(call.parameters());
        // One buffer for the whole URL, the checksum written straight into it (128 hex digits at most).
        StringBuilder url = new StringBuilder(config.apiBase().length() + call.call().length() + query.length() + 140);
        url.append(config.apiBase()).append(call.call()).append('?').append(query);
        if (!query.isEmpty()) {
            url.append('&');
        }
        url.append("checksum=");
        return Checksums.appendChecksum(url, alg, call.call(), query, config.secret()).toString();
    }

    /**
     * An unsigned URL below the API base (for the version root).
     *
     * @param path the path below the API base, may be empty
     * @return the URL
     */
    public String unsignedUrl(String path) {
        return config.apiBase() + path;
    }

    private HttpCall httpCall(ApiCall<?> call, String uri) {
        return new HttpCall(call.call(), call.meetingId(), call.method(), uri, call.body(), call.contentType(),
                call.idempotent());
    }

    /**
     * Runs a call and waits for it.
     *
     * @param call the call
     * @param <T> the result type
     * @return the result
     */
    public <T> T execute(ApiCall<T> call) {
        return execute(call, signedUrl(call));
    }

    /**
     * Runs a call against a given, already complete URL.
     *
     * @param call the call
     * @param uri the raw URL
     * @param <T> the result type
     * @return the result
     */
    public <T> T execute(ApiCall<T> call, String uri) {
        long start = System.nanoTime();
        RawResponse response = null;
        try {
            response = transport.send(httpCall(call, uri));
            for (int hop = 0; call.followJoinRedirects() && hop < MAX_REDIRECTS; hop++) {
                String next = joinRedirect(call, response);
                if (next == null) {
                    break;
                }
                response = transport.send(httpCall(call, next));
            }
            T result = call.reader().apply(response);
            logCall(call, response, start, "SUCCESS");
            return result;
        } catch (BbbException e) {
            logCall(call, response, start, outcome(e));
            throw e;
        }
    }

    /**
     * Runs a call without blocking.
     *
     * @param call the call
     * @param <T> the result type
     * @return the result; failed with a {@link BbbException} on any failure
     */
    public <T> CompletableFuture<T> executeAsync(ApiCall<T> call) {
        return executeAsync(call, signedUrl(call));
    }

    /**
     * Runs a call against a given URL without blocking.
     *
     * @param call the call
     * @param uri the raw URL
     * @param <T> the result type
     * @return the result
     */
    public <T> CompletableFuture<T> executeAsync(ApiCall<T> call, String uri) {
        long start = System.nanoTime();
        CompletableFuture<RawResponse> sent = follow(call, transport.sendAsync(httpCall(call, uri)), 0);
        CompletableFuture<T> result = new CompletableFuture<>();
        sent.whenComplete((response, error) -> {
            if (error != null) {
                Throwable cause = unwrap(error);
                logCall(call, null, start, cause instanceof BbbException ? outcome((BbbException) cause) : "ERROR");
                ClientThreads.execute(completion, () -> result.completeExceptionally(cause));
                return;
            }
            try {
                T value = call.reader().apply(response);
                logCall(call, response, start, "SUCCESS");
                ClientThreads.execute(completion, () -> result.complete(value));
            } catch (BbbException e) {
                logCall(call, response, start, outcome(e));
                ClientThreads.execute(completion, () -> result.completeExceptionally(e));
            } catch (RuntimeException e) {
                ClientThreads.execute(completion, () -> result.completeExceptionally(e));
            }
        });
        return result;
    }

    private CompletableFuture<RawResponse> follow(ApiCall<?> call, CompletableFuture<RawResponse> sent, int hop) {
        if (!call.followJoinRedirects() || hop >= MAX_REDIRECTS) {
            return sent;
        }
        return sent.thenCompose(response -> {
            String next = joinRedirect(call, response);
            return next == null ? CompletableFuture.completedFuture(response)
                    : follow(call, transport.sendAsync(httpCall(call, next)), hop + 1);
        });
    }

    private static Throwable unwrap(Throwable t) {
        return t instanceof CompletionException && t.getCause() != null ? t.getCause() : t;
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
            JsonNode errors = RedirectErrors.JSON.readTree(errorsJson);
            JsonNode first = errors.isArray() && !errors.isEmpty() ? errors.get(0) : errors;
            return ApiErrors.toException(call.call(), call.meetingId(), first.path("key").asString(""),
                    first.path("message").asString(""));
        } catch (JacksonException e) {
            return new BbbResponseException(call.call(), 302, "The server redirected " + call.call()
                    + " with an unreadable error list", null);
        }
    }

    private static String outcome(BbbException e) {
        if (e instanceof BbbApiException) {
            return "FAILED messageKey=" + ((BbbApiException) e).messageKey();
        }
        return e.getClass().getSimpleName();
    }

    private void logCall(ApiCall<?> call, RawResponse response, long start, String outcome) {
        if (LOG.isDebugEnabled()) {
            long tookMs = (System.nanoTime() - start) / 1_000_000;
            LOG.debug("[call={} status={} returncode={} tookMs={} retries={}]", call.call(),
                    response == null ? "-" : response.status(), outcome, tookMs, response == null ? "-" : response.retries());
        }
    }

    /**
     * Jackson's JSON mapper, created on the first redirected join error rather than with the first
     * client: initialising it costs a cold JVM a noticeable part of a second (BENCHMARKS.md, cold start).
     */
    private static final class RedirectErrors {
        static final JsonMapper JSON = JsonMapper.builder().build();
    }
}
