package de.hessen.schulportal.bbb.client.meeting;

import de.hessen.schulportal.bbb.client.internal.ParameterMap;
import de.hessen.schulportal.bbb.client.internal.Validation;
import java.net.URI;
import java.util.Map;
import java.util.Objects;

/**
 * The {@code join} call: a user enters a meeting with a role. Usually turned into a signed link
 * for the user's browser with {@code BbbClient.joinUrl(request)}; server-side code can use
 * {@code BbbClient.join(request)} to get the session token instead.
 *
 * <p>Immutable and thread-safe; {@link Builder#build()} validates every value.
 *
 * <pre>{@code
 * JoinMeetingRequest request = JoinMeetingRequest.builder("7b-mathe-2026", "Frau Schmidt", Role.MODERATOR)
 *         .userId("u-42")
 *         .createTime(created.createTime())
 *         .build();
 * }</pre>
 */
public final class JoinMeetingRequest {
    private final String meetingId;
    private final String fullName;
    private final Role role;
    private final Map<String, String> parameters;

    private JoinMeetingRequest(Builder b, Map<String, String> parameters) {
        this.meetingId = b.meetingId;
        this.fullName = b.fullName;
        this.role = b.role;
        this.parameters = parameters;
    }

    /**
     * Starts a request.
     *
     * @param meetingId the external meeting ID
     * @param fullName the name shown to others: not blank, no control characters
     * @param role {@link Role#MODERATOR} or {@link Role#VIEWER}
     * @return a new builder
     */
    public static Builder builder(String meetingId, String fullName, Role role) {
        return new Builder(meetingId, fullName, role);
    }

    /**
     * The external meeting ID.
     *
     * @return the meeting ID
     */
    public String meetingId() {
        return meetingId;
    }

    /**
     * The display name.
     *
     * @return the name
     */
    public String fullName() {
        return fullName;
    }

    /**
     * The role.
     *
     * @return the role
     */
    public Role role() {
        return role;
    }

    /**
     * Every query parameter exactly as it will be sent (before encoding and signing), in wire order.
     * {@code BbbClient.join} adds {@code redirect=false}.
     *
     * @return an unmodifiable map from parameter name to value
     */
    public Map<String, String> parameters() {
        return parameters;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof JoinMeetingRequest && ((JoinMeetingRequest) o).parameters.equals(parameters);
    }

    @Override
    public int hashCode() {
        return Objects.hash(parameters);
    }

    @Override
    public String toString() {
        // The display name is personal data: it stays out of logs.
        return "JoinMeetingRequest{meetingId=" + meetingId + ", role=" + role + ", parameters=" + parameters.keySet() + '}';
    }

    /** Collects the values of a {@link JoinMeetingRequest}. Not thread-safe. */
    public static final class Builder {
        private final String meetingId;
        private final String fullName;
        private final Role role;
        // Ordered arrays rather than maps: a portal builds one of these per click (BENCHMARKS.md, §5).
        private final ParameterMap.Builder params = new ParameterMap.Builder(4);
        private ParameterMap.Builder additional;
        private ParameterMap.Builder userdata;

        private Builder(String meetingId, String fullName, Role role) {
            this.meetingId = meetingId;
            this.fullName = fullName;
            this.role = role;
        }

        private Builder url(String parameter, URI value) {
            Validation.required(parameter, value);
            params.put(parameter, Validation.url(parameter, value.toString()));
            return this;
        }

        /**
         * The caller's own ID for the user ({@code userID}); used by the server to count
         * participants and limit concurrent sessions. Use a pseudonym, not a name or e-mail address.
         *
         * @param value the ID
         * @return this builder
         */
        public Builder userId(String value) {
            params.put("userID", Validation.nonBlank("userID", value));
            return this;
        }

        /**
         * The {@code createTime} of the meeting this link is for. If the meeting was ended and
         * created again since, the server refuses the join instead of letting the user into the newer
         * meeting.
         *
         * @param value epoch milliseconds as returned by create or getMeetingInfo
         * @return this builder
         */
        public Builder createTime(long value) {
            if (value <= 0) {
                throw new IllegalArgumentException("createTime must be the positive epoch milliseconds of the meeting, was " + value);
            }
            params.put("createTime", Long.toString(value));
            return this;
        }

        /**
         * Marks the user as a guest, subject to the meeting's guest policy (lobby).
         *
         * @param value the flag
         * @return this builder
         */
        public Builder guest(boolean value) {
            params.put("guest", Boolean.toString(value));
            return this;
        }

        /**
         * Marks the user as authenticated, for {@link GuestPolicy#ALWAYS_ACCEPT_AUTH}.
         *
         * @param value the flag
         * @return this builder
         */
        public Builder auth(boolean value) {
            params.put("auth", Boolean.toString(value));
            return this;
        }

        /**
         * The user's avatar image.
         *
         * @param value an absolute http(s) URL
         * @return this builder
         */
        public Builder avatarUrl(URI value) {
            return url("avatarURL", value);
        }

        /**
         * The user's webcam background image.
         *
         * @param value an absolute http(s) URL
         * @return this builder
         */
        public Builder webcamBackgroundUrl(URI value) {
            return url("webcamBackgroundURL", value);
        }

        /**
         * Where the server redirects the browser on a join error (2.7, {@code errorRedirectUrl}).
         *
         * @param value an absolute http(s) URL
         * @return this builder
         */
        public Builder errorRedirectUrl(URI value) {
            return url("errorRedirectUrl", value);
        }

        /**
         * Where this user goes after leaving ({@code logoutURL}).
         *
         * @param value an absolute http(s) URL
         * @return this builder
         */
        public Builder logoutUrl(URI value) {
            return url("logoutURL", value);
        }

        /**
         * Keeps the user out of the learning dashboard.
         *
         * @param value the flag
         * @return this builder
         */
        public Builder excludeFromDashboard(boolean value) {
            params.put("excludeFromDashboard", Boolean.toString(value));
            return this;
        }

        /**
         * Forces a layout for this user (3.0).
         *
         * @param value the layout
         * @return this builder
         */
        public Builder enforceLayout(MeetingLayout value) {
            params.put("enforceLayout", Validation.required("enforceLayout", value).name());
            return this;
        }

        /**
         * Marks the user as a bot, exempt from {@code maxParticipants} (newer servers).
         *
         * @param value the flag
         * @return this builder
         */
        public Builder bot(boolean value) {
            params.put("bot", Boolean.toString(value));
            return this;
        }

        /**
         * A client setting for this user ({@code userdata-<key>}), e.g.
         * {@code userdata("bbb_auto_join_audio", "true")}. Keys must match {@code [a-zA-Z0-9_]+}.
         *
         * @param key the key without {@code userdata-}
         * @param value the value
         * @return this builder
         */
        public Builder userdata(String key, String value) {
            Validation.userdataKey(key);
            String name = "userdata-" + key;
            Validation.text(name, value);
            if (userdata == null) {
                userdata = new ParameterMap.Builder(4);
            }
            userdata.put(name, value);
            return this;
        }

        /**
         * A parameter this SDK does not model yet. It may not repeat a typed parameter.
         *
         * @param name the wire name
         * @param value the value, sent as given
         * @return this builder
         */
        public Builder additionalParam(String name, String value) {
            if (name != null && name.startsWith("userdata-")) {
                throw new IllegalArgumentException("additionalParam '" + name + "': use userdata(key, value)");
            }
            if ("redirect".equals(name)) {
                throw new IllegalArgumentException("additionalParam 'redirect' is set by the client: joinUrl() redirects, join() does not");
            }
            Validation.parameterName(name);
            Validation.text("additionalParam " + name, value);
            if (additional == null) {
                additional = new ParameterMap.Builder(2);
            }
            additional.put(name, value);
            return this;
        }

        /**
         * Validates and builds the request.
         *
         * @return the immutable request
         * @throws IllegalArgumentException naming the parameter and the rule it breaks
         */
        public JoinMeetingRequest build() {
            Validation.meetingId("meetingID", meetingId);
            Validation.nonBlank("fullName", fullName);
            Validation.required("role", role);
            if (role == Role.UNKNOWN) {
                throw new IllegalArgumentException("role must be MODERATOR or VIEWER");
            }
            int extra = additional == null ? 0 : additional.size();
            int user = userdata == null ? 0 : userdata.size();
            for (int i = 0; i < extra; i++) {
                if (params.has(additional.nameAt(i))) {
                    throw new IllegalArgumentException("additionalParam '" + additional.nameAt(i)
                            + "' is also set by a typed setter; set it only once, through the typed setter");
                }
            }
            for (int i = 0; i < extra; i++) {
                String name = additional.nameAt(i);
                if (name.equals("fullName") || name.equals("meetingID") || name.equals("role")) {
                    throw new IllegalArgumentException("additionalParam '" + name
                            + "' repeats a required parameter given to builder()");
                }
            }
            // Wire order: required, typed (in the order set), additional, userdata; all names distinct.
            ParameterMap.Builder all = new ParameterMap.Builder(3 + params.size() + extra + user);
            all.append("fullName", fullName).append("meetingID", meetingId).append("role", role.name());
            for (int i = 0; i < params.size(); i++) {
                all.append(params.nameAt(i), params.valueAt(i));
            }
            for (int i = 0; i < extra; i++) {
                all.append(additional.nameAt(i), additional.valueAt(i));
            }
            for (int i = 0; i < user; i++) {
                all.append(userdata.nameAt(i), userdata.valueAt(i));
            }
            return new JoinMeetingRequest(this, all.finish());
        }
    }
}
