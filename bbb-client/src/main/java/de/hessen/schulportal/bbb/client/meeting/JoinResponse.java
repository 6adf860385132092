// SPDX-License-Identifier: Apache-2.0
package de.hessen.schulportal.bbb.client.meeting;

import java.net.URI;
import java.util.Objects;
import java.util.Optional;

/**
 * The answer to a server-side {@code join} ({@code redirect=false}). Immutable.
 *
 * <p>{@link #url()} is where the user's browser goes: the client with the session token, or, for
 * a guest the lobby holds ({@link #guestStatus()} {@code WAIT}), bbb-web's guest wait page with
 * it. The session token and the URL let a browser into the meeting: treat them as credentials.
 * {@link #toString()} leaves them out.
 */
public final class JoinResponse {
    private final String messageKey;
    private final String message;
    private final String meetingId;
    private final String userId;
    private final String authToken;
    private final String sessionToken;
    private final String rawGuestStatus;
    private final String url;

    private JoinResponse(Builder b) {
        this.messageKey = b.messageKey;
        this.message = b.message;
        this.meetingId = b.meetingId;
        this.userId = b.userId;
        this.authToken = b.authToken;
        this.sessionToken = b.sessionToken;
        this.rawGuestStatus = b.rawGuestStatus;
        this.url = b.url;
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
    public String meetingId() {
        return meetingId;
    }

    /**
     * The server's internal user ID ({@code w_…}).
     *
     * @return the ID
     */
    public String userId() {
        return userId;
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
     * The session URL: the client URL that enters the meeting with this session
     * ({@code …/html5client/join?sessionToken=…}), or the guest wait page for a guest in the lobby.
     * A credential: redirect the user's browser to it, never log it.
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
        return messageKey.equals(r.messageKey) && meetingId.equals(r.meetingId)
                && userId.equals(r.userId) && authToken.equals(r.authToken)
                && sessionToken.equals(r.sessionToken) && rawGuestStatus.equals(r.rawGuestStatus) && url.equals(r.url);
    }

    @Override
    public int hashCode() {
        return Objects.hash(meetingId, userId, sessionToken);
    }

    @Override
    public String toString() {
        return "JoinResponse{messageKey=" + messageKey + ", meetingId=" + meetingId + ", userId="
                + userId + ", guestStatus=" + guestStatus() + ", sessionToken=***, url=***}";
    }

    /**
     * A builder with every field empty, zero, {@code false} or absent: for mapping answers and for
     * integrators' tests.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds a {@link JoinResponse}. Not thread-safe. Every setter refuses {@code null}. */
    public static final class Builder {
        private String messageKey = "";
        private String message = "";
        private String meetingId = "";
        private String userId = "";
        private String authToken = "";
        private String sessionToken = "";
        private String rawGuestStatus = "";
        private String url = "";

        private Builder() {
        }

        /**
         * Sets {@code messageKey}.
         *
         * @param value the value
         * @return this builder
         */
        public Builder messageKey(String value) {
            this.messageKey = Objects.requireNonNull(value, "messageKey");
            return this;
        }

        /**
         * Sets {@code message}.
         *
         * @param value the value
         * @return this builder
         */
        public Builder message(String value) {
            this.message = Objects.requireNonNull(value, "message");
            return this;
        }

        /**
         * Sets {@code meetingId}.
         *
         * @param value the value
         * @return this builder
         */
        public Builder meetingId(String value) {
            this.meetingId = Objects.requireNonNull(value, "meetingId");
            return this;
        }

        /**
         * Sets {@code userId}.
         *
         * @param value the value
         * @return this builder
         */
        public Builder userId(String value) {
            this.userId = Objects.requireNonNull(value, "userId");
            return this;
        }

        /**
         * Sets {@code authToken}.
         *
         * @param value the value
         * @return this builder
         */
        public Builder authToken(String value) {
            this.authToken = Objects.requireNonNull(value, "authToken");
            return this;
        }

        /**
         * Sets {@code sessionToken}.
         *
         * @param value the value
         * @return this builder
         */
        public Builder sessionToken(String value) {
            this.sessionToken = Objects.requireNonNull(value, "sessionToken");
            return this;
        }

        /**
         * Sets {@code rawGuestStatus}.
         *
         * @param value the value
         * @return this builder
         */
        public Builder rawGuestStatus(String value) {
            this.rawGuestStatus = Objects.requireNonNull(value, "rawGuestStatus");
            return this;
        }

        /**
         * Sets {@code url}.
         *
         * @param value the value
         * @return this builder
         */
        public Builder url(String value) {
            this.url = Objects.requireNonNull(value, "url");
            return this;
        }

        /**
         * Builds the immutable value.
         *
         * @return the value
         */
        public JoinResponse build() {
            return new JoinResponse(this);
        }
    }
}
