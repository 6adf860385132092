// SPDX-License-Identifier: Apache-2.0
package de.hessen.schulportal.bbb.client.meeting;

import de.hessen.schulportal.bbb.client.internal.Validation;
import java.net.URI;

/**
 * The {@code join} call: a user enters a meeting with a role. Usually turned into a signed link
 * for the user's browser with {@code BbbClient.joinUrl(request)}; server-side code can use
 * {@code BbbClient.join(request)} to get the session token instead.
 *
 * <p>Immutable and thread-safe; the builder follows the
 * <a href="../package-summary.html#requests">request builder contract</a>. Wire order: {@code fullName},
 * {@code meetingID}, {@code role}, then the typed parameters and {@code userdata-} entries in the
 * order first set, then the {@code additionalParam} ones; {@code BbbClient.join} adds
 * {@code redirect=false}.
 *
 * <pre>{@code
 * JoinMeetingRequest request = JoinMeetingRequest.builder("7b-mathe-2026", "Frau Schmidt", Role.MODERATOR)
 *         .userId("u-42")
 *         .createTime(created.createTime())
 *         .build();
 * }</pre>
 */
public final class JoinMeetingRequest extends MeetingRequest {
    private final String fullName;
    private final Role role;

    private JoinMeetingRequest(Builder b) {
        super(b);
        this.fullName = b.fullName;
        this.role = b.role;
    }

    /**
     * {@return a new builder}
     *
     * @param meetingId the external meeting ID
     * @param fullName the name shown to others: not blank, no control characters
     * @param role {@link Role#MODERATOR} or {@link Role#VIEWER}
     */
    public static Builder builder(String meetingId, String fullName, Role role) {
        return new Builder(meetingId, fullName, role);
    }

    /** {@return the display name ({@code fullName})} */
    public String fullName() {
        return fullName;
    }

    /** {@return the role ({@code role})} */
    public Role role() {
        return role;
    }

    @Override
    public String toString() {
        // The display name is personal data: it stays out of logs.
        return "JoinMeetingRequest{meetingId=" + meetingId() + ", role=" + role + ", parameters=" + parameters().keySet() + '}';
    }

    /** Collects the values of a {@link JoinMeetingRequest}. Not thread-safe. */
    public static final class Builder extends MeetingRequest.Builder<Builder> {
        private final String fullName;
        private final Role role;

        private Builder(String meetingId, String fullName, Role role) {
            super(meetingId);
            this.fullName = fullName;
            this.role = role;
            // Their place on the wire is first; their values are checked in build().
            params.put("fullName", fullName).put("meetingID", meetingId).put("role", role == null ? null : role.name());
        }

        /**
         * The caller's own ID for the user ({@code userID}); used by the server to count
         * participants and limit concurrent sessions. Use a pseudonym, not a name or e-mail address.
         */
        public Builder userId(String value) {
            return nonBlank("userID", value);
        }

        /**
         * The {@code createTime} of the meeting this link is for. If the meeting was ended and
         * created again since, the server refuses the join instead of letting the user into the newer
         * meeting.
         *
         * @param value epoch milliseconds as returned by create or getMeetingInfo
         */
        public Builder createTime(long value) {
            if (value <= 0) {
                throw new IllegalArgumentException("createTime must be the positive epoch milliseconds of the meeting, was " + value);
            }
            return put("createTime", Long.toString(value));
        }

        /**
         * Marks the user as a guest ({@code guest}), subject to the meeting's guest policy (the
         * lobby). Default {@code false}.
         */
        public Builder guest(boolean value) {
            return flag("guest", value);
        }

        /**
         * Marks the user as authenticated ({@code auth}), which {@link GuestPolicy#ALWAYS_ACCEPT_AUTH}
         * lets in without the lobby. Default {@code false}.
         */
        public Builder auth(boolean value) {
            return flag("auth", value);
        }

        /**
         * The user's avatar image ({@code avatarURL}), an absolute http(s) URL. Server default:
         * {@code defaultAvatarURL} where {@code useDefaultAvatar} is on.
         */
        public Builder avatarUrl(URI value) {
            return url("avatarURL", value);
        }

        /**
         * The user's webcam background image ({@code webcamBackgroundURL}), an absolute http(s) URL.
         */
        public Builder webcamBackgroundUrl(URI value) {
            return url("webcamBackgroundURL", value);
        }

        /**
         * Where the server redirects the browser on a join error ({@code errorRedirectUrl}, 2.7), an
         * absolute http(s) URL. bbb-web 3.0 sends checksum errors to its default logout URL instead.
         */
        public Builder errorRedirectUrl(URI value) {
            return url("errorRedirectUrl", value);
        }

        /**
         * Where this user goes after leaving ({@code logoutURL}), an absolute http(s) URL. Default:
         * the meeting's {@code logoutURL}.
         */
        public Builder logoutUrl(URI value) {
            return url("logoutURL", value);
        }

        /**
         * Keeps the user out of the learning dashboard ({@code excludeFromDashboard}). Default
         * {@code false}.
         */
        public Builder excludeFromDashboard(boolean value) {
            return flag("excludeFromDashboard", value);
        }

        /**
         * Forces a layout on this user ({@code enforceLayout}, 3.0).
         */
        public Builder enforceLayout(MeetingLayout value) {
            return name("enforceLayout", value);
        }

        /**
         * Marks the user as a bot, exempt from {@code maxParticipants} (newer servers).
         */
        public Builder bot(boolean value) {
            return flag("bot", value);
        }

        /**
         * The layout this user starts with ({@code defaultLayout}; read by BigBlueButton 2.x and
         * still by 3.0, whose documentation moved it to {@code userdata-bbb_default_layout}).
         */
        public Builder defaultLayout(MeetingLayout value) {
            return name("defaultLayout", value);
        }

        /**
         * The user's first name, for plugins and the learning dashboard ({@code firstName}, since
         * BigBlueButton 3.0). Personal data: prefer leaving it out.
         *
         * @param value not blank, no control characters
         */
        public Builder firstName(String value) {
            return nonBlank("firstName", value);
        }

        /**
         * The user's last name ({@code lastName}, since BigBlueButton 3.0). Personal data: prefer
         * leaving it out.
         *
         * @param value not blank, no control characters
         */
        public Builder lastName(String value) {
            return nonBlank("lastName", value);
        }

        /**
         * The internal user ID of a session this join continues ({@code existingUserID}, since
         * BigBlueButton 3.0). BigBlueButton's own {@code getJoinUrl} produces it; set it only to
         * reproduce such a link.
         *
         * @param value the internal user ID, not blank
         */
        public Builder existingUserId(String value) {
            return nonBlank("existingUserID", value);
        }

        /**
         * The session token this join replaces ({@code replaceSessionToken}, since BigBlueButton
         * 3.0; produced by {@code getJoinUrl}). A session credential: the request's
         * {@code toString()} never shows values.
         *
         * @param value the session token, not blank
         */
        public Builder replaceSessionToken(String value) {
            return nonBlank("replaceSessionToken", value);
        }

        /**
         * A name for the new session ({@code sessionName}, since BigBlueButton 3.0; produced by
         * {@code getJoinUrl}).
         *
         * @param value not blank, no control characters
         */
        public Builder sessionName(String value) {
            return nonBlank("sessionName", value);
        }

        /**
         * A client setting for this user ({@code userdata-<key>}), e.g.
         * {@code userdata("bbb_auto_join_audio", "true")}. Keys must match {@code [a-zA-Z0-9_]+}:
         * bbb-web splits {@code userdata-<key>} at the dash. Entries keep the order they were set in.
         *
         * @param key the key without {@code userdata-}
         */
        public Builder userdata(String key, String value) {
            params.userdata(key, value);
            return this;
        }

        /**
         * A parameter this SDK does not model yet, sent as given after the typed ones; see the
         * <a href="../package-summary.html#requests">request builder contract</a>. {@code redirect}
         * is refused: the client sets it.
         */
        @Override
        public Builder additionalParam(String name, String value) {
            if ("redirect".equals(name)) {
                throw new IllegalArgumentException("additionalParam 'redirect' is set by the client: joinUrl() redirects, join() does not");
            }
            return super.additionalParam(name, value);
        }

        /**
         * {@return the immutable request}
         *
         * @throws NullPointerException if meetingId, fullName or role is {@code null}
         * @throws IllegalArgumentException naming the parameter and the rule it breaks
         */
        public JoinMeetingRequest build() {
            Validation.meetingId("meetingID", meetingId);
            Validation.nonBlank("fullName", fullName);
            Validation.required("role", role);
            if (role == Role.UNKNOWN) {
                throw new IllegalArgumentException("role must be MODERATOR or VIEWER");
            }
            return new JoinMeetingRequest(this);
        }
    }
}
