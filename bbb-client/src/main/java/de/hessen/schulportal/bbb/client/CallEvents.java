// SPDX-License-Identifier: Apache-2.0
package de.hessen.schulportal.bbb.client;

import de.hessen.schulportal.bbb.client.event.BbbCall;
import de.hessen.schulportal.bbb.client.event.BbbEventListener;
import de.hessen.schulportal.bbb.client.event.FailureKind;
import de.hessen.schulportal.bbb.client.event.RetryReason;
import de.hessen.schulportal.bbb.client.internal.AttemptObserver;
import de.hessen.schulportal.bbb.client.internal.Redactor;
import java.time.Duration;
import java.util.function.Consumer;
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
        if (call != null) {
            startNanos = System.nanoTime();
            emit("callStart", l -> l.callStart(call));
        }
    }

    @Override
    public void attemptStart(int attempt) {
        emit("attemptStart", l -> l.attemptStart(call, attempt));
    }

    @Override
    public void responseReceived(int attempt, int status) {
        emit("responseReceived", l -> l.responseReceived(call, attempt, status));
    }

    @Override
    public void retryScheduled(int failedAttempt, RetryCause cause, int status, Duration delay) {
        RetryReason reason = cause == RetryCause.HTTP_STATUS ? RetryReason.HTTP_STATUS
                : cause == RetryCause.TIMEOUT ? RetryReason.TIMEOUT : RetryReason.CONNECTION_FAILURE;
        emit("retryScheduled", l -> l.retryScheduled(call, failedAttempt, reason, status, delay));
    }

    void succeeded() {
        emit("callSucceeded", l -> l.callSucceeded(call, Duration.ofNanos(System.nanoTime() - startNanos)));
    }

    void failed(Throwable error) {
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
        String key = messageKey;
        emit("callFailed", l -> l.callFailed(call, kind, key, Duration.ofNanos(System.nanoTime() - startNanos)));
    }

    /** Tells the listener, if there is one, and logs what it throws instead of passing it on. */
    private void emit(String event, Consumer<BbbEventListener> action) {
        if (call == null) {
            return;
        }
        try {
            action.accept(listener);
        } catch (RuntimeException e) {
            warn(event, e);
        }
    }

    private void warn(String event, RuntimeException e) {
        // The exception's message could hold anything the listener saw: only class names are logged.
        LOG.warn("event listener {} threw {} in {} for call={}; ignored", listener.getClass().getName(),
                e.getClass().getName(), event, call.name());
    }
}
