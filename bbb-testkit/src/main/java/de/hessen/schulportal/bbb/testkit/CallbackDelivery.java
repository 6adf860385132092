// SPDX-License-Identifier: Apache-2.0
package de.hessen.schulportal.bbb.testkit;

import de.hessen.schulportal.bbb.testkit.internal.Delivery;
import java.time.Instant;
import java.util.Optional;

/**
 * One attempt of the simulator to deliver a callback. Kinds: {@code "webhook"} (bbb-webhooks
 * POST), {@code "recording-ready"} (POST with the JWT), {@code "meeting-ended-callback"} (GET to
 * {@code meta_endCallbackUrl}), {@code "meeting-ended-url"} (GET to {@code meetingEndedURL}).
 * Immutable.
 */
public final class CallbackDelivery {
    private final Delivery d;

    private CallbackDelivery(Delivery d) {
        this.d = d;
    }

    static CallbackDelivery of(Delivery d) {
        return new CallbackDelivery(d);
    }

    /**
     * The kind, see the class comment.
     *
     * @return the kind
     */
    public String kind() {
        return d.kind();
    }

    /**
     * {@code "GET"} or {@code "POST"}.
     *
     * @return the HTTP method
     */
    public String method() {
        return d.method();
    }

    /**
     * The exact URL requested, including an appended webhook {@code checksum}.
     *
     * @return the URL
     */
    public String url() {
        return d.url();
    }

    /**
     * The exact form body sent, for POSTs.
     *
     * @return the form body, or empty for GET requests
     */
    public Optional<String> body() {
        return Optional.ofNullable(d.body());
    }

    /**
     * The webhook event id (e.g. {@code user-joined}) for webhooks.
     *
     * @return the event id, or empty for callbacks that are not webhook events
     */
    public Optional<String> eventId() {
        return Optional.ofNullable(d.eventId());
    }

    /**
     * The receiver's HTTP status, or -1 if the request failed (see {@link #error()}).
     *
     * @return the HTTP status, or -1
     */
    public int status() {
        return d.status();
    }

    /**
     * Why the request failed, if it did.
     *
     * @return the reason, or empty if the receiver answered
     */
    public Optional<String> error() {
        return Optional.ofNullable(d.error());
    }

    /**
     * When it was sent, on the simulator clock.
     *
     * @return the send time
     */
    public Instant time() {
        return Instant.ofEpochMilli(d.time());
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CallbackDelivery && ((CallbackDelivery) o).d.equals(d);
    }

    @Override
    public int hashCode() {
        return d.hashCode();
    }

    @Override
    public String toString() {
        return "CallbackDelivery[kind=" + d.kind() + ", method=" + d.method() + ", eventId=" + d.eventId()
                + ", status=" + d.status() + "]";
    }
}
