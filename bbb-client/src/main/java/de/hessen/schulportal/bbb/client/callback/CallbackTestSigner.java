package de.hessen.schulportal.bbb.client.callback;

import de.hessen.schulportal.bbb.client.ChecksumAlgorithm;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Objects;

/**
 * <b>For tests.</b> Produces callbacks the way BigBlueButton, Scalelite and bbb-webhooks send them,
 * with valid signatures, so that you can test your receiving endpoints end to end. Never use it to
 * talk to a real server. All methods are static and thread-safe.
 *
 * <pre>{@code
 * String body = CallbackTestSigner.recordingReadyFormBody("test-secret", "meeting-1", "abc-123");
 * mockMvc.perform(post("/bbb/recording-ready").contentType(APPLICATION_FORM_URLENCODED).content(body));
 * }</pre>
 */
public final class CallbackTestSigner {
    private CallbackTestSigner() {
    }

    /**
     * A JWS compact token over arbitrary claims, with header {@code {"alg":"…","typ":"JWT"}}.
     *
     * @param algorithm the HMAC algorithm
     * @param secret the secret, whose UTF-8 bytes are the key; not empty
     * @param claimsJson the claims JSON object, used verbatim
     * @return the token
     */
    public static String jwt(JwtAlgorithm algorithm, String secret, String claimsJson) {
        Objects.requireNonNull(algorithm, "algorithm");
        Objects.requireNonNull(claimsJson, "claimsJson");
        return Jwt.sign(algorithm, key(secret), claimsJson);
    }

    /**
     * A recording-ready token as BigBlueButton makes it (HS256, claims {@code meeting_id} and
     * {@code record_id}).
     *
     * @param secret the BigBlueButton shared secret
     * @param meetingId the external meeting ID
     * @param recordId the record ID
     * @return the token
     */
    public static String recordingReadyToken(String secret, String meetingId, String recordId) {
        return recordingReadyToken(JwtAlgorithm.HS256, secret, meetingId, recordId);
    }

    /**
     * A recording-ready token with a chosen algorithm (Scalelite uses HS256 or HS512).
     *
     * @param algorithm the algorithm
     * @param secret the secret
     * @param meetingId the external meeting ID
     * @param recordId the record ID
     * @return the token
     */
    public static String recordingReadyToken(JwtAlgorithm algorithm, String secret, String meetingId, String recordId) {
        String claims = "{\"meeting_id\":" + WebhookVerifier.jsonString(meetingId) + ",\"record_id\":"
                + WebhookVerifier.jsonString(recordId) + "}";
        return jwt(algorithm, secret, claims);
    }

    /**
     * The complete recording-ready POST body, {@code signed_parameters=<token>} (HS256).
     *
     * @param secret the BigBlueButton shared secret
     * @param meetingId the external meeting ID
     * @param recordId the record ID
     * @return the form-encoded body
     */
    public static String recordingReadyFormBody(String secret, String meetingId, String recordId) {
        return "signed_parameters=" + URLEncoder.encode(recordingReadyToken(secret, meetingId, recordId), StandardCharsets.UTF_8);
    }

    /**
     * A learning-analytics bearer token (HS512, claims {@code meeting_id} and {@code exp}).
     *
     * @param secret the BigBlueButton shared secret
     * @param meetingId the meeting ID claim
     * @param expiresAt the expiry (whole seconds are used)
     * @return the token
     */
    public static String analyticsToken(String secret, String meetingId, Instant expiresAt) {
        String claims = "{\"meeting_id\":" + WebhookVerifier.jsonString(meetingId) + ",\"exp\":" + expiresAt.getEpochSecond() + "}";
        return jwt(JwtAlgorithm.HS512, secret, claims);
    }

    /**
     * The {@code Authorization} header value for a learning-analytics callback.
     *
     * @param secret the BigBlueButton shared secret
     * @param meetingId the meeting ID claim
     * @param expiresAt the expiry
     * @return {@code Bearer <token>}
     */
    public static String analyticsAuthorization(String secret, String meetingId, Instant expiresAt) {
        return "Bearer " + analyticsToken(secret, meetingId, expiresAt);
    }

    /**
     * A webhook body as bbb-webhooks 3.x builds it: {@code domain}, {@code event}, {@code timestamp},
     * form-encoded in that order.
     *
     * @param domain the server domain
     * @param eventArrayJson the {@code event} field, a JSON array of events
     * @param timestamp the delivery time in milliseconds
     * @return the form-encoded body
     */
    public static String webhookBody(String domain, String eventArrayJson, long timestamp) {
        return "domain=" + URLEncoder.encode(domain, StandardCharsets.UTF_8) + "&event="
                + URLEncoder.encode(eventArrayJson, StandardCharsets.UTF_8) + "&timestamp=" + timestamp;
    }

    /**
     * The URL bbb-webhooks 3.4+ would POST {@code rawBody} to: the registered URL with
     * {@code ?checksum=} or {@code &checksum=} appended, the checksum over URL + body + secret.
     *
     * @param registeredUrl the callback URL as registered
     * @param rawBody the exact body that will be sent
     * @param secret the shared secret
     * @param algorithm the checksum algorithm
     * @return the request URL
     */
    public static String webhookUrl(String registeredUrl, String rawBody, String secret, ChecksumAlgorithm algorithm) {
        MessageDigest digest = algorithm.newDigest();
        digest.update(CallbackSupport.utf8(registeredUrl));
        digest.update(CallbackSupport.utf8(rawBody));
        digest.update(key(secret));
        return registeredUrl + (registeredUrl.indexOf('?') < 0 ? "?" : "&") + "checksum=" + CallbackSupport.hex(digest.digest());
    }

    /**
     * The request URL BigBlueButton would call for a {@code meta_endCallbackUrl} signed by
     * {@code signer}: the signed URL with {@code recordingmarks} and {@code meetingID} appended.
     *
     * @param signer the portal's signer
     * @param baseUrl the callback URL before signing
     * @param meetingId the external meeting ID
     * @param recordingMarks the {@code recordingmarks} value
     * @return the request URL
     */
    public static String meetingEndedRequestUrl(MeetingEndedCallbackSigner signer, String baseUrl, String meetingId,
            boolean recordingMarks) {
        return signer.signEndCallbackUrl(baseUrl, meetingId) + "&recordingmarks=" + recordingMarks
                + "&meetingID=" + URLEncoder.encode(meetingId, StandardCharsets.UTF_8);
    }

    private static byte[] key(String secret) {
        if (secret == null || secret.isEmpty()) {
            throw new IllegalArgumentException("secret must not be empty");
        }
        return CallbackSupport.utf8(secret);
    }
}
