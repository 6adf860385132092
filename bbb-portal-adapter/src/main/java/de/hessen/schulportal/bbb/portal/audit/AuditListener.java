// SPDX-License-Identifier: Apache-2.0
package de.hessen.schulportal.bbb.portal.audit;

/**
 * Receives the adapter's {@link AuditEvent}s: one per decision that matters to a data-protection
 * officer (joins decided, recordings deleted, callbacks refused). Unlike the client's
 * {@code BbbEventListener}, which sees HTTP calls, this sees decisions, including those that make
 * no call (a refused join).
 *
 * <p>Called synchronously on the thread that made the decision, so it must be fast and thread-safe
 * (a logger is). An exception it throws is logged at WARN (its class only) and otherwise ignored:
 * it never changes a decision. The default everywhere is {@link #NONE}.
 *
 * <pre>{@code
 * Logger audit = LoggerFactory.getLogger("de.hessen.schulportal.bbb.audit");
 * SchoolConferences.builder()...auditListener(e -> audit.info(e.toLine())).build();
 * }</pre>
 */
@FunctionalInterface
public interface AuditListener {
    /** The listener that does nothing. */
    AuditListener NONE = event -> {
    };

    /**
     * One decision.
     *
     * @param event the event; never null
     */
    void onEvent(AuditEvent event);

    /**
     * The listener wrapped so that an exception it throws is logged at WARN (its class only, never
     * its message, which might carry what the event keeps out) and ignored.
     *
     * @param listener the listener
     * @return the guarded listener; {@link #NONE} stays {@link #NONE}
     * @throws NullPointerException if the listener is null
     */
    static AuditListener guarded(AuditListener listener) {
        java.util.Objects.requireNonNull(listener, "auditListener");
        if (listener == NONE) {
            return NONE;
        }
        return event -> {
            try {
                listener.onEvent(event);
            } catch (RuntimeException e) {
                org.slf4j.LoggerFactory.getLogger(AuditListener.class)
                        .warn("audit listener failed [event={} error={}]", event.name(), e.getClass().getName());
            }
        };
    }
}
