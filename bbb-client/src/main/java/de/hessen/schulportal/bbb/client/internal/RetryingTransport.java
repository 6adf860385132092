// SPDX-License-Identifier: Apache-2.0
package de.hessen.schulportal.bbb.client.internal;

import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Retries idempotent calls on connection failures, timeouts and 429/502/503/504, with jittered
 * exponential backoff, and tells the call's {@link AttemptObserver} about every attempt.
 * Non-idempotent calls get exactly one attempt. A parsed {@code FAILED} never reaches this layer as
 * a failure, so it is never retried. Nor are failures that the next attempt would meet again, so
 * that retrying them would only add the backoff to the wait: a failed TLS handshake or certificate
 * check, an unknown host (a wrong base URL; the JVM also caches a failed lookup for a while), an
 * answer over the size cap, an interrupt. Each retry is logged at TRACE; the call's one DEBUG line
 * carries the number of retries ({@link TransportFailure#retries()} when the call failed). The answer of a discarded attempt is
 * already fully read into memory (the connection went back to the pool), so there is nothing left
 * open to close.
 */
public final class RetryingTransport implements Transport {
    private static final Logger LOG = LoggerFactory.getLogger("de.hessen.schulportal.bbb.client.http");

    private final Transport next;
    private final RetryPolicy policy;
    private final Sleeper sleeper;
    private final Supplier<ZonedDateTime> now;

    /**
     * Creates the retry layer.
     *
     * @param next the transport that makes one attempt
     * @param policy the retry policy
     * @param sleeper how to wait
     * @param now the current time, for HTTP-date {@code Retry-After} values
     */
    public RetryingTransport(Transport next, RetryPolicy policy, Sleeper sleeper, Supplier<ZonedDateTime> now) {
        this.next = next;
        this.policy = policy;
        this.sleeper = sleeper;
        this.now = now;
    }

    @Override
    public RawResponse send(HttpCall call) {
        int retry = 0;
        while (true) {
            RawResponse response;
            call.observer().attemptStart(retry + 1);
            try {
                response = next.send(call);
            } catch (TransportFailure e) {
                Optional<Duration> wait = retryable(e) ? nextDelay(call, retry, null) : Optional.empty();
                if (wait.isEmpty()) {
                    throw e.afterRetries(retry);
                }
                retry++;
                scheduled(call, retry, cause(e), 0, wait.get(), e.getMessage());
                pause(call, wait.get());
                continue;
            }
            call.observer().responseReceived(retry + 1, response.status());
            Optional<Duration> wait = RetryPolicy.retryable(response)
                    ? nextDelay(call, retry, response) : Optional.empty();
            if (wait.isEmpty()) {
                return response.withRetries(retry);
            }
            retry++;
            scheduled(call, retry, AttemptObserver.RetryCause.HTTP_STATUS, response.status(), wait.get(),
                    "HTTP " + response.status());
            pause(call, wait.get());
        }
    }

    private static boolean retryable(TransportFailure e) {
        return switch (e.reason()) {
            case CONNECTION_REFUSED, CONNECT_TIMEOUT, TIMEOUT, IO -> true;
            case UNKNOWN_HOST, TLS, TOO_LARGE, INTERRUPTED -> false;
        };
    }

    private static AttemptObserver.RetryCause cause(TransportFailure e) {
        return e.isTimeout() ? AttemptObserver.RetryCause.TIMEOUT : AttemptObserver.RetryCause.CONNECTION_FAILURE;
    }

    private static void scheduled(HttpCall call, int retry, AttemptObserver.RetryCause cause, int status, Duration wait,
            String reason) {
        LOG.trace("retrying call={} retry={} afterMs={} reason={}", call.call(), retry, wait.toMillis(), reason);
        call.observer().retryScheduled(retry, cause, status, wait);
    }

    private void pause(HttpCall call, Duration wait) {
        try {
            sleeper.sleep(wait);
        } catch (InterruptedException ie) {
            Thread.currentThread().interrupt();
            throw new TransportFailure(TransportFailure.Reason.INTERRUPTED, "", "interrupted while waiting to retry "
                    + call.call(), ie);
        }
    }

    @Override
    public CompletableFuture<RawResponse> sendAsync(HttpCall call) {
        return attemptAsync(call, 0);
    }

    private CompletableFuture<RawResponse> attemptAsync(HttpCall call, int retry) {
        call.observer().attemptStart(retry + 1);
        return next.sendAsync(call).handle((response, error) -> {
            if (error != null) {
                Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
                TransportFailure failure = cause instanceof TransportFailure ? (TransportFailure) cause : null;
                Optional<Duration> wait = failure != null && retryable(failure) ? nextDelay(call, retry, null)
                        : Optional.empty();
                if (wait.isEmpty()) {
                    return CompletableFuture.<RawResponse>failedFuture(failure != null ? failure.afterRetries(retry) : cause);
                }
                scheduled(call, retry + 1, cause(failure), 0, wait.get(), cause.getMessage());
                return sleeper.delay(wait.get()).thenCompose(v -> attemptAsync(call, retry + 1));
            }
            call.observer().responseReceived(retry + 1, response.status());
            Optional<Duration> wait = RetryPolicy.retryable(response)
                    ? nextDelay(call, retry, response) : Optional.empty();
            if (wait.isEmpty()) {
                return CompletableFuture.completedFuture(response.withRetries(retry));
            }
            scheduled(call, retry + 1, AttemptObserver.RetryCause.HTTP_STATUS, response.status(), wait.get(),
                    "HTTP " + response.status());
            return sleeper.delay(wait.get()).thenCompose(v -> attemptAsync(call, retry + 1));
        }).thenCompose(f -> f);
    }

    /** The wait before the next attempt, or empty when no further attempt may be made. */
    private Optional<Duration> nextDelay(HttpCall call, int retriesSoFar, RawResponse response) {
        if (!call.idempotent() || retriesSoFar >= policy.maxRetries()) {
            return Optional.empty();
        }
        Duration computed = policy.backoff(retriesSoFar + 1);
        if (response == null) {
            return Optional.of(computed);
        }
        Optional<String> header = response.headers().firstValue("Retry-After");
        if (header.isEmpty()) {
            return Optional.of(computed);
        }
        Optional<Duration> asked = parseRetryAfter(header.get().trim());
        if (asked.isEmpty()) {
            return Optional.of(computed);
        }
        if (asked.get().compareTo(policy.maxRetryAfter()) > 0) {
            return Optional.empty();
        }
        return Optional.of(asked.get().compareTo(computed) > 0 ? asked.get() : computed);
    }

    private Optional<Duration> parseRetryAfter(String value) {
        try {
            long seconds = Long.parseLong(value);
            return Optional.of(Duration.ofSeconds(Math.max(0, seconds)));
        } catch (NumberFormatException e) {
            try {
                ZonedDateTime at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME);
                Duration d = Duration.between(now.get(), at);
                return Optional.of(d.isNegative() ? Duration.ZERO : d);
            } catch (DateTimeParseException e2) {
                return Optional.empty();
            }
        }
    }
}
