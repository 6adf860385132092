// SPDX-License-Identifier: Apache-2.0
package de.hessen.schulportal.bbb.testkit;

import de.hessen.schulportal.bbb.testkit.internal.Hashing;
import de.hessen.schulportal.bbb.testkit.internal.Json;
import de.hessen.schulportal.bbb.testkit.internal.Jwt;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * <b>For tests.</b> Signs callbacks the way BigBlueButton, Scalelite and bbb-webhooks send them, so
 * that a test can drive a receiving endpoint end to end without a server. All methods are static
 * and thread-safe.
 *
 * <pre>{@code
 * String body = CallbackSigner.recordingReadyFormBody("test-secret", "meeting-1", "abc-123");
 * mockMvc.perform(post("/bbb/recording-ready").contentType(APPLICATION_FORM_URLENCODED).content(body));
 * }</pre>
 *
 * <p>The formulas: a recording-ready callback is {@code signed_parameters=<JWT>} with claims
 * {@code meeting_id} and {@code record_id}, HMAC over the secret's UTF-8 bytes (HS256 from
 * BigBlueButton, HS256 or HS512 from Scalelite); an analytics callback carries
 * {@code Authorization: Bearer <JWT>} (HS512, claims {@code meeting_id} and {@code exp}); a webhook
 * delivery (bbb-webhooks 3.4+) is the form body {@code domain=…&event=…&timestamp=…}, POSTed to the
 * registered URL with {@code checksum=H(registeredUrl + body + secret)} appended; bbb-webhooks
 * 3.0 to 3.3 (BigBlueButton 3.0.4 ships 3.3.1) appended {@code H(registeredUrl + "{}" + secret)}
 * instead ({@link #legacyWebhookChecksum}).
 */
public final class CallbackSigner {
    /** The HMAC algorithm of a JSON Web Token. */
    public enum JwtAlgorithm {
        /** HMAC-SHA256. */
        HS256,
        /** HMAC-SHA512. */
        HS512
    }

    /** The hash of a webhook checksum ({@code hookChecksumAlgorithm} of bbb-webhooks). */
    public enum DigestAlgorithm {
        /** SHA-1, bbb-webhooks' default. */
        SHA1("sha1"),
        /** SHA-256. */
        SHA256("sha256"),
        /** SHA-384. */
        SHA384("sha384"),
        /** SHA-512. */
        SHA512("sha512");

        private final String bbbName;

        DigestAlgorithm(String bbbName) {
            this.bbbName = bbbName;
        }
    }

    private CallbackSigner() {
    }

    /**
     * A JWS compact token over the given claims, header {@code {"alg":"…","typ":"JWT"}}.
     *
     * @param algorithm the HMAC algorithm
     * @param secret the secret, whose UTF-8 bytes are the key
     * @param claimsJson the claims JSON object, used verbatim
     * @return the token
     * @throws NullPointerException if an argument is null
     * @throws IllegalArgumentException if {@code secret} is empty
     */
    public static String jwt(JwtAlgorithm algorithm, String secret, String claimsJson) {
        Objects.requireNonNull(algorithm, "algorithm");
        Objects.requireNonNull(claimsJson, "claimsJson");
        return Jwt.sign(algorithm.name(), true, claimsJson, key(secret));
    }

    /**
     * A recording-ready token as BigBlueButton makes it: HS256, claims {@code meeting_id} and
     * {@code record_id}.
     *
     * @param secret the shared secret
     * @param meetingId the external meeting ID
     * @param recordId the record ID
     * @return the token
     * @throws NullPointerException if an argument is null
     * @throws IllegalArgumentException if {@code secret} is empty
     */
    public static String recordingReadyToken(String secret, String meetingId, String recordId) {
        return recordingReadyToken(JwtAlgorithm.HS256, secret, meetingId, recordId);
    }

    /**
     * A recording-ready token with a chosen algorithm (Scalelite signs HS512 when its checksum
     * algorithms do not include SHA-256).
     *
     * @param algorithm the HMAC algorithm
     * @param secret the shared secret (a Scalelite tenant's secret behind Scalelite)
     * @param meetingId the external meeting ID
     * @param recordId the record ID
     * @return the token
     * @throws NullPointerException if an argument is null
     * @throws IllegalArgumentException if {@code secret} is empty
     */
    public static String recordingReadyToken(JwtAlgorithm algorithm, String secret, String meetingId, String recordId) {
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("meeting_id", Objects.requireNonNull(meetingId, "meetingId"));
        claims.put("record_id", Objects.requireNonNull(recordId, "recordId"));
        return jwt(algorithm, secret, Json.write(claims));
    }

    /**
     * The complete recording-ready POST body, {@code signed_parameters=<token>} (HS256).
     *
     * @param secret the shared secret
     * @param meetingId the external meeting ID
     * @param recordId the record ID
     * @return the form-encoded body
     * @throws NullPointerException if an argument is null
     * @throws IllegalArgumentException if {@code secret} is empty
     */
    public static String recordingReadyFormBody(String secret, String meetingId, String recordId) {
        return recordingReadyFormBody(JwtAlgorithm.HS256, secret, meetingId, recordId);
    }

    /**
     * The complete recording-ready POST body with a chosen algorithm.
     *
     * @param algorithm the HMAC algorithm
     * @param secret the shared secret
     * @param meetingId the external meeting ID
     * @param recordId the record ID
     * @return the form-encoded body {@code signed_parameters=<token>}
     * @throws NullPointerException if an argument is null
     * @throws IllegalArgumentException if {@code secret} is empty
     */
    public static String recordingReadyFormBody(JwtAlgorithm algorithm, String secret, String meetingId, String recordId) {
        return "signed_parameters=" + form(recordingReadyToken(algorithm, secret, meetingId, recordId));
    }

    /**
     * A learning-analytics bearer token: HS512, claims {@code meeting_id} and {@code exp}.
     *
     * @param secret the shared secret
     * @param meetingId the meeting ID claim
     * @param expiresAt the expiry; whole seconds are used
     * @return the token
     * @throws NullPointerException if an argument is null
     * @throws IllegalArgumentException if {@code secret} is empty
     */
    public static String analyticsToken(String secret, String meetingId, Instant expiresAt) {
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("meeting_id", Objects.requireNonNull(meetingId, "meetingId"));
        claims.put("exp", Objects.requireNonNull(expiresAt, "expiresAt").getEpochSecond());
        return jwt(JwtAlgorithm.HS512, secret, Json.write(claims));
    }

    /**
     * The {@code Authorization} header value of a learning-analytics callback.
     *
     * @param secret the shared secret
     * @param meetingId the meeting ID claim
     * @param expiresAt the expiry
     * @return {@code Bearer <token>}
     * @throws NullPointerException if an argument is null
     * @throws IllegalArgumentException if {@code secret} is empty
     */
    public static String analyticsAuthorization(String secret, String meetingId, Instant expiresAt) {
        return "Bearer " + analyticsToken(secret, meetingId, expiresAt);
    }

    /**
     * A webhook delivery body as bbb-webhooks 3.x sends it: {@code domain}, {@code event},
     * {@code timestamp}, form-encoded in that order.
     *
     * @param domain the server's domain
     * @param eventArrayJson the {@code event} field, a JSON array of events
     * @param timestamp the delivery time in epoch milliseconds
     * @return the form-encoded body
     * @throws NullPointerException if an argument is null
     */
    public static String webhookBody(String domain, String eventArrayJson, long timestamp) {
        return "domain=" + form(Objects.requireNonNull(domain, "domain")) + "&event="
                + form(Objects.requireNonNull(eventArrayJson, "eventArrayJson")) + "&timestamp=" + timestamp;
    }

    /**
     * The checksum bbb-webhooks 3.4+ computes for a delivery: lower-case hex of
     * {@code H(registeredUrl + body + secret)}, the URL exactly as registered, nothing between the parts.
     *
     * @param registeredUrl the callback URL as registered
     * @param body the exact delivery body
     * @param secret the shared secret
     * @param algorithm the hash
     * @return the checksum
     * @throws NullPointerException if an argument is null
     * @throws IllegalArgumentException if {@code secret} is empty
     */
    public static String webhookChecksum(String registeredUrl, String body, String secret, DigestAlgorithm algorithm) {
        Objects.requireNonNull(registeredUrl, "registeredUrl");
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(algorithm, "algorithm");
        return Hashing.hex(algorithm.bbbName, registeredUrl + body + key(secret));
    }

    /**
     * The checksum bbb-webhooks 3.0 to 3.3 computes (3.3.1 ships with BigBlueButton 3.0.4):
     * lower-case hex of {@code H(registeredUrl + "{}" + secret)}. Those versions hashed
     * {@code JSON.stringify(new URLSearchParams(…))}, which is {@code {}}: the checksum is the same
     * for every delivery to the URL and covers nothing of the body.
     *
     * @param registeredUrl the callback URL as registered
     * @param secret the shared secret
     * @param algorithm the hash
     * @return the checksum
     * @throws NullPointerException if an argument is null
     * @throws IllegalArgumentException if {@code secret} is empty
     */
    public static String legacyWebhookChecksum(String registeredUrl, String secret, DigestAlgorithm algorithm) {
        return webhookChecksum(registeredUrl, "{}", secret, algorithm);
    }

    /**
     * The URL bbb-webhooks 3.0 to 3.3 POSTs a delivery to: the registered URL with the
     * {@linkplain #legacyWebhookChecksum legacy checksum} appended as {@code checksum}.
     *
     * @param registeredUrl the callback URL as registered
     * @param secret the shared secret
     * @param algorithm the hash
     * @return the request URL
     * @throws NullPointerException if an argument is null
     * @throws IllegalArgumentException if {@code secret} is empty
     */
    public static String legacyWebhookUrl(String registeredUrl, String secret, DigestAlgorithm algorithm) {
        String checksum = legacyWebhookChecksum(registeredUrl, secret, algorithm);
        return registeredUrl + (registeredUrl.indexOf('?') < 0 ? "?" : "&") + "checksum=" + checksum;
    }

    /**
     * The URL bbb-webhooks POSTs a delivery to: the registered URL with {@code ?checksum=} (or
     * {@code &checksum=} if it has a query) appended.
     *
     * @param registeredUrl the callback URL as registered
     * @param body the exact delivery body
     * @param secret the shared secret
     * @param algorithm the hash
     * @return the request URL
     * @throws NullPointerException if an argument is null
     * @throws IllegalArgumentException if {@code secret} is empty
     */
    public static String webhookUrl(String registeredUrl, String body, String secret, DigestAlgorithm algorithm) {
        String checksum = webhookChecksum(registeredUrl, body, secret, algorithm);
        return registeredUrl + (registeredUrl.indexOf('?') < 0 ? "?" : "&") + "checksum=" + checksum;
    }

    private static String key(String secret) {
        Objects.requireNonNull(secret, "secret");
        if (secret.isEmpty()) {
            throw new IllegalArgumentException("secret must not be empty");
        }
        return secret;
    }

    private static String form(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
