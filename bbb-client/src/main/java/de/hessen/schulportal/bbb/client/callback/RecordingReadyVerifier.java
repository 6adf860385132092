// SPDX-License-Identifier: Apache-2.0
package de.hessen.schulportal.bbb.client.callback;

import static de.hessen.schulportal.bbb.client.callback.CallbackSupport.RECORDING_READY;

import de.hessen.schulportal.bbb.client.callback.CallbackVerifierBuilder.Settings;
import de.hessen.schulportal.bbb.client.internal.Validation;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Verifies the recording-ready callback that BigBlueButton (script
 * {@code post_publish_recording_ready_callback.rb}) or Scalelite POSTs to the URL given as
 * {@code meta_bbb-recording-ready-url} on {@code create}.
 *
 * <p>The request is {@code application/x-www-form-urlencoded} with one field,
 * {@code signed_parameters}, holding a JWT (JWS compact form) signed with HMAC. BigBlueButton uses
 * HS256 with its shared secret; Scalelite re-signs with HS256 or HS512 using the tenant or
 * load-balancer secret. The token carries the claims {@code meeting_id} (external meeting ID) and
 * {@code record_id}, and usually no expiry; if it has {@code exp}/{@code nbf}/{@code iat} they are
 * checked against the clock.
 *
 * <p>Rules: the algorithm must be in the allowed set (default HS256 and HS512; {@code none} and
 * asymmetric algorithms are never accepted); the signature must match one of the configured
 * secrets (several secrets support rotation and Scalelite tenants); the signature is compared in
 * constant time; header and claims must be JSON objects without duplicate keys; tokens longer than
 * the cap (default 8 KiB) are rejected before any parsing. A recording-ready token does not expire,
 * so a captured token can be replayed: serve the endpoint over HTTPS only and make its handling
 * idempotent.
 *
 * <p>Immutable and thread-safe; build one and share it.
 *
 * <pre>{@code
 * RecordingReadyVerifier verifier = RecordingReadyVerifier.builder()
 *         .secrets(currentSecret, previousSecret)
 *         .build();
 * RecordingReady ready = verifier.verifyFormBody(rawBody);   // throws CallbackVerificationException
 * importRecording(ready.meetingId(), ready.recordId());
 * }</pre>
 */
public final class RecordingReadyVerifier {
    /** Default cap on the token length: 8 KiB. */
    public static final int DEFAULT_MAX_TOKEN_LENGTH = 8 * 1024;
    /** Default cap on the form body: 32 KiB, room for the largest token with every character escaped. */
    public static final int DEFAULT_MAX_BODY_BYTES = 32 * 1024;

    private final Settings<JwtAlgorithm> settings;
    private final int maxTokenLength;

    private RecordingReadyVerifier(Builder b) {
        this.settings = b.settings();
        this.maxTokenLength = b.maxTokenLength;
    }

    /** {@return a new builder; at least one secret is required} */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Verifies a raw request body ({@code signed_parameters=<JWT>}, form-encoded).
     *
     * @param formBody the raw body exactly as received, not {@code null}
     * @return the verified callback
     * @throws CallbackVerificationException if the field is missing or repeated, the body is larger
     *         than the cap, or the token fails {@link #verifyToken(String)}
     */
    public RecordingReady verifyFormBody(String formBody) {
        Objects.requireNonNull(formBody, "formBody");
        settings.checkLength(RECORDING_READY, "the body", formBody.length(), "characters");
        Map<String, List<String>> fields = CallbackSupport.parseForm(RECORDING_READY, formBody);
        return verifyToken(CallbackSupport.single(RECORDING_READY, fields, "signed_parameters"));
    }

    /**
     * Verifies a raw request body given as bytes (decoded as UTF-8).
     *
     * @param formBody the raw body exactly as received, not {@code null}
     * @return the verified callback
     * @throws CallbackVerificationException as {@link #verifyFormBody(String)}, or MALFORMED if the
     *         bytes are not UTF-8
     */
    public RecordingReady verifyFormBody(byte[] formBody) {
        Objects.requireNonNull(formBody, "formBody");
        settings.checkLength(RECORDING_READY, "the body", formBody.length, "bytes");
        return verifyFormBody(CallbackSupport.decodeUtf8Strict(RECORDING_READY, formBody, "the body"));
    }

    /**
     * Verifies the token itself, e.g. when your framework has already decoded the form field.
     *
     * @param token the JWT, exactly as sent (no surrounding whitespace)
     * @return the verified callback
     * @throws NullPointerException if {@code token} is {@code null}
     * @throws CallbackVerificationException MISSING (no token, or claim {@code meeting_id} /
     *         {@code record_id} absent), TOO_LARGE, MALFORMED, UNSUPPORTED_ALGORITHM,
     *         BAD_SIGNATURE, EXPIRED or NOT_YET_VALID
     */
    public RecordingReady verifyToken(String token) {
        Objects.requireNonNull(token, "token");
        return Callbacks.recordingReady(Jwt.verify(RECORDING_READY, token, settings, maxTokenLength, false));
    }

    @Override
    public String toString() {
        return settings.describe("RecordingReadyVerifier", ", maxTokenLength=" + maxTokenLength);
    }

    /**
     * Builds a {@link RecordingReadyVerifier} on the shared settings and contract of
     * {@link CallbackVerifierBuilder}; here {@code allowedAlgorithms} defaults to HS256 and HS512 and
     * {@code maxInputLength} caps the form body, default {@value RecordingReadyVerifier#DEFAULT_MAX_BODY_BYTES} bytes.
     */
    public static final class Builder extends CallbackVerifierBuilder<Builder, JwtAlgorithm> {
        private int maxTokenLength = DEFAULT_MAX_TOKEN_LENGTH;

        private Builder() {
            super(EnumSet.allOf(JwtAlgorithm.class), EnumSet.of(JwtAlgorithm.HS256, JwtAlgorithm.HS512), DEFAULT_MAX_BODY_BYTES);
        }

        /** The longest token accepted, in characters, positive. Default {@value RecordingReadyVerifier#DEFAULT_MAX_TOKEN_LENGTH}. */
        public Builder maxTokenLength(int maxTokenLength) {
            this.maxTokenLength = Validation.positive("maxTokenLength", maxTokenLength);
            return this;
        }

        /**
         * {@return a new immutable verifier}
         *
         * @throws IllegalArgumentException if no secret or key was given
         */
        public RecordingReadyVerifier build() {
            return new RecordingReadyVerifier(this);
        }
    }
}
