package de.hessen.schulportal.bbb.client.internal;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * When and how long to wait before the next attempt: exponential backoff with jitter, and the
 * server's {@code Retry-After} where it sends one (up to a cap, beyond which waiting is pointless
 * for an interactive portal).
 *
 * @param maxRetries how many retries after the first attempt
 * @param initialBackoff the base delay before the first retry
 * @param maxBackoff the largest computed delay
 * @param maxRetryAfter the longest {@code Retry-After} honoured; a longer one ends the retries
 */
public record RetryPolicy(int maxRetries, Duration initialBackoff, Duration maxBackoff, Duration maxRetryAfter) {

    /**
     * The delay before retry number {@code retry} (1-based): a random value between half and all
     * of {@code initialBackoff * 2^(retry-1)}, capped at {@code maxBackoff}. The jitter keeps many
     * portal instances from retrying in lock step after an outage.
     *
     * @param retry the retry number, from 1
     * @return the delay
     */
    public Duration backoff(int retry) {
        long base = initialBackoff.toMillis();
        long exp = base << Math.min(20, retry - 1);
        long capped = Math.min(exp, maxBackoff.toMillis());
        long half = capped / 2;
        return Duration.ofMillis(half + ThreadLocalRandom.current().nextLong(capped - half + 1));
    }

    /**
     * Whether an HTTP status is worth another attempt: 429, 502, 503, 504.
     *
     * @param status the HTTP status
     * @return {@code true} if retryable
     */
    public static boolean retryableStatus(int status) {
        return status == 429 || status == 502 || status == 503 || status == 504;
    }
}
