// SPDX-License-Identifier: Apache-2.0
package de.hessen.schulportal.bbb.client.callback;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A verified learning-analytics callback: the dashboard data BigBlueButton posts to
 * {@code meta_analytics-callback-url} when a meeting ends.
 *
 * <p>Immutable. The claims are authenticated by the bearer token; the body is <em>not</em> covered
 * by the token (it is only protected by TLS), which is why {@link #meetingId()} prefers the signed
 * claim and the verifier rejects a body that names a different meeting than the claims.
 */
public final class AnalyticsCallback {
    private final String claimsJson;
    private final String bodyJson;
    private final String meetingId;
    private final boolean meetingIdSigned;
    private final Instant expiresAt;
    private final JwtAlgorithm algorithm;

    AnalyticsCallback(String claimsJson, String bodyJson, String meetingId, boolean meetingIdSigned, Instant expiresAt,
            JwtAlgorithm algorithm) {
        this.claimsJson = claimsJson;
        this.bodyJson = bodyJson;
        this.meetingId = meetingId;
        this.meetingIdSigned = meetingIdSigned;
        this.expiresAt = expiresAt;
        this.algorithm = algorithm;
    }

    /**
     * The verified token claims, as the JSON text that was signed.
     *
     * @return a JSON object
     */
    public String claimsJson() {
        return claimsJson;
    }

    /**
     * The request body, unchanged: the learning-dashboard JSON document.
     *
     * @return the raw JSON text
     */
    public String bodyJson() {
        return bodyJson;
    }

    /**
     * The meeting the data belongs to: the claim {@code meeting_id} if the token has one, else the
     * body's top-level {@code meeting_id} (or {@code meetingId}), as strings.
     *
     * @return the meeting ID, or empty if neither names one
     */
    public Optional<String> meetingId() {
        return Optional.ofNullable(meetingId);
    }

    /**
     * Whether {@link #meetingId()} comes from the signed token. When it comes from the body only,
     * anyone who captured a valid token (any meeting's, while it is unexpired: about 24 hours) could
     * have sent it with another body; do not let such data overwrite a meeting's stored data
     * without checking it against what you know of the meeting.
     *
     * @return {@code true} if the token's claims name the meeting
     */
    public boolean isMeetingIdSigned() {
        return meetingIdSigned;
    }

    /**
     * The token's expiry (claim {@code exp}).
     *
     * @return the expiry, or empty if the verifier was configured not to require one and there is none
     */
    public Optional<Instant> expiresAt() {
        return Optional.ofNullable(expiresAt);
    }

    /**
     * The algorithm the token was signed with.
     *
     * @return normally {@link JwtAlgorithm#HS512}
     */
    public JwtAlgorithm algorithm() {
        return algorithm;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof AnalyticsCallback)) {
            return false;
        }
        AnalyticsCallback other = (AnalyticsCallback) o;
        return claimsJson.equals(other.claimsJson) && bodyJson.equals(other.bodyJson)
                && Objects.equals(meetingId, other.meetingId) && meetingIdSigned == other.meetingIdSigned
                && Objects.equals(expiresAt, other.expiresAt)
                && algorithm == other.algorithm;
    }

    @Override
    public int hashCode() {
        return Objects.hash(claimsJson, bodyJson, meetingId, meetingIdSigned, expiresAt, algorithm);
    }

    @Override
    public String toString() {
        return "AnalyticsCallback[meetingId=" + meetingId + ", meetingIdSigned=" + meetingIdSigned + ", expiresAt="
                + expiresAt + ", algorithm=" + algorithm + ", bodyLength=" + bodyJson.length() + "]";
    }
}
