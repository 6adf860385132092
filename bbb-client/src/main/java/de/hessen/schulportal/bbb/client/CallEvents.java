// SPDX-License-Identifier: Apache-2.0
package de.hessen.schulportal.bbb.client;

import de.hessen.schulportal.bbb.client.event.BbbCall;
import de.hessen.schulportal.bbb.client.event.BbbEventListener;
import de.hessen.schulportal.bbb.client.event.FailureKind;
import de.hessen.schulportal.bbb.client.event.RetryReason;
import de.hessen.schulportal.bbb.client.internal.AttemptObserver;
import de.hessen.schulportal.bbb.client.internal.Redactor;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The events of one call, handed to the client's {@link BbbEventListener}. A listener that throws
 * is logged at WARN (its class and the exception's class only) and otherwise ignored. Without a
 * listener the client uses {@link #NONE}, whose methods return at once.
 */
final class CallEvents implements AttemptObserver {
    private static final Logger LOG = LoggerFactory.getLogger("de.hessen.schulportal.bbb.client");

    /** No listener: nothing is created or called. */
    static final CallEvents NONE = new CallEvents(null, null);

    private final BbbEventListener listener;
    private final BbbCall call;
    private long startNanos;

    private CallEvents(BbbEventListener listener, BbbCall call) {
        this.listener = listener;
        this.call = call;
    }

    /** The events of a call about to start, or {@link #NONE} if nobody listens. */
    static CallEvents of(BbbEventListener listener, String name, boolean async, boolean idempotent, String url) {
        if (listener == BbbEventListener.NONE) {
            return NONE;
        }
        return new CallEvents(listener, BbbCall.of(name, async, idempotent, () -> Redactor.redact(url)));
    }

    void start() {
        if (call == null) {
            return;
        }
        startNanos = System.nanoTime();
        try {
            listener.callStart(call);
        } catch (RuntimeException e) {
            warn("callStart", e);
        }
    }

    @Override
    public void attemptStart(int attempt) {
        if (call == null) {
            return;
        }
        try {
            listener.attemptStart(call, attempt);
        } catch (RuntimeException e) {
            warn("attemptStart", e);
        }
    }

    @Override
    public void responseReceived(int attempt, int status) {
        if (call == null) {
            return;
        }
        try {
            listener.responseReceived(call, attempt, status);
        } catch (RuntimeException e) {
            warn("responseReceived", e);
        }
    }

    @Override
    public void retryScheduled(int failedAttempt, RetryCause cause, int status, Duration delay) {
        if (call == null) {
            return;
        }
        RetryReason reason = cause == RetryCause.HTTP_STATUS ? RetryReason.HTTP_STATUS
                : cause == RetryCause.TIMEOUT ? RetryReason.TIMEOUT : RetryReason.CONNECTION_FAILURE;
        try {
            listener.retryScheduled(call, failedAttempt, reason, status, delay);
        } catch (RuntimeException e) {
            warn("retryScheduled", e);
        }
    }

    void succeeded() {
        if (call == null) {
            return;
        }
        try {
            listener.callSucceeded(call, Duration.ofNanos(System.nanoTime() - startNanos));
        } catch (RuntimeException e) {
            warn("callSucceeded", e);
        }
    }

    void failed(Throwable error) {
        if (call == null) {
            return;
        }
        FailureKind kind;
        String messageKey = null;
        if (error instanceof BbbApiException) {
            kind = FailureKind.API_ERROR;
            messageKey = ((BbbApiException) error).messageKey();
        } else if (error instanceof BbbTransportException) {
            kind = ((BbbTransportException) error).isTimeout() ? FailureKind.TIMEOUT : FailureKind.TRANSPORT;
        } else if (error instanceof BbbResponseException) {
            kind = FailureKind.INVALID_RESPONSE;
        } else {
            kind = FailureKind.OTHER;
        }
        try {
            listener.callFailed(call, kind, messageKey, Duration.ofNanos(System.nanoTime() - startNanos));
        } catch (RuntimeException e) {
            warn("callFailed", e);
        }
    }

    private void warn(String event, RuntimeException e) {
        // The exception's message could hold anything the listener saw: only class names are logged.
        LOG.warn("event listener {} threw {} in {} for call={}; ignored", listener.getClass().getName(),
                e.getClass().getName(), event, call.name());
    }
}
