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

    /** An attempt (1 for the first) is about to be sent. */
    default void attemptStart(int attempt) {
    }

    /** An attempt got an answer. */
    default void responseReceived(int attempt, int status) {
    }

    /** An attempt failed and another follows after {@code delay}; {@code status} is 0 unless the cause is {@code HTTP_STATUS}. */
    default void retryScheduled(int failedAttempt, RetryCause cause, int status, Duration delay) {
    }
}
