// SPDX-License-Identifier: Apache-2.0
package de.hessen.schulportal.bbb.testkit;

import de.hessen.schulportal.bbb.testkit.internal.Delivery;
import de.hessen.schulportal.bbb.testkit.internal.ValueType;
import java.time.Instant;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * One attempt of the simulator to deliver a callback or fetch a document. Kinds: {@code "webhook"}
 * (bbb-webhooks POST), {@code "recording-ready"} (POST with the JWT), {@code "meeting-ended-callback"}
 * (GET to {@code meta_endCallbackUrl}), {@code "meeting-ended-url"} (GET to {@code meetingEndedURL}),
 * {@code "analytics"} (learning-analytics POST to {@code meta_analytics-callback-url}, JSON with an
 * HS512 bearer JWT), {@code "presentation-download"} (GET of a URL document of {@code create}).
 * Immutable; {@code toString()} masks the URL and the body, which carry checksums and tokens.
 */
@Value.Immutable
@ValueType
abstract class AbstractCallbackDelivery {
    static CallbackDelivery of(Delivery d) {
        return CallbackDelivery.builder().kind(d.kind()).method(d.method()).url(d.url()).body(Optional.ofNullable(d.body()))
                .eventId(Optional.ofNullable(d.eventId())).status(d.status()).error(Optional.ofNullable(d.error()))
                .time(Instant.ofEpochMilli(d.time())).build();
    }

    /** {@return the kind, see the class comment} */
    public abstract String kind();

    /** {@return the HTTP method, {@code "GET"} or {@code "POST"}} */
    public abstract String method();

    /** {@return the exact URL requested, including an appended webhook {@code checksum}} */
    @Value.Redacted
    public abstract String url();

    /** {@return the exact form body sent, for POSTs; empty for GET requests} */
    @Value.Redacted
    public abstract Optional<String> body();

    /** {@return the webhook event id (e.g. {@code user-joined}) for webhooks; empty for callbacks that are not webhook events} */
    public abstract Optional<String> eventId();

    /** {@return the receiver's HTTP status, or -1 if the request failed (see {@link #error()})} */
    public abstract int status();

    /**
     * {@return why the request failed, if it did: the exception's simple class name (e.g.
     * {@code ConnectException}, {@code IllegalArgumentException} for a malformed URL), not its message,
     * which would repeat the URL with its checksum or token; for a document past the size limit, that
     * limit; empty if the receiver answered}
     */
    public abstract Optional<String> error();

    /** {@return when it was sent, on the simulator clock} */
    public abstract Instant time();
}
