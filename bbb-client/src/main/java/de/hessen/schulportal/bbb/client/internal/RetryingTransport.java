package de.hessen.schulportal.bbb.client.internal;

import de.hessen.schulportal.bbb.client.BbbTransportException;
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
 * exponential backoff. Non-idempotent calls get exactly one attempt. A parsed {@code FAILED} never
 * reaches this layer as a failure, so it is never retried. The answer of a discarded attempt is
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
            try {
                response = next.send(call);
            } catch (BbbTransportException e) {
                Optional<Duration> wait = nextDelay(call, retry, null);
                if (wait.isEmpty()) {
                    throw e;
                }
                retry++;
                pause(call, wait.get(), retry, e.getMessage());
                continue;
            }
            Optional<Duration> wait = RetryPolicy.retryable(response)
                    ? nextDelay(call, retry, response) : Optional.empty();
            if (wait.isEmpty()) {
                return response.withRetries(retry);
            }
            retry++;
            pause(call, wait.get(), retry, "HTTP " + response.status());
        }
    }

    private void pause(HttpCall call, Duration wait, int retry, String reason) {
        LOG.debug("retrying call={} retry={} afterMs={} reason={}", call.call(), retry, wait.toMillis(), reason);
        try {
            sleeper.sleep(wait);
        } catch (InterruptedException ie) {
            Thread.currentThread().interrupt();
            throw new BbbTransportException(call.call(), "interrupted while waiting to retry " + call.call(), ie, false);
        }
    }

    @Override
    public CompletableFuture<RawResponse> sendAsync(HttpCall call) {
        return attemptAsync(call, 0);
    }

    private CompletableFuture<RawResponse> attemptAsync(HttpCall call, int retry) {
        return next.sendAsync(call).handle((response, error) -> {
            if (error != null) {
                Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
                Optional<Duration> wait = cause instanceof BbbTransportException ? nextDelay(call, retry, null) : Optional.empty();
                if (wait.isEmpty()) {
                    return CompletableFuture.<RawResponse>failedFuture(cause);
                }
                LOG.debug("retrying call={} retry={} afterMs={} reason={}", call.call(), retry + 1, wait.get().toMillis(),
                        cause.getMessage());
                return sleeper.delay(wait.get()).thenCompose(v -> attemptAsync(call, retry + 1));
            }
            Optional<Duration> wait = RetryPolicy.retryable(response)
                    ? nextDelay(call, retry, response) : Optional.empty();
            if (wait.isEmpty()) {
                return CompletableFuture.completedFuture(response.withRetries(retry));
            }
            LOG.debug("retrying call={} retry={} afterMs={} reason=HTTP {}", call.call(), retry + 1, wait.get().toMillis(),
                    response.status());
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
