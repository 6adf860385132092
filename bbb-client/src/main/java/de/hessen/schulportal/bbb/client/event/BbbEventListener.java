// SPDX-License-Identifier: Apache-2.0
package de.hessen.schulportal.bbb.client.event;

import java.time.Duration;

/**
 * Observes the calls of one {@code BbbClient}: a call starts, each attempt starts, a retry is
 * scheduled, an answer arrives, the call succeeds or fails. Set it with
 * {@code BbbClient.builder().eventListener(listener)}; the default is {@link #NONE}.
 *
 * <p>Listeners see the call's name, its attempt numbers, HTTP statuses, BigBlueButton
 * {@code messageKey}s, failure kinds and durations: all of low cardinality and without personal
 * data. Nothing of a meeting ID, a name, the secret or a URL reaches a listener unless it asks
 * for the call's redacted URL with {@link BbbCall#redactedUrl()}.
 *
 * <p>Methods run on the thread that does the work (the caller's for sync calls, an HTTP or
 * callback thread for async ones): they must be fast, thread-safe and must not block. An
 * exception thrown by a listener is logged at WARN and otherwise ignored: it never changes the
 * outcome of the call. Every method has an empty default, so a listener overrides only what it
 * needs, and new events can be added without breaking listeners.
 */
public interface BbbEventListener {
    /** The listener that does nothing; the client's default. */
    BbbEventListener NONE = new BbbEventListener() {
    };

    /**
     * A call starts, before its request is signed and sent.
     *
     * @param call the call
     */
    default void callStart(BbbCall call) {
    }

    /**
     * An attempt starts: the request is about to be sent.
     *
     * @param call the call
     * @param attempt the attempt number, 1 for the first
     */
    default void attemptStart(BbbCall call, int attempt) {
    }

    /**
     * An attempt failed in a way that is retried; the next attempt follows after {@code delay}.
     *
     * @param call the call
     * @param failedAttempt the number of the attempt that failed
     * @param reason why it failed
     * @param httpStatus the HTTP status for {@link RetryReason#HTTP_STATUS}, otherwise 0
     * @param delay the backoff before the next attempt
     */
    default void retryScheduled(BbbCall call, int failedAttempt, RetryReason reason, int httpStatus, Duration delay) {
    }

    /**
     * An attempt received an answer (any HTTP status, before it is judged).
     *
     * @param call the call
     * @param attempt the attempt number
     * @param httpStatus the HTTP status
     */
    default void responseReceived(BbbCall call, int attempt, int httpStatus) {
    }

    /**
     * The call ended successfully.
     *
     * @param call the call
     * @param duration from {@link #callStart} to the end, retries and parsing included
     */
    default void callSucceeded(BbbCall call, Duration duration) {
    }

    /**
     * The call ended with an exception.
     *
     * @param call the call
     * @param kind the kind of failure
     * @param messageKey BigBlueButton's {@code messageKey} for {@link FailureKind#API_ERROR}
     *     (server-chosen text: bound or map it before using it as a metric tag), otherwise
     *     {@code null}
     * @param duration from {@link #callStart} to the end
     */
    default void callFailed(BbbCall call, FailureKind kind, String messageKey, Duration duration) {
    }
}
