// SPDX-License-Identifier: Apache-2.0
package de.hessen.schulportal.bbb.client.internal;

import java.time.Duration;

/**
 * What the transport stack reports about the attempts of one call. The client adapts it to its
 * public event listener; {@link #NONE} costs nothing.
 */
public interface AttemptObserver {
    /** Observes nothing. */
    AttemptObserver NONE = new AttemptObserver() {
    };

    /** Why an attempt is retried. */
    enum RetryCause {
        /** The connection failed or broke. */
        CONNECTION_FAILURE,
        /** The attempt ran out of time. */
        TIMEOUT,
        /** A retryable HTTP status. */
        HTTP_STATUS
    }

    /**
     * An attempt is about to be sent.
     *
     * @param attempt 1 for the first
     */
    default void attemptStart(int attempt) {
    }

    /**
     * An attempt got an answer.
     *
     * @param attempt the attempt number
     * @param status the HTTP status
     */
    default void responseReceived(int attempt, int status) {
    }

    /**
     * An attempt failed and another follows after {@code delay}.
     *
     * @param failedAttempt the attempt that failed
     * @param cause why
     * @param status the HTTP status for {@link RetryCause#HTTP_STATUS}, otherwise 0
     * @param delay the backoff
     */
    default void retryScheduled(int failedAttempt, RetryCause cause, int status, Duration delay) {
    }
}
