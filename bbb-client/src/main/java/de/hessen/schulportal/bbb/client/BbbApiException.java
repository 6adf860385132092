// SPDX-License-Identifier: Apache-2.0
package de.hessen.schulportal.bbb.client;

import de.hessen.schulportal.bbb.client.internal.Redactor;
import java.util.Objects;

/**
 * BigBlueButton answered the call with {@code <returncode>FAILED</returncode>}.
 *
 * <p>{@link #messageKey()} is the machine-readable reason ({@code notFound}, {@code checksumError},
 * ...); the well-known keys have their own subclasses so callers can catch them by type. Keys the
 * SDK does not know are kept as a plain {@code BbbApiException} with the key as sent, never dropped.
 * A FAILED answer is never retried: the server has decided.
 */
public class BbbApiException extends BbbException {
    private static final long serialVersionUID = 1L;

    /** The server's messageKey. */
    private final String messageKey;
    /** The server's message. */
    private final String serverMessage;
    /** The meeting ID of the call, or null. */
    private final String meetingId;

    /**
     * Creates an API failure.
     *
     * @param call the API call name
     * @param meetingId the meeting ID the call was about, or {@code null}
     * @param messageKey the server's {@code messageKey} (empty if it sent none)
     * @param serverMessage the server's human-readable {@code message} (empty if it sent none)
     */
    public BbbApiException(String call, String meetingId, String messageKey, String serverMessage) {
        this(call, meetingId, messageKey, serverMessage, null);
    }

    /**
     * Creates the exception with advice on what to do, appended to the message.
     *
     * @param call the API call name
     * @param meetingId the meeting ID the call was about, or {@code null}
     * @param messageKey the server's {@code messageKey}
     * @param serverMessage the server's message
     * @param advice what the caller can do, or {@code null}
     */
    protected BbbApiException(String call, String meetingId, String messageKey, String serverMessage, String advice) {
        super(call, describe(call, meetingId, messageKey, serverMessage) + (advice == null ? "" : "; " + advice), null);
        this.messageKey = Objects.requireNonNullElse(messageKey, "");
        this.serverMessage = Objects.requireNonNullElse(Redactor.redact(serverMessage), "");
        this.meetingId = meetingId;
    }

    private static String describe(String call, String meetingId, String key, String message) {
        StringBuilder sb = new StringBuilder("BigBlueButton rejected ").append(call);
        if (meetingId != null) {
            sb.append(" for meeting '").append(meetingId).append('\'');
        }
        sb.append(": ").append(key == null || key.isEmpty() ? "(no messageKey)" : key);
        if (message != null && !message.isEmpty()) {
            // The server's text is shown as sent, except credentials in a URL it may echo.
            sb.append(" - ").append(Redactor.redact(message));
        }
        return sb.toString();
    }

    /**
     * {@return the machine-readable reason exactly as the server sent it, e.g. {@code notFound}; empty
     * if it sent none}
     */
    public String messageKey() {
        return messageKey;
    }

    /**
     * {@return the server's human-readable explanation; empty if it sent none} Its wording changes
     * between BigBlueButton versions: show it, but branch on {@link #messageKey()}. Credentials in a
     * URL the server echoes ({@code checksum}, passwords) are masked.
     */
    public String serverMessage() {
        return serverMessage;
    }

    /** {@return the meeting ID of the failed call, or {@code null} where the call had none} */
    public String meetingId() {
        return meetingId;
    }
}
