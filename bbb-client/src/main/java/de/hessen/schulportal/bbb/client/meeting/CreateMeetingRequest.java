// SPDX-License-Identifier: Apache-2.0
package de.hessen.schulportal.bbb.client.meeting;

import de.hessen.schulportal.bbb.client.internal.Parameters;
import de.hessen.schulportal.bbb.client.internal.Validation;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The {@code create} call: opens a meeting, or returns the running one with the same ID.
 *
 * <p>Immutable and thread-safe. Required values go into {@link #builder(String, String)}; everything
 * else keeps the server's default unless set. {@link Builder#build()} checks every value against the
 * rules of bbb-web and throws {@link IllegalArgumentException} naming the parameter and the rule for
 * anything the server would reject or silently drop or alter; a {@code null} gives a
 * {@link NullPointerException} whose message is the parameter name.
 *
 * <pre>{@code
 * CreateMeetingRequest request = CreateMeetingRequest.builder("7b-mathe-2026", "Klasse 7b – Mathematik")
 *         .record(false)
 *         .guestPolicy(GuestPolicy.ASK_MODERATOR)
 *         .disabledFeatures(Feature.PRIVATE_CHAT, Feature.LEARNING_DASHBOARD)
 *         .meta("bbb-origin", "schulportal")
 *         .build();
 * }</pre>
 *
 * <p>Related parameters come as groups with their own builders: {@link LockSettings},
 * {@link CameraSettings}, {@link MeetingTimers}, {@link BreakoutRoomSettings}, {@link Branding},
 * {@link PresentationSettings}, {@link MediaBridges} and {@link Plugins}. The wire order is
 * {@code meetingID}, {@code name}, then every typed parameter (a group's in its own order) in the
 * order first set, then the {@code additionalParam} ones.
 *
 * <p>Passwords are not modelled: joins use roles. A request without {@code attendeePW} and
 * {@code moderatorPW} is idempotent on the server (a repeat answers {@code duplicateWarning}), so
 * the client may retry it.
 */
public final class CreateMeetingRequest {
    private final String meetingId;
    private final String name;
    private final Map<String, String> parameters;
    private final List<Document> documents;
    private final String clientSettingsOverride;

    private CreateMeetingRequest(Builder b, Map<String, String> parameters) {
        this.meetingId = b.meetingId;
        this.name = b.name;
        this.parameters = parameters;
        this.documents = List.copyOf(b.documents);
        this.clientSettingsOverride = b.clientSettingsOverride;
    }

    /**
     * Starts a request.
     *
     * @param meetingId the external meeting ID: 2 to 256 characters, no comma, no surrounding
     *                  whitespace, no control characters
     * @param name the meeting name shown to participants: 2 to 256 characters, no control characters
     * @return a new builder
     */
    public static Builder builder(String meetingId, String name) {
        return new Builder(meetingId, name);
    }

    /**
     * A builder with every value of this request, to derive a variant.
     *
     * @return a new builder
     */
    public Builder toBuilder() {
        Builder b = new Builder(meetingId, name);
        // Every value here was validated already; additional parameters become typed ones in place.
        parameters.forEach(b.params::put);
        b.documents.addAll(documents);
        b.clientSettingsOverride = clientSettingsOverride;
        return b;
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
     * The meeting name.
     *
     * @return the name
     */
    public String name() {
        return name;
    }

    /**
     * Every query parameter exactly as it will be sent (before encoding and signing), in wire order.
     *
     * @return an unmodifiable map from parameter name to value
     */
    public Map<String, String> parameters() {
        return parameters;
    }

    /**
     * The metadata, keys without the {@code meta_} prefix.
     *
     * @return an unmodifiable map, empty if none was set
     */
    public Map<String, String> metadata() {
        Map<String, String> metadata = new LinkedHashMap<>();
        parameters.forEach((k, v) -> {
            if (k.startsWith("meta_")) {
                metadata.put(k.substring("meta_".length()), v);
            }
        });
        return Collections.unmodifiableMap(metadata);
    }

    /**
     * Documents to pre-upload as the meeting's presentation. When there are any, or a client
     * settings override, the request is sent as a POST with an XML body.
     *
     * @return the documents, in order; empty if none
     */
    public List<Document> documents() {
        return documents;
    }

    /**
     * The JSON given to {@link Builder#clientSettingsOverride(String)}.
     *
     * @return the JSON, or empty
     */
    public Optional<String> clientSettingsOverride() {
        return Optional.ofNullable(clientSettingsOverride);
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof CreateMeetingRequest)) {
            return false;
        }
        CreateMeetingRequest other = (CreateMeetingRequest) o;
        return parameters.equals(other.parameters) && documents.equals(other.documents)
                && Objects.equals(clientSettingsOverride, other.clientSettingsOverride);
    }

    @Override
    public int hashCode() {
        return Objects.hash(parameters, documents, clientSettingsOverride);
    }

    @Override
    public String toString() {
        return "CreateMeetingRequest{meetingId=" + meetingId + ", name=" + name + ", parameters="
                + parameters.keySet() + ", documents=" + documents.size() + '}';
    }

    /**
     * Collects the values of a {@link CreateMeetingRequest}. Not thread-safe; setting a value again
     * replaces it.
     */
    public static final class Builder {
        private final String meetingId;
        private final String name;
        private final Parameters params = new Parameters();
        private final List<Document> documents = new ArrayList<>();
        private String clientSettingsOverride;

        private Builder(String meetingId, String name) {
            this.meetingId = meetingId;
            this.name = name;
            // Their place on the wire is first; their values are checked in build().
            params.put("meetingID", meetingId).put("name", name);
        }

        private Builder flag(String parameter, boolean value) {
            params.put(parameter, Validation.flag(value));
            return this;
        }

        private Builder group(String parameter, ParameterGroup group) {
            Validation.required(parameter, group).parameters().forEach(params::put);
            return this;
        }

        private Builder text(String parameter, String value) {
            params.put(parameter, Validation.text(parameter, value));
            return this;
        }

        private Builder url(String parameter, URI value) {
            params.put(parameter, Validation.url(parameter, value));
            return this;
        }

        private Builder nonBlank(String parameter, String value) {
            params.put(parameter, Validation.nonBlank(parameter, value));
            return this;
        }

        private Builder minutes(String parameter, Duration value) {
            params.put(parameter, Long.toString(Validation.wholeMinutes(parameter, value)));
            return this;
        }

        /**
         * The welcome message shown in the chat; a small HTML subset and the keywords
         * {@code %%CONFNAME%%}, {@code %%DIALNUM%%}, {@code %%CONFNUM%%} are understood. Use
         * {@code <br>} for line breaks: control characters are refused.
         *
         * @param value the message
         * @return this builder
         */
        public Builder welcome(String value) {
            return text("welcome", value);
        }

        /**
         * A message shown to moderators only.
         *
         * @param value the message
         * @return this builder
         */
        public Builder moderatorOnlyMessage(String value) {
            return text("moderatorOnlyMessage", value);
        }

        /**
         * The phone number shown for dial-in.
         *
         * @param value the number as text
         * @return this builder
         */
        public Builder dialNumber(String value) {
            return text("dialNumber", value);
        }

        /**
         * The voice conference number; must be unique among running meetings. The server picks a
         * random free one if not set (Scalelite manages it itself).
         *
         * @param value a non-negative number
         * @return this builder
         */
        public Builder voiceBridge(int value) {
            params.put("voiceBridge", Integer.toString(Validation.nonNegative("voiceBridge", value)));
            return this;
        }

        /**
         * The most distinct users that may join; 0 means unlimited.
         *
         * @param value a non-negative number
         * @return this builder
         */
        public Builder maxParticipants(int value) {
            params.put("maxParticipants", Integer.toString(Validation.nonNegative("maxParticipants", value)));
            return this;
        }

        /**
         * Where users go when they leave ({@code logoutURL}).
         *
         * @param value an absolute http(s) URL
         * @return this builder
         */
        public Builder logoutUrl(URI value) {
            return url("logoutURL", value);
        }

        /**
         * Where the client sends users who must log in (3.0, {@code loginURL}).
         *
         * @param value an absolute http(s) URL
         * @return this builder
         */
        public Builder loginUrl(URI value) {
            return url("loginURL", value);
        }

        /**
         * Whether the meeting may be recorded. Off unless set.
         *
         * @param value the flag
         * @return this builder
         */
        public Builder record(boolean value) {
            return flag("record", value);
        }

        /**
         * Whether recording starts automatically.
         *
         * @param value the flag
         * @return this builder
         */
        public Builder autoStartRecording(boolean value) {
            return flag("autoStartRecording", value);
        }

        /**
         * Whether moderators may start and stop the recording.
         *
         * @param value the flag
         * @return this builder
         */
        public Builder allowStartStopRecording(boolean value) {
            return flag("allowStartStopRecording", value);
        }

        /**
         * Whether media is kept for the whole meeting, not only the marked parts (2.6.9).
         *
         * @param value the flag
         * @return this builder
         */
        public Builder recordFullDurationMedia(boolean value) {
            return flag("recordFullDurationMedia", value);
        }

        /**
         * Ask every participant to acknowledge that the meeting is recorded (2.6).
         *
         * @param value the flag
         * @return this builder
         */
        public Builder notifyRecordingIsOn(boolean value) {
            return flag("notifyRecordingIsOn", value);
        }

        /**
         * The longest the meeting may run; zero means no limit.
         *
         * @param value a whole number of minutes
         * @return this builder
         */
        public Builder duration(Duration value) {
            return minutes("duration", value);
        }

        /**
         * Makes this meeting a breakout room of a running meeting.
         *
         * @param parentMeetingId the internal meeting ID of the parent
         * @param sequence the room number, from 1
         * @return this builder
         */
        public Builder breakoutOf(String parentMeetingId, int sequence) {
            Validation.nonBlank("parentMeetingID", parentMeetingId);
            params.put("isBreakout", "true");
            params.put("parentMeetingID", parentMeetingId);
            params.put("sequence", Integer.toString(Validation.positive("sequence", sequence)));
            return this;
        }

        /**
         * Whether users may choose a breakout room themselves.
         *
         * @param value the flag
         * @return this builder
         */
        public Builder freeJoin(boolean value) {
            return flag("freeJoin", value);
        }

        /**
         * How the breakout rooms opened from this meeting behave.
         *
         * @param value the settings
         * @return this builder
         * @throws NullPointerException if value is {@code null}
         */
        public Builder breakoutRoomSettings(BreakoutRoomSettings value) {
            return group("breakoutRoomSettings", value);
        }

        /**
         * Banner, logos and copyright line of the client.
         *
         * @param value the branding
         * @return this builder
         * @throws NullPointerException if value is {@code null}
         */
        public Builder branding(Branding value) {
            return group("branding", value);
        }

        /**
         * How presentations are provided and converted; documents go through
         * {@link #document(Document)}.
         *
         * @param value the settings
         * @return this builder
         * @throws NullPointerException if value is {@code null}
         */
        public Builder presentation(PresentationSettings value) {
            return group("presentation", value);
        }

        /**
         * Client plugins and their settings (since BigBlueButton 3.0).
         *
         * @param value the plugins
         * @return this builder
         * @throws NullPointerException if value is {@code null}
         */
        public Builder plugins(Plugins value) {
            return group("plugins", value);
        }

        /**
         * Limits on cameras.
         *
         * @param value the settings
         * @return this builder
         * @throws NullPointerException if value is {@code null}
         */
        public Builder cameras(CameraSettings value) {
            return group("cameras", value);
        }

        /**
         * The media servers for cameras, screen sharing and audio (since BigBlueButton 3.0).
         *
         * @param value the bridges
         * @return this builder
         * @throws NullPointerException if value is {@code null}
         */
        public Builder mediaBridges(MediaBridges value) {
            return group("mediaBridges", value);
        }

        /**
         * When the meeting, idle users and the dashboard time out.
         *
         * @param value the timers
         * @return this builder
         * @throws NullPointerException if value is {@code null}
         */
        public Builder timers(MeetingTimers value) {
            return group("timers", value);
        }

        /**
         * The voice conference number the web client joins ({@code webVoice}; read by every
         * version up to 3.0, defaults to {@link #voiceBridge(int)}).
         *
         * @param value not blank, no control characters
         * @return this builder
         * @throws NullPointerException if value is {@code null}
         * @throws IllegalArgumentException if blank or with control characters
         */
        public Builder webVoice(String value) {
            return nonBlank("webVoice", value);
        }

        /**
         * Whether a user must agree before a moderator's unmute takes effect
         * ({@code requireUserConsentBeforeUnmuting}, since BigBlueButton 3.0).
         *
         * @param value the flag
         * @return this builder
         */
        public Builder requireUserConsentBeforeUnmuting(boolean value) {
            return flag("requireUserConsentBeforeUnmuting", value);
        }

        /**
         * Adds a metadata entry ({@code meta_<key>}); setting a key again replaces its value in
         * place. Keys must match {@code [a-z][a-z0-9-]*}: BigBlueButton silently drops keys with
         * other characters and lower-cases the rest, so only such keys come back as sent (in
         * getMeetingInfo, getRecordings and webhooks). BigBlueButton's own special keys are written
         * in lower case, e.g. {@code endcallbackurl}, {@code bbb-recording-ready-url}.
         *
         * @param key the key without {@code meta_}
         * @param value the value, no control characters
         * @return this builder
         * @throws NullPointerException if key or value is {@code null}
         * @throws IllegalArgumentException if the key or value breaks its rule
         */
        public Builder meta(String key, String value) {
            params.meta(key, value);
            return this;
        }

        /**
         * Adds several metadata entries, as {@link #meta(String, String)} does for each.
         *
         * @param entries keys without {@code meta_} and their values
         * @return this builder
         * @throws NullPointerException if the map, a key or a value is {@code null}
         * @throws IllegalArgumentException if a key or value breaks its rule
         */
        public Builder meta(Map<String, String> entries) {
            Validation.required("meta", entries).forEach(this::meta);
            return this;
        }

        /**
         * Whether everyone starts muted.
         *
         * @param value the flag
         * @return this builder
         */
        public Builder muteOnStart(boolean value) {
            return flag("muteOnStart", value);
        }

        /**
         * Whether moderators may unmute others.
         *
         * @param value the flag
         * @return this builder
         */
        public Builder allowModsToUnmuteUsers(boolean value) {
            return flag("allowModsToUnmuteUsers", value);
        }

        /**
         * Whether viewers' cameras are visible to moderators only.
         *
         * @param value the flag
         * @return this builder
         */
        public Builder webcamsOnlyForModerator(boolean value) {
            return flag("webcamsOnlyForModerator", value);
        }

        /**
         * The lock settings for viewers.
         *
         * @param value the settings
         * @return this builder
         */
        public Builder lockSettings(LockSettings value) {
            return group("lockSettings", value);
        }

        /**
         * Who may enter without approval.
         *
         * @param value the policy
         * @return this builder
         */
        public Builder guestPolicy(GuestPolicy value) {
            params.put("guestPolicy", Validation.required("guestPolicy", value).name());
            return this;
        }

        /**
         * Whether moderators may promote guests to moderators (2.7.9).
         *
         * @param value the flag
         * @return this builder
         */
        public Builder allowPromoteGuestToModerator(boolean value) {
            return flag("allowPromoteGuestToModerator", value);
        }

        /**
         * The initial layout.
         *
         * @param value the layout
         * @return this builder
         */
        public Builder meetingLayout(MeetingLayout value) {
            params.put("meetingLayout", Validation.required("meetingLayout", value).name());
            return this;
        }

        /**
         * Whether the server keeps the meeting's events after it ends.
         *
         * @param value the flag
         * @return this builder
         */
        public Builder meetingKeepEvents(boolean value) {
            return flag("meetingKeepEvents", value);
        }

        /**
         * Whether the meeting ends when the last moderator has left.
         *
         * @param value the flag
         * @return this builder
         */
        public Builder endWhenNoModerator(boolean value) {
            return flag("endWhenNoModerator", value);
        }

        /**
         * Whether client requests without an HTTP session are allowed (2.4.3). Set it to
         * {@code true} for meetings whose users are joined on the server
         * ({@code BbbClient.join}) and sent to the session URL: the join answer's
         * {@code JSESSIONID} cookie stays on the server, and bbb-web's
         * {@code ApiController.hasValidSession} ({@code enter} up to 2.7, {@code stuns},
         * {@code getJoinUrl}, {@code learningDashboard}) and 3.0's
         * {@code ConnectionController.checkAuthorization} accept a session token without that
         * cookie only with this flag. It relaxes nothing else: the token must be known and the
         * meeting not ended.
         *
         * @param value the flag
         * @return this builder
         */
        public Builder allowRequestsWithoutSession(boolean value) {
            return flag("allowRequestsWithoutSession", value);
        }

        /**
         * Pre-defined breakout groups as the JSON array bbb-web expects:
         * {@code [{"id":"1","name":"A","roster":["u1","u2"]}]}.
         *
         * @param json the JSON text
         * @return this builder
         */
        public Builder groups(String json) {
            return text("groups", json);
        }

        /**
         * Client features to switch off, merged with the server's list.
         *
         * @param features the features
         * @return this builder
         */
        public Builder disabledFeatures(Feature... features) {
            return features("disabledFeatures", features);
        }

        /**
         * Features to switch off by their wire names, for features newer than this SDK.
         *
         * @param names wire names such as {@code quizzes}
         * @return this builder
         */
        public Builder disabledFeatureNames(String... names) {
            return featureNames("disabledFeatures", names);
        }

        /**
         * Features to keep on although the server's {@code disabledFeatures} switches them off (2.6.9).
         *
         * @param features the features
         * @return this builder
         */
        public Builder disabledFeaturesExclude(Feature... features) {
            return features("disabledFeaturesExclude", features);
        }

        private Builder features(String parameter, Feature... features) {
            Validation.required(parameter, features);
            String[] names = new String[features.length];
            for (int i = 0; i < features.length; i++) {
                names[i] = Validation.required(parameter + " element", features[i]).wireName();
            }
            return featureNames(parameter, names);
        }

        private Builder featureNames(String parameter, String... names) {
            String merged = Feature.merge(parameter, params.get(parameter), names);
            if (!merged.isEmpty()) {
                params.put(parameter, merged);
            }
            return this;
        }

        /**
         * A URL the server calls (GET, unchanged, unsigned) when the meeting ends
         * ({@code meetingEndedURL}). To authenticate the call, sign the URL with the callback
         * package's meeting-ended signer.
         *
         * @param value an absolute http(s) URL
         * @return this builder
         */
        public Builder meetingEndedUrl(URI value) {
            return url("meetingEndedURL", value);
        }

        /**
         * A URL of client settings JSON that overrides the defaults ({@code clientSettingsOverrideJsonUrl},
         * since BigBlueButton 3.1; 3.0 ignores it).
         *
         * @param value an absolute http(s) URL
         * @return this builder
         */
        public Builder clientSettingsOverrideJsonUrl(URI value) {
            return url("clientSettingsOverrideJsonUrl", value);
        }

        /**
         * Client settings to override, sent as the {@code clientSettingsOverride} module of an XML
         * body (3.0; the server must allow it with {@code allowOverrideClientSettingsOnCreateCall}).
         *
         * @param json a JSON object
         * @return this builder
         */
        public Builder clientSettingsOverride(String json) {
            Validation.nonBlank("clientSettingsOverride", json);
            if (json.contains("]]>")) {
                throw new IllegalArgumentException("clientSettingsOverride must not contain ']]>': it is sent as CDATA");
            }
            this.clientSettingsOverride = json;
            return this;
        }

        /**
         * Whether all users may draw on the whiteboard from the start ({@code multiUserWhiteboardEnabled},
         * since BigBlueButton 3.1; 3.0 ignores it).
         *
         * @param value the flag
         * @return this builder
         */
        public Builder multiUserWhiteboardEnabled(boolean value) {
            return flag("multiUserWhiteboardEnabled", value);
        }

        /**
         * Adds a document to pre-upload. The request is then sent as a POST with an XML body.
         *
         * @param document the document
         * @return this builder
         */
        public Builder document(Document document) {
            documents.add(Validation.required("document", document));
            return this;
        }

        /**
         * A parameter this SDK does not model yet, after all typed parameters on the wire. It may not
         * repeat a typed or required parameter, nor be {@code checksum} or a {@code meta_} or
         * {@code plugin_} entry (they have typed setters with BigBlueButton's key rules).
         *
         * @param name the wire name, {@code [a-zA-Z][a-zA-Z0-9_.-]*}, e.g. {@code sharedNotesEditor}
         * @param value the value, sent as given
         * @return this builder
         * @throws NullPointerException if name or value is {@code null}
         * @throws IllegalArgumentException if the name or value breaks its rule
         */
        public Builder additionalParam(String name, String value) {
            params.additional(name, value);
            return this;
        }

        /**
         * Validates and builds the request.
         *
         * @return the immutable request
         * @throws NullPointerException if meetingId or name is {@code null}
         * @throws IllegalArgumentException naming the parameter and the rule it breaks
         */
        public CreateMeetingRequest build() {
            Validation.meetingId("meetingID", meetingId);
            Validation.text("name", name, 2, 256);
            return new CreateMeetingRequest(this, params.build());
        }
    }
}
