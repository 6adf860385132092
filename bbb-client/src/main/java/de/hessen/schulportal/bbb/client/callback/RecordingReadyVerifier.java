package de.hessen.schulportal.bbb.client.callback;

import static de.hessen.schulportal.bbb.client.callback.CallbackSupport.RECORDING_READY;
import static de.hessen.schulportal.bbb.client.callback.CallbackSupport.fail;

import de.hessen.schulportal.bbb.client.callback.CallbackVerificationException.Reason;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import tools.jackson.databind.JsonNode;

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

    private final List<byte[]> keys;
    private final Set<JwtAlgorithm> allowedAlgorithms;
    private final int maxTokenLength;
    private final Clock clock;
    private final Duration leeway;

    private RecordingReadyVerifier(Builder b) {
        this.keys = CallbackSupport.secretKeys(b.secrets, "secrets");
        this.allowedAlgorithms = Collections.unmodifiableSet(EnumSet.copyOf(b.allowedAlgorithms));
        this.maxTokenLength = b.maxTokenLength;
        this.clock = b.clock;
        this.leeway = b.leeway;
    }

    /**
     * Starts a builder. At least one secret is required.
     *
     * @return a new builder
     */
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
        // The form adds only the field name and percent escapes around an ASCII token.
        if (formBody.length() > 3L * maxTokenLength + 64) {
            throw fail(RECORDING_READY, Reason.TOO_LARGE, "the body has " + formBody.length() + " characters, too many for a token cap of " + maxTokenLength);
        }
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
        if (formBody.length > 3L * maxTokenLength + 64) {
            throw fail(RECORDING_READY, Reason.TOO_LARGE, "the body has " + formBody.length + " bytes, too many for a token cap of " + maxTokenLength);
        }
        return verifyFormBody(CallbackSupport.decodeUtf8Strict(RECORDING_READY, formBody, "the body"));
    }

    /**
     * Verifies the token itself, e.g. when your framework has already decoded the form field.
     *
     * @param token the JWT, exactly as sent (no surrounding whitespace)
     * @return the verified callback
     * @throws CallbackVerificationException MISSING (no token, or claim {@code meeting_id} /
     *         {@code record_id} absent), TOO_LARGE, MALFORMED, UNSUPPORTED_ALGORITHM,
     *         BAD_SIGNATURE, EXPIRED or NOT_YET_VALID
     */
    public RecordingReady verifyToken(String token) {
        Jwt.Verified jwt = Jwt.verify(RECORDING_READY, token, keys, allowedAlgorithms, maxTokenLength);
        Jwt.checkTimes(RECORDING_READY, jwt.claims, clock, leeway, false);
        return new RecordingReady(requiredString(jwt.claims, "meeting_id"), requiredString(jwt.claims, "record_id"),
                jwt.algorithm, jwt.claimsJson);
    }

    private static String requiredString(JsonNode claims, String name) {
        JsonNode node = claims.get(name);
        if (node == null || node.isNull()) {
            throw fail(RECORDING_READY, Reason.MISSING, "the claim '" + name + "' is missing");
        }
        if (!node.isString() || node.stringValue().isEmpty()) {
            throw fail(RECORDING_READY, Reason.MALFORMED, "the claim '" + name + "' is not a non-empty string");
        }
        return node.stringValue();
    }

    @Override
    public String toString() {
        return "RecordingReadyVerifier[secrets=" + keys.size() + " (redacted), allowedAlgorithms=" + allowedAlgorithms
                + ", maxTokenLength=" + maxTokenLength + "]";
    }

    /** Builds a {@link RecordingReadyVerifier}. Not thread-safe; {@link #build()} copies everything. */
    public static final class Builder {
        private List<String> secrets = List.of();
        private Set<JwtAlgorithm> allowedAlgorithms = EnumSet.of(JwtAlgorithm.HS256, JwtAlgorithm.HS512);
        private int maxTokenLength = DEFAULT_MAX_TOKEN_LENGTH;
        private Clock clock = Clock.systemUTC();
        private Duration leeway = Duration.ofSeconds(60);

        private Builder() {
        }

        /**
         * The secrets a token may be signed with; any one matching is enough. Put the BigBlueButton
         * shared secret ({@code bbb-conf --secret}) here, or behind Scalelite the tenant's or load
         * balancer's secrets. Replaces earlier values.
         *
         * @param secrets one or more non-empty secrets (their UTF-8 bytes are the HMAC key)
         * @return this builder
         */
        public Builder secrets(String... secrets) {
            return secrets(Arrays.asList(Objects.requireNonNull(secrets, "secrets")));
        }

        /**
         * As {@link #secrets(String...)}.
         *
         * @param secrets one or more non-empty secrets
         * @return this builder
         */
        public Builder secrets(Collection<String> secrets) {
            this.secrets = List.copyOf(Objects.requireNonNull(secrets, "secrets"));
            return this;
        }

        /**
         * The algorithms accepted in the token header. Default: HS256 and HS512.
         *
         * @param algorithms one or more algorithms
         * @return this builder
         */
        public Builder allowedAlgorithms(JwtAlgorithm... algorithms) {
            if (algorithms.length == 0) {
                throw new IllegalArgumentException("allowedAlgorithms: at least one algorithm is required");
            }
            this.allowedAlgorithms = EnumSet.copyOf(Arrays.asList(algorithms));
            return this;
        }

        /**
         * The longest token accepted, in characters. Default {@value RecordingReadyVerifier#DEFAULT_MAX_TOKEN_LENGTH}.
         *
         * @param maxTokenLength a positive length
         * @return this builder
         */
        public Builder maxTokenLength(int maxTokenLength) {
            CallbackSupport.checkPositive(maxTokenLength, "maxTokenLength");
            this.maxTokenLength = maxTokenLength;
            return this;
        }

        /**
         * The clock for the optional time claims. Default: {@link Clock#systemUTC()}.
         *
         * @param clock the clock
         * @return this builder
         */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * The tolerated clock skew for the optional time claims. Default 60 seconds.
         *
         * @param leeway zero or positive
         * @return this builder
         */
        public Builder leeway(Duration leeway) {
            if (leeway.isNegative()) {
                throw new IllegalArgumentException("leeway must not be negative, was " + leeway);
            }
            this.leeway = leeway;
            return this;
        }

        /**
         * Builds the verifier.
         *
         * @return a new immutable verifier
         * @throws IllegalArgumentException if no secret, or an empty secret, was given
         */
        public RecordingReadyVerifier build() {
            return new RecordingReadyVerifier(this);
        }
    }
}
