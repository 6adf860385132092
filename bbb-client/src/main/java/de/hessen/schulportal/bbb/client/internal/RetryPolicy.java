// SPDX-License-Identifier: Apache-2.0
package de.hessen.schulportal.bbb.client.internal;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

/**
 * When and how long to wait before the next attempt: exponential backoff with jitter, and the
 * server's {@code Retry-After} where it sends one (up to a cap, beyond which waiting is pointless
 * for an interactive portal). {@code maxRetries} counts the retries after the first attempt; a
 * {@code Retry-After} longer than {@code maxRetryAfter} ends the retries.
 */
public record RetryPolicy(int maxRetries, Duration initialBackoff, Duration maxBackoff, Duration maxRetryAfter) {
    /** {@code returncode} FAILED in an XML or JSON envelope. */
    private static final Pattern FAILED = Pattern.compile(
            "<returncode>\\s*FAILED\\s*</returncode>|\"returncode\"\\s*:\\s*\"FAILED\"");
    /** How much of a body is searched: an envelope's returncode comes first. */
    private static final int FAILED_SCAN_BYTES = 4096;

    /**
     * The delay before retry number {@code retry} (1-based): a random value between half and all
     * of {@code initialBackoff * 2^(retry-1)}, capped at {@code maxBackoff}. The jitter keeps many
     * portal instances from retrying in lock step after an outage.
     */
    public Duration backoff(int retry) {
        long base = initialBackoff.toMillis();
        long exp = base << Math.min(20, retry - 1);
        long capped = Math.min(exp, maxBackoff.toMillis());
        long half = capped / 2;
        return Duration.ofMillis(half + ThreadLocalRandom.current().nextLong(capped - half + 1));
    }

    /** Whether an HTTP status is worth another attempt: 429, 502, 503, 504. */
    public static boolean retryableStatus(int status) {
        return status == 429 || status == 502 || status == 503 || status == 504;
    }

    /**
     * Whether an answer is worth another attempt: a retryable status, unless the body is a
     * BigBlueButton envelope with {@code returncode} FAILED. The server (or Scalelite) has decided
     * then, whatever the status says, and a FAILED is never retried.
     */
    public static boolean retryable(RawResponse response) {
        if (!retryableStatus(response.status())) {
            return false;
        }
        byte[] body = response.body();
        int n = Math.min(body.length, FAILED_SCAN_BYTES);
        return !FAILED.matcher(new String(body, 0, n, StandardCharsets.ISO_8859_1)).find();
    }
}
