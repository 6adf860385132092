// SPDX-License-Identifier: Apache-2.0
package de.hessen.schulportal.bbb.client.callback;

import static de.hessen.schulportal.bbb.client.callback.CallbackSupport.MEETING_ENDED;
import static de.hessen.schulportal.bbb.client.callback.CallbackSupport.fail;

import de.hessen.schulportal.bbb.client.callback.CallbackVerificationException.Reason;
import de.hessen.schulportal.bbb.client.callback.CallbackVerifierBuilder.Settings;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.EnumSet;
import java.util.Objects;

/**
 * Verifies the meeting-ended GET whose URL was signed by {@link MeetingEndedCallbackSigner}.
 *
 * <p>Checks: exactly one {@code cbtoken} and exactly one {@code meetingID} parameter (the one
 * BigBlueButton appends, or the one {@link MeetingEndedCallbackSigner#signMeetingEndedUrl} put in);
 * the token's MAC, under one of the configured keys, covers that meeting ID (constant-time
 * comparison); the token has not expired and was not issued in the future (with leeway).
 * {@code recordingmarks} is read if present, at most once, and is not covered by the token.
 *
 * <p>Immutable and thread-safe.
 *
 * <pre>{@code
 * MeetingEndedCallbackVerifier verifier = MeetingEndedCallbackVerifier.builder()
 *         .keys(callbackKey)
 *         .build();
 * MeetingEnded ended = verifier.verify(requestUrl);   // full URL with query, as received
 * markEnded(ended.meetingId(), ended.hasRecordingMarks());
 * }</pre>
 */
public final class MeetingEndedCallbackVerifier {
    /** Default cap on the request URL: 8 KiB characters. */
    public static final int DEFAULT_MAX_URL_LENGTH = 8 * 1024;

    private final Settings<JwtAlgorithm> settings;

    private MeetingEndedCallbackVerifier(Builder b) {
        this.settings = b.settings();
        for (byte[] k : settings.keys()) {
            MeetingEndedTokens.checkKey(k, "keys");
        }
    }

    /** {@return a new builder; at least one key is required} */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Verifies the URL of an incoming meeting-ended request.
     *
     * @param requestUrl the full request URL including its query, or just the raw query string
     *        (with or without a leading {@code ?})
     * @return the verified callback
     * @throws CallbackVerificationException MISSING (no token or meeting ID), MALFORMED (repeated
     *         parameters, bad encoding, bad token format), TOO_LARGE, BAD_SIGNATURE (wrong key,
     *         or token made for another meeting), EXPIRED, NOT_YET_VALID
     */
    public MeetingEnded verify(String requestUrl) {
        Objects.requireNonNull(requestUrl, "requestUrl");
        settings.checkLength(MEETING_ENDED, "the URL", requestUrl.length(), "characters");
        String query = requestUrl;
        int hash = query.indexOf('#');
        if (hash >= 0) {
            query = query.substring(0, hash);
        }
        int q = query.indexOf('?');
        if (q >= 0) {
            query = query.substring(q + 1);
        } else if (query.contains("://")) {
            query = "";
        }
        Map<String, List<String>> params = CallbackSupport.parseForm(MEETING_ENDED, query);
        String token = CallbackSupport.single(MEETING_ENDED, params, MeetingEndedCallbackSigner.TOKEN_PARAMETER);
        String meetingId = CallbackSupport.single(MEETING_ENDED, params, "meetingID");
        if (meetingId.isEmpty()) {
            throw fail(MEETING_ENDED, Reason.MISSING, "the meetingID parameter is empty");
        }

        String[] parts = token.split("\\.", -1);
        if (parts.length != 4 || !parts[0].equals(MeetingEndedTokens.VERSION) || !CallbackSupport.isDigits(parts[1], 12)
                || !CallbackSupport.isDigits(parts[2], 12) || parts[3].length() != 43) {
            throw fail(MEETING_ENDED, Reason.MALFORMED, "the token is not in the expected format");
        }
        long iat = Long.parseLong(parts[1]);
        long exp = Long.parseLong(parts[2]);
        settings.requireSignature(MEETING_ENDED, "the token for this meeting ID",
                key -> MeetingEndedTokens.mac(key, iat, exp, meetingId).getBytes(StandardCharsets.US_ASCII),
                parts[3].getBytes(StandardCharsets.UTF_8));
        if (exp != 0) {
            settings.checkExpiry(MEETING_ENDED, "the signed URL", Instant.ofEpochSecond(exp));
        }
        Instant issuedAt = Instant.ofEpochSecond(iat);
        settings.checkNotFuture(MEETING_ENDED, "the signed URL was issued in the future, at " + issuedAt, issuedAt);
        return Callbacks.meetingEnded(meetingId, params, iat, exp);
    }

    @Override
    public String toString() {
        return settings.describe("MeetingEndedCallbackVerifier", "");
    }

    /**
     * Builds a {@link MeetingEndedCallbackVerifier} on the shared settings and contract of
     * {@link CallbackVerifierBuilder}; here the keys (or secrets) have at least 32 bytes each, the
     * current one first and older ones during rotation; {@code allowedAlgorithms} is
     * {@link JwtAlgorithm#HS256} (the token MAC is HMAC-SHA256), the only one supported; and
     * {@code maxInputLength} caps the request URL, default
     * {@value MeetingEndedCallbackVerifier#DEFAULT_MAX_URL_LENGTH} characters.
     */
    public static final class Builder extends CallbackVerifierBuilder<Builder, JwtAlgorithm> {
        private Builder() {
            super(EnumSet.of(JwtAlgorithm.HS256), EnumSet.of(JwtAlgorithm.HS256), DEFAULT_MAX_URL_LENGTH);
        }

        /**
         * {@return a new immutable verifier}
         *
         * @throws IllegalArgumentException if no key, or a key shorter than 32 bytes, was given
         */
        public MeetingEndedCallbackVerifier build() {
            return new MeetingEndedCallbackVerifier(this);
        }
    }
}
