// SPDX-License-Identifier: Apache-2.0
package de.hessen.schulportal.bbb.spring;

import de.hessen.schulportal.bbb.client.event.BbbCall;
import de.hessen.schulportal.bbb.client.event.BbbEventListener;
import de.hessen.schulportal.bbb.client.event.FailureKind;
import de.hessen.schulportal.bbb.client.event.RetryReason;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands every event to several listeners in order. One failing listener does not keep the
 * others from seeing the event.
 */
final class CompositeEventListener implements BbbEventListener {
    private static final Logger LOG = LoggerFactory.getLogger(CompositeEventListener.class);
    private final List<BbbEventListener> listeners;

    private CompositeEventListener(List<BbbEventListener> listeners) {
        this.listeners = List.copyOf(listeners);
    }

    /**
     * The listener for a client: {@link BbbEventListener#NONE}, the only one, or all of them.
     *
     * @param listeners the listeners in order
     * @return one listener
     */
    static BbbEventListener of(List<BbbEventListener> listeners) {
        if (listeners.isEmpty()) {
            return BbbEventListener.NONE;
        }
        return listeners.size() == 1 ? listeners.get(0) : new CompositeEventListener(listeners);
    }

    private void each(Consumer<BbbEventListener> event) {
        for (BbbEventListener l : listeners) {
            try {
                event.accept(l);
            } catch (RuntimeException e) {
                LOG.warn("BbbEventListener {} failed: {}", l.getClass().getName(), e.toString());
            }
        }
    }

    @Override
    public void callStart(BbbCall call) {
        each(l -> l.callStart(call));
    }

    @Override
    public void attemptStart(BbbCall call, int attempt) {
        each(l -> l.attemptStart(call, attempt));
    }

    @Override
    public void retryScheduled(BbbCall call, int failedAttempt, RetryReason reason, int httpStatus, Duration delay) {
        each(l -> l.retryScheduled(call, failedAttempt, reason, httpStatus, delay));
    }

    @Override
    public void responseReceived(BbbCall call, int attempt, int httpStatus) {
        each(l -> l.responseReceived(call, attempt, httpStatus));
    }

    @Override
    public void callSucceeded(BbbCall call, Duration duration) {
        each(l -> l.callSucceeded(call, duration));
    }

    @Override
    public void callFailed(BbbCall call, FailureKind kind, String messageKey, Duration duration) {
        each(l -> l.callFailed(call, kind, messageKey, duration));
    }
}
