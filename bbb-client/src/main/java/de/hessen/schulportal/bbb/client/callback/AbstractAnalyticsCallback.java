// SPDX-License-Identifier: Apache-2.0
package de.hessen.schulportal.bbb.client.callback;

import de.hessen.schulportal.bbb.client.internal.ValueType;
import java.time.Instant;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * A verified learning-analytics callback: the dashboard data BigBlueButton posts to
 * {@code meta_analytics-callback-url} when a meeting ends.
 *
 * <p>The claims are authenticated by the bearer token; the body is <em>not</em> covered by the
 * token (it is only protected by TLS), which is why {@link #meetingId()} prefers the signed claim
 * and the verifier rejects a body that names a different meeting than the claims. The body is kept
 * as BigBlueButton sent it: this SDK does not model the dashboard document.
 *
 * <p>Immutable. Obtained from {@link AnalyticsCallbackVerifier}, or built by
 * {@link AnalyticsCallback#builder()} in tests (texts {@code ""}/{@code {}}, the algorithm
 * {@link JwtAlgorithm#HS512}). {@code toString()} leaves out the claims and the body (it names
 * every attendee).
 */
@Value.Immutable
@ValueType
abstract class AbstractAnalyticsCallback {
    /** {@return the verified token claims, as the JSON text that was signed; never in {@code toString()}} */
    @Value.Default
    @Value.Redacted
    public String claimsJson() {
        return "{}";
    }

    /** {@return the request body unchanged: the learning-dashboard JSON document; personal data, never in {@code toString()}} */
    @Value.Default
    @Value.Redacted
    public String bodyJson() {
        return "{}";
    }

    /**
     * {@return the meeting the data belongs to: the claim {@code meeting_id} if the token has one,
     * else the body's top-level {@code meeting_id} (or {@code meetingId}); empty if neither names one}
     */
    public abstract Optional<String> meetingId();

    /**
     * {@return whether {@link #meetingId()} comes from the signed token}. When it comes from the body
     * only, anyone who captured a valid token (any meeting's, while it is unexpired: about 24 hours)
     * could have sent it with another body; do not let such data overwrite a meeting's stored data
     * without checking it against what you know of the meeting.
     */
    @Value.Default
    public boolean isMeetingIdSigned() {
        return false;
    }

    /** {@return the token's expiry (claim {@code exp}); empty if the verifier was configured not to require one and there is none} */
    public abstract Optional<Instant> expiresAt();

    /** {@return the algorithm the token was signed with, normally {@link JwtAlgorithm#HS512}} */
    @Value.Default
    public JwtAlgorithm algorithm() {
        return JwtAlgorithm.HS512;
    }
}
