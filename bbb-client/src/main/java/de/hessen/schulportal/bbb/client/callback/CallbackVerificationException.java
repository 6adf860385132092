// SPDX-License-Identifier: Apache-2.0
package de.hessen.schulportal.bbb.client.callback;

import de.hessen.schulportal.bbb.client.BbbException;
import java.util.Objects;

/**
 * An inbound callback from BigBlueButton, Scalelite or bbb-webhooks failed verification or could
 * not be parsed. The request must be rejected (HTTP 401 for {@link Reason#BAD_SIGNATURE},
 * {@link Reason#MISSING}, {@link Reason#EXPIRED}, {@link Reason#UNREGISTERED_URL} and {@link Reason#UNSUPPORTED_ALGORITHM}; HTTP
 * 400 or 413 for the others is a reasonable mapping).
 *
 * <p>{@link #call()} names the kind of callback: {@code recordingReady}, {@code analytics},
 * {@code webhook} or {@code meetingEnded}. {@link #reason()} says what failed. The message is
 * safe to log: it never contains a secret, a key, a token, a signature or a checksum.
 *
 * <pre>{@code
 * try {
 *     RecordingReady ready = verifier.verifyFormBody(body);
 * } catch (CallbackVerificationException e) {
 *     log.warn("rejected {} callback: {}", e.call(), e.reason());
 *     return 401;
 * }
 * }</pre>
 */
public final class CallbackVerificationException extends BbbException {
    private static final long serialVersionUID = 1L;

    /** Why a callback was rejected. */
    public enum Reason {
        /** A required part is absent: the token, the form field, the header, the checksum or a claim. */
        MISSING,
        /** A part is present but not well formed: bad base64url, not JSON, wrong JSON types, repeated fields. */
        MALFORMED,
        /** The request or one of its parts is larger than the configured cap. */
        TOO_LARGE,
        /** The signature algorithm is {@code none}, unknown, or not in the allowed set. */
        UNSUPPORTED_ALGORITHM,
        /** The signature, checksum or bearer secret does not match any configured secret. */
        BAD_SIGNATURE,
        /** The token has expired (after the configured leeway). */
        EXPIRED,
        /** The token is not valid yet ({@code nbf} or issued-at in the future beyond the leeway). */
        NOT_YET_VALID,
        /** The signature is valid, but it was made for a different meeting than the request names. */
        MEETING_MISMATCH,
        /** The request was sent to a URL that is none of the callback URLs the verifier was configured with. */
        UNREGISTERED_URL
    }

    /** Why verification failed. */
    private final Reason reason;

    /**
     * Creates the exception.
     *
     * @param call the callback kind, e.g. {@code recordingReady}
     * @param reason why verification failed, not {@code null}
     * @param message a description that contains no secret, token, signature or checksum
     */
    public CallbackVerificationException(String call, Reason reason, String message) {
        super(call, message, null);
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    /** {@return why the callback was rejected, never {@code null}} */
    public Reason reason() {
        return reason;
    }
}
