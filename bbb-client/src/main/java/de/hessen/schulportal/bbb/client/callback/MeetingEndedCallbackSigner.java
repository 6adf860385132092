// SPDX-License-Identifier: Apache-2.0
package de.hessen.schulportal.bbb.client.callback;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * Makes the meeting-ended callback URLs tamper-proof. BigBlueButton does not sign these callbacks
 * (a GET to {@code meta_endcallbackurl} with {@code meetingID} and {@code recordingmarks}
 * appended, or a plain GET to {@code meetingEndedURL}), so anyone who can guess the URL could
 * report any meeting as ended. The portal therefore puts a token into the URL when it creates the
 * meeting, and {@link MeetingEndedCallbackVerifier} checks it when the GET arrives.
 *
 * <p>The token is an HMAC-SHA256 under a dedicated key the portal holds (at least 32 random
 * bytes; not the BigBlueButton secret, which other parties know), over the meeting ID, the
 * issue time and an expiry (default {@link #DEFAULT_VALIDITY}). A token made for one meeting ID
 * does not verify for another. The same URL can be replayed until it expires, and a room that
 * reuses its meeting ID (as the portal adapter's rooms do) accepts it for a later meeting of the
 * room within that time: treat the callback as a hint and confirm with
 * {@code isMeetingRunning} before acting on it; set a {@link Builder#validity(Duration) validity}
 * just longer than your longest meeting.
 *
 * <p>Immutable and thread-safe.
 *
 * <pre>{@code
 * MeetingEndedCallbackSigner signer = MeetingEndedCallbackSigner.builder()
 *         .key(callbackKey)                       // 32+ random bytes from your secret store
 *         .validity(Duration.ofDays(2))
 *         .build();
 * String endCallback = signer.signEndCallbackUrl("https://portal.example.org/bbb/ended", meetingId);
 * // create(...).meta("endcallbackurl", endCallback)
 * }</pre>
 */
public final class MeetingEndedCallbackSigner {
    /** Default validity of a signed URL: 7 days, longer than any school meeting runs. */
    public static final Duration DEFAULT_VALIDITY = Duration.ofDays(7);

    /** The query parameter that carries the token. */
    public static final String TOKEN_PARAMETER = "cbtoken";

    private final byte[] key;
    private final Clock clock;
    private final Duration validity;

    private MeetingEndedCallbackSigner(Builder b) {
        this.key = MeetingEndedTokens.checkKey(b.key, "key");
        this.clock = b.clock;
        this.validity = b.validity;
    }

    /** {@return a new builder; a key is required} */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Signs a URL for {@code meta_endcallbackurl}. BigBlueButton appends {@code meetingID} and
     * {@code recordingmarks} itself, so the URL gets only the token.
     *
     * @param baseUrl an absolute http(s) URL without fragment; it may have a query of its own but
     *        no {@code meetingID} or {@value #TOKEN_PARAMETER} parameter
     * @param meetingId the external meeting ID, as passed to {@code create}
     * @return the URL with {@code cbtoken=…} appended
     * @throws IllegalArgumentException if the URL is not absolute http(s), has a fragment, or
     *         already carries one of the reserved parameters; or the meeting ID is empty
     */
    public String signEndCallbackUrl(String baseUrl, String meetingId) {
        checkBase(baseUrl, meetingId);
        return append(baseUrl, TOKEN_PARAMETER + "=" + token(meetingId));
    }

    /**
     * Signs a URL for the {@code meetingEndedURL} create parameter, which BigBlueButton calls
     * unchanged; the URL therefore carries the meeting ID itself. Do not use it for
     * {@code meta_endcallbackurl}: BigBlueButton would add a second {@code meetingID}.
     *
     * @param baseUrl an absolute http(s) URL, as for {@link #signEndCallbackUrl(String, String)}
     * @param meetingId the external meeting ID
     * @return the URL with {@code meetingID=…&cbtoken=…} appended
     * @throws IllegalArgumentException as {@link #signEndCallbackUrl(String, String)}
     */
    public String signMeetingEndedUrl(String baseUrl, String meetingId) {
        checkBase(baseUrl, meetingId);
        return append(baseUrl, "meetingID=" + URLEncoder.encode(meetingId, StandardCharsets.UTF_8) + "&"
                + TOKEN_PARAMETER + "=" + token(meetingId));
    }

    /**
     * The bare token for a meeting, for callers that assemble URLs themselves.
     *
     * @param meetingId the external meeting ID, not empty
     * @return the token, URL-safe
     * @throws IllegalArgumentException if the meeting ID is {@code null} or empty
     */
    public String token(String meetingId) {
        checkMeetingId(meetingId);
        long iat = clock.instant().getEpochSecond();
        long exp = validity == null ? 0 : iat + Math.max(1, validity.getSeconds());
        return MeetingEndedTokens.token(key, iat, exp, meetingId);
    }

    private static void checkMeetingId(String meetingId) {
        if (meetingId == null || meetingId.isEmpty()) {
            throw new IllegalArgumentException("meetingId must not be empty");
        }
    }

    private static void checkBase(String baseUrl, String meetingId) {
        Objects.requireNonNull(baseUrl, "baseUrl");
        checkMeetingId(meetingId);
        URI uri;
        try {
            uri = new URI(baseUrl);
        } catch (java.net.URISyntaxException e) {
            throw new IllegalArgumentException("baseUrl is not a valid URI: " + e.getReason(), e);
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(java.util.Locale.ROOT);
        if (!(scheme.equals("https") || scheme.equals("http")) || uri.getRawAuthority() == null) {
            throw new IllegalArgumentException("baseUrl must be an absolute http or https URL");
        }
        if (uri.getRawFragment() != null) {
            throw new IllegalArgumentException("baseUrl must not have a fragment: parameters appended after it would be lost");
        }
        String query = uri.getRawQuery();
        if (query != null) {
            for (String pair : query.split("&")) {
                String name = pair.contains("=") ? pair.substring(0, pair.indexOf('=')) : pair;
                if (name.equalsIgnoreCase("meetingID") || name.equals(TOKEN_PARAMETER) || name.equalsIgnoreCase("recordingmarks")) {
                    throw new IllegalArgumentException("baseUrl must not already carry the parameter '" + name + "'");
                }
            }
        }
    }

    private static String append(String baseUrl, String params) {
        String sep = baseUrl.indexOf('?') < 0 ? "?" : (baseUrl.endsWith("?") || baseUrl.endsWith("&") ? "" : "&");
        return baseUrl + sep + params;
    }

    @Override
    public String toString() {
        return "MeetingEndedCallbackSigner[key=(redacted), validity=" + validity + "]";
    }

    /** Builds a {@link MeetingEndedCallbackSigner}; every setter returns this builder. Not thread-safe. */
    public static final class Builder {
        private byte[] key;
        private Clock clock = Clock.systemUTC();
        private Duration validity = DEFAULT_VALIDITY;

        private Builder() {
        }

        /** The MAC key: at least 32 random bytes, dedicated to this purpose. Copied. */
        public Builder key(byte[] key) {
            this.key = Objects.requireNonNull(key, "key").clone();
            return this;
        }

        /**
         * How long a signed URL stays valid after signing. Default: {@link #DEFAULT_VALIDITY}.
         * {@code null} signs URLs that never expire: a URL that leaks (from an access log, from
         * meeting metadata, from a recording) then reports "ended" for that meeting ID forever.
         * Positive, or {@code null} for none (discouraged).
         */
        public Builder validity(Duration validity) {
            this.validity = CallbackSupport.positiveOrNone("validity", validity);
            return this;
        }

        /** The clock for the issue time. Default: {@link Clock#systemUTC()}. */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * {@return a new immutable signer}
         *
         * @throws IllegalArgumentException if the key is missing or shorter than 32 bytes
         */
        public MeetingEndedCallbackSigner build() {
            return new MeetingEndedCallbackSigner(this);
        }
    }
}
