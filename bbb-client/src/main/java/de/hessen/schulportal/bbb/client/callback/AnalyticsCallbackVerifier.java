// SPDX-License-Identifier: Apache-2.0
package de.hessen.schulportal.bbb.client.callback;

import static de.hessen.schulportal.bbb.client.callback.CallbackSupport.ANALYTICS;

import de.hessen.schulportal.bbb.client.callback.CallbackVerificationException.Reason;
import de.hessen.schulportal.bbb.client.callback.CallbackVerifierBuilder.Settings;
import de.hessen.schulportal.bbb.client.internal.Validation;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Verifies the learning-analytics callback that BigBlueButton POSTs to
 * {@code meta_analytics-callback-url}: JSON dashboard data with
 * {@code Authorization: Bearer <JWT>}, the JWT signed HS512 with the server's shared secret and
 * carrying {@code exp} (seconds since the epoch, about 24 hours after sending).
 *
 * <p>Rules: algorithm in the allowed set (default HS512 only); signature matches one of the
 * secrets (constant-time); {@code exp} present (configurable) and not passed, judged by the
 * injected {@link java.time.Clock} with a small leeway (default 60 s); {@code nbf}/{@code iat} not in the
 * future; token at most 8 KiB and body at most 16 MiB by default; body valid JSON. The token
 * authenticates the sender but does not cover the body; if both the claims and the body name a
 * meeting ({@code meeting_id}), they must agree, else {@link Reason#MEETING_MISMATCH}.
 *
 * <p>Immutable and thread-safe.
 *
 * <pre>{@code
 * AnalyticsCallbackVerifier verifier = AnalyticsCallbackVerifier.builder()
 *         .secrets(bbbSecret)
 *         .build();
 * AnalyticsCallback data = verifier.verify(request.getHeader("Authorization"), bodyBytes);
 * store(data.meetingId().orElse("?"), data.bodyJson());
 * }</pre>
 */
public final class AnalyticsCallbackVerifier {
    /** Default cap on the token length: 8 KiB. */
    public static final int DEFAULT_MAX_TOKEN_LENGTH = 8 * 1024;
    /** Default cap on the body size: 16 MiB. */
    public static final int DEFAULT_MAX_BODY_BYTES = 16 * 1024 * 1024;

    private final Settings<JwtAlgorithm> settings;
    private final int maxTokenLength;
    private final boolean requireExpiry;

    private AnalyticsCallbackVerifier(Builder b) {
        this.settings = b.settings();
        this.maxTokenLength = b.maxTokenLength;
        this.requireExpiry = b.requireExpiry;
    }

    /** {@return a new builder; at least one secret is required} */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Verifies a callback from its {@code Authorization} header value and raw body.
     *
     * @param authorization the header value, {@code Bearer <JWT>}; {@code null} if absent
     * @param body the raw body bytes (UTF-8 JSON), not {@code null}
     * @return the verified callback
     * @throws CallbackVerificationException MISSING (no bearer token, no {@code exp}), TOO_LARGE,
     *         MALFORMED (token or body), UNSUPPORTED_ALGORITHM, BAD_SIGNATURE, EXPIRED,
     *         NOT_YET_VALID, MEETING_MISMATCH
     */
    public AnalyticsCallback verify(String authorization, byte[] body) {
        Objects.requireNonNull(body, "body");
        String token = CallbackSupport.bearer(ANALYTICS, authorization);
        settings.checkLength(ANALYTICS, "the body", body.length, "bytes");
        Jwt.Verified jwt = Jwt.verify(ANALYTICS, token, settings, maxTokenLength, requireExpiry);
        return Callbacks.analyticsCallback(jwt, CallbackSupport.decodeUtf8Strict(ANALYTICS, body, "the body"));
    }

    /**
     * As {@link #verify(String, byte[])}, with the body as a string (encoded as UTF-8).
     *
     * @param authorization the header value, {@code Bearer <JWT>}; {@code null} if absent
     * @param body the raw body, not {@code null}
     * @return the verified callback
     * @throws CallbackVerificationException as {@link #verify(String, byte[])}
     */
    public AnalyticsCallback verify(String authorization, String body) {
        return verify(authorization, CallbackSupport.utf8(Objects.requireNonNull(body, "body")));
    }

    /**
     * As {@link #verify(String, byte[])}, taking all request headers; the {@code Authorization}
     * header is looked up case-insensitively and must appear once.
     *
     * @param headers request headers, name to values, not {@code null}
     * @param body the raw body bytes, not {@code null}
     * @return the verified callback
     * @throws CallbackVerificationException as {@link #verify(String, byte[])}; MALFORMED if the
     *         header appears more than once
     */
    public AnalyticsCallback verify(Map<String, List<String>> headers, byte[] body) {
        return verify(CallbackSupport.singleHeader(ANALYTICS, headers, "Authorization"), body);
    }

    @Override
    public String toString() {
        return settings.describe("AnalyticsCallbackVerifier", ", requireExpiry=" + requireExpiry);
    }

    /**
     * Builds an {@link AnalyticsCallbackVerifier} on the shared settings and contract of
     * {@link CallbackVerifierBuilder}; here {@code allowedAlgorithms} defaults to HS512 only and
     * {@code maxInputLength} caps the JSON body, default 16 MiB.
     */
    public static final class Builder extends CallbackVerifierBuilder<Builder, JwtAlgorithm> {
        private int maxTokenLength = DEFAULT_MAX_TOKEN_LENGTH;
        private boolean requireExpiry = true;

        private Builder() {
            super(EnumSet.allOf(JwtAlgorithm.class), EnumSet.of(JwtAlgorithm.HS512), DEFAULT_MAX_BODY_BYTES);
        }

        /** Whether a token without {@code exp} is rejected. Default {@code true}, as BigBlueButton always sets it. */
        public Builder requireExpiry(boolean requireExpiry) {
            this.requireExpiry = requireExpiry;
            return this;
        }

        /** The longest token accepted, in characters, positive. Default 8 KiB. */
        public Builder maxTokenLength(int maxTokenLength) {
            this.maxTokenLength = Validation.positive("maxTokenLength", maxTokenLength);
            return this;
        }

        /**
         * {@return a new immutable verifier}
         *
         * @throws IllegalArgumentException if no secret or key was given
         */
        public AnalyticsCallbackVerifier build() {
            return new AnalyticsCallbackVerifier(this);
        }
    }
}
