package de.hessen.schulportal.bbb.client.meeting;

import de.hessen.schulportal.bbb.client.internal.XmlNode;
import java.net.URI;
import java.util.Objects;
import java.util.Optional;

/**
 * The answer to a server-side {@code join} ({@code redirect=false}). Immutable.
 *
 * <p>The session token and the client URL let a browser into the meeting: treat them as
 * credentials. {@link #toString()} leaves them out.
 */
public final class JoinResponse {
    private final String messageKey;
    private final String message;
    private final String internalMeetingId;
    private final String internalUserId;
    private final String authToken;
    private final String sessionToken;
    private final String rawGuestStatus;
    private final String url;

    JoinResponse(XmlNode n) {
        this.messageKey = n.text("messageKey");
        this.message = n.text("message");
        this.internalMeetingId = n.text("meeting_id");
        this.internalUserId = n.text("user_id");
        this.authToken = n.text("auth_token");
        this.sessionToken = n.text("session_token");
        this.rawGuestStatus = n.text("guestStatus");
        this.url = n.text("url");
    }

    /**
     * The server's message key, normally {@code successfullyJoined}.
     *
     * @return the key
     */
    public String messageKey() {
        return messageKey;
    }

    /**
     * The server's message.
     *
     * @return the message
     */
    public String message() {
        return message;
    }

    /**
     * The internal meeting ID.
     *
     * @return the ID
     */
    public String internalMeetingId() {
        return internalMeetingId;
    }

    /**
     * The server's internal user ID ({@code w_…}).
     *
     * @return the ID
     */
    public String internalUserId() {
        return internalUserId;
    }

    /**
     * The user's auth token. A credential.
     *
     * @return the token
     */
    public String authToken() {
        return authToken;
    }

    /**
     * The session token that identifies this user's session. A credential.
     *
     * @return the token
     */
    public String sessionToken() {
        return sessionToken;
    }

    /**
     * What the guest policy decided.
     *
     * @return the status; {@link GuestStatus#ALLOW} when the server sent none
     */
    public GuestStatus guestStatus() {
        return rawGuestStatus.isEmpty() ? GuestStatus.ALLOW : GuestStatus.fromServer(rawGuestStatus);
    }

    /**
     * The guest status exactly as sent.
     *
     * @return the raw value, or empty
     */
    public String rawGuestStatus() {
        return rawGuestStatus;
    }

    /**
     * The client URL that enters the meeting with this session. A credential: hand it to the
     * user's browser only.
     *
     * @return the URL, or empty if the server sent none
     */
    public Optional<URI> url() {
        if (url.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(URI.create(url));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof JoinResponse)) {
            return false;
        }
        JoinResponse r = (JoinResponse) o;
        return messageKey.equals(r.messageKey) && internalMeetingId.equals(r.internalMeetingId)
                && internalUserId.equals(r.internalUserId) && authToken.equals(r.authToken)
                && sessionToken.equals(r.sessionToken) && rawGuestStatus.equals(r.rawGuestStatus) && url.equals(r.url);
    }

    @Override
    public int hashCode() {
        return Objects.hash(internalMeetingId, internalUserId, sessionToken);
    }

    @Override
    public String toString() {
        return "JoinResponse{messageKey=" + messageKey + ", internalMeetingId=" + internalMeetingId + ", internalUserId="
                + internalUserId + ", guestStatus=" + guestStatus() + ", sessionToken=***, url=***}";
    }
}
