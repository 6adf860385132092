package de.hessen.schulportal.bbb.client.meeting;

import de.hessen.schulportal.bbb.client.internal.Parameters;
import de.hessen.schulportal.bbb.client.internal.Validation;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The {@code create} call: opens a meeting, or returns the running one with the same ID.
 *
 * <p>Immutable and thread-safe. Required values go into {@link #builder(String, String)}; everything
 * else keeps the server's default unless set. {@link Builder#build()} checks every value against the
 * rules of bbb-web and throws {@link IllegalArgumentException} naming the parameter and the rule for
 * anything the server would reject or silently drop or alter.
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
 * <p>Passwords are not modelled: joins use roles. A request without {@code attendeePW} and
 * {@code moderatorPW} is idempotent on the server (a repeat answers {@code duplicateWarning}), so
 * the client may retry it.
 */
public final class CreateMeetingRequest {
    private final String meetingId;
    private final String name;
    private final Map<String, String> parameters;
    private final Map<String, String> metadata;
    private final List<Document> documents;
    private final String clientSettingsOverride;

    private CreateMeetingRequest(Builder b, Map<String, String> parameters) {
        this.meetingId = b.meetingId;
        this.name = b.name;
        this.parameters = parameters;
        this.metadata = Collections.unmodifiableMap(new LinkedHashMap<>(b.metadata));
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
        parameters.forEach((k, v) -> {
            if (!k.equals("meetingID") && !k.equals("name") && !k.startsWith("meta_")) {
                b.params.put(k, v);
            }
        });
        b.metadata.putAll(metadata);
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
        return metadata;
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
        private final Map<String, String> metadata = new LinkedHashMap<>();
        private final List<Document> documents = new ArrayList<>();
        private String clientSettingsOverride;

        private Builder(String meetingId, String name) {
            this.meetingId = meetingId;
            this.name = name;
        }

        private Builder flag(String parameter, boolean value) {
            params.put(parameter, Boolean.toString(value));
            return this;
        }

        private Builder text(String parameter, String value) {
            params.put(parameter, Validation.text(parameter, value));
            return this;
        }

        private Builder url(String parameter, URI value) {
            Validation.required(parameter, value);
            params.put(parameter, Validation.url(parameter, value.toString()));
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
         * Idle time after which the client logs a user out.
         *
         * @param value a whole number of minutes
         * @return this builder
         */
        public Builder logoutTimer(Duration value) {
            return minutes("logoutTimer", value);
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
         * Whether breakout rooms are recorded.
         *
         * @param value the flag
         * @return this builder
         */
        public Builder breakoutRoomsRecord(boolean value) {
            return flag("breakoutRoomsRecord", value);
        }

        /**
         * Whether private chat is allowed in breakout rooms.
         *
         * @param value the flag
         * @return this builder
         */
        public Builder breakoutRoomsPrivateChatEnabled(boolean value) {
            return flag("breakoutRoomsPrivateChatEnabled", value);
        }

        /**
         * Whether breakout room slides are captured into the parent meeting (2.6).
         *
         * @param value the flag
         * @return this builder
         */
        public Builder breakoutRoomsCaptureSlides(boolean value) {
            return flag("breakoutRoomsCaptureSlides", value);
        }

        /**
         * Whether breakout room notes are captured into the parent meeting (2.6).
         *
         * @param value the flag
         * @return this builder
         */
        public Builder breakoutRoomsCaptureNotes(boolean value) {
            return flag("breakoutRoomsCaptureNotes", value);
        }

        /**
         * Adds a metadata entry ({@code meta_<key>}). Keys must match {@code [a-zA-Z][a-zA-Z0-9-]*},
         * because BigBlueButton silently drops others; the server lower-cases them, so lower-case
         * keys read back unchanged.
         *
         * @param key the key without {@code meta_}
         * @param value the value
         * @return this builder
         */
        public Builder meta(String key, String value) {
            Validation.metaKey(key);
            metadata.put(key, Validation.text("meta_" + key, value));
            return this;
        }

        /**
         * Adds several metadata entries, as {@link #meta(String, String)} does for each.
         *
         * @param entries keys without {@code meta_} and their values
         * @return this builder
         */
        public Builder meta(Map<String, String> entries) {
            entries.forEach(this::meta);
            return this;
        }

        /**
         * The text of the banner above the client.
         *
         * @param value the text
         * @return this builder
         */
        public Builder bannerText(String value) {
            return text("bannerText", value);
        }

        /**
         * The banner colour as {@code #RRGGBB}.
         *
         * @param value the colour
         * @return this builder
         */
        public Builder bannerColor(String value) {
            Validation.required("bannerColor", value);
            if (!value.matches("#[0-9a-fA-F]{6}")) {
                throw new IllegalArgumentException("bannerColor must be #RRGGBB, e.g. #0A5C9E");
            }
            return text("bannerColor", value);
        }

        /**
         * The logo shown in the client.
         *
         * @param value an absolute http(s) URL
         * @return this builder
         */
        public Builder logo(URI value) {
            return url("logo", value);
        }

        /**
         * The logo for the dark theme (2.7, {@code darklogo}).
         *
         * @param value an absolute http(s) URL
         * @return this builder
         */
        public Builder darkLogo(URI value) {
            return url("darklogo", value);
        }

        /**
         * The copyright text in the client.
         *
         * @param value the text
         * @return this builder
         */
        public Builder copyright(String value) {
            return text("copyright", value);
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
         * Whether moderators may stop others' cameras.
         *
         * @param value the flag
         * @return this builder
         */
        public Builder allowModsToEjectCameras(boolean value) {
            return flag("allowModsToEjectCameras", value);
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
         * How many cameras one user may share; 0 means unlimited.
         *
         * @param value a non-negative number
         * @return this builder
         */
        public Builder userCameraCap(int value) {
            params.put("userCameraCap", Integer.toString(Validation.nonNegative("userCameraCap", value)));
            return this;
        }

        /**
         * How many cameras the meeting may have; 0 means unlimited (2.5).
         *
         * @param value a non-negative number
         * @return this builder
         */
        public Builder meetingCameraCap(int value) {
            params.put("meetingCameraCap", Integer.toString(Validation.nonNegative("meetingCameraCap", value)));
            return this;
        }

        /**
         * How many cameras may be pinned.
         *
         * @param value a positive number
         * @return this builder
         */
        public Builder maxPinnedCameras(int value) {
            params.put("maxPinnedCameras", Integer.toString(Validation.positive("maxPinnedCameras", value)));
            return this;
        }

        /**
         * The lock settings for viewers.
         *
         * @param value the settings
         * @return this builder
         */
        public Builder lockSettings(LockSettings value) {
            Validation.required("lockSettings", value).parameters().forEach(params::put);
            return this;
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
         * How long the meeting waits for a moderator to come back before it ends.
         *
         * @param value a whole number of minutes
         * @return this builder
         */
        public Builder endWhenNoModeratorDelay(Duration value) {
            return minutes("endWhenNoModeratorDelayInMinutes", value);
        }

        /**
         * How long a meeting nobody joined stays open (2.5).
         *
         * @param value a whole number of minutes
         * @return this builder
         */
        public Builder meetingExpireIfNoUserJoined(Duration value) {
            return minutes("meetingExpireIfNoUserJoinedInMinutes", value);
        }

        /**
         * How long a meeting stays open after the last user left; zero disables (2.5).
         *
         * @param value a whole number of minutes
         * @return this builder
         */
        public Builder meetingExpireWhenLastUserLeft(Duration value) {
            return minutes("meetingExpireWhenLastUserLeftInMinutes", value);
        }

        /**
         * How long the learning dashboard stays available after the meeting; zero keeps it.
         *
         * @param value a whole number of minutes
         * @return this builder
         */
        public Builder learningDashboardCleanupDelay(Duration value) {
            return minutes("learningDashboardCleanupDelayInMinutes", value);
        }

        /**
         * Whether client requests without an HTTP session are allowed (2.4.3).
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
            Validation.required(parameter, names);
            Set<String> merged = new LinkedHashSet<>();
            String existing = params.get(parameter);
            if (existing != null) {
                merged.addAll(List.of(existing.split(",")));
            }
            for (String n : names) {
                Validation.nonBlank(parameter + " element", n);
                if (n.contains(",")) {
                    throw new IllegalArgumentException(parameter + " element must not contain a comma: the list is comma-separated");
                }
                merged.add(n);
            }
            if (!merged.isEmpty()) {
                params.put(parameter, String.join(",", merged));
            }
            return this;
        }

        /**
         * A link to an external storage for presentations (2.6).
         *
         * @param value an absolute http(s) URL
         * @return this builder
         */
        public Builder presentationUploadExternalUrl(URI value) {
            return url("presentationUploadExternalUrl", value);
        }

        /**
         * The text explaining {@link #presentationUploadExternalUrl(URI)} (2.6).
         *
         * @param value the text
         * @return this builder
         */
        public Builder presentationUploadExternalDescription(String value) {
            return text("presentationUploadExternalDescription", value);
        }

        /**
         * A presentation the server downloads on create (2.7.2). For several documents or inline
         * files use {@link #document(Document)}.
         *
         * @param value an absolute http(s) URL
         * @return this builder
         */
        public Builder preUploadedPresentation(URI value) {
            return url("preUploadedPresentation", value);
        }

        /**
         * The file name for {@link #preUploadedPresentation(URI)}.
         *
         * @param value the name
         * @return this builder
         */
        public Builder preUploadedPresentationName(String value) {
            return text("preUploadedPresentationName", value);
        }

        /**
         * Whether provided slides replace the server's default presentation.
         *
         * @param value the flag
         * @return this builder
         */
        public Builder preUploadedPresentationOverrideDefault(boolean value) {
            return flag("preUploadedPresentationOverrideDefault", value);
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
         * A URL of client settings JSON that overrides the defaults (3.0.x).
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
         * Whether all users may draw on the whiteboard from the start (3.0).
         *
         * @param value the flag
         * @return this builder
         */
        public Builder multiUserWhiteboardEnabled(boolean value) {
            return flag("multiUserWhiteboardEnabled", value);
        }

        /**
         * Client plugins as the JSON array BigBlueButton expects (3.0):
         * {@code [{"url":"https://…/manifest.json"}]}.
         *
         * @param json the JSON text
         * @return this builder
         */
        public Builder pluginManifests(String json) {
            return text("pluginManifests", json);
        }

        /**
         * The most pages an uploaded presentation may have (3.0.x).
         *
         * @param value a positive number
         * @return this builder
         */
        public Builder maxNumPages(int value) {
            params.put("maxNumPages", Integer.toString(Validation.positive("maxNumPages", value)));
            return this;
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
         * A parameter this SDK does not model yet. It may not repeat a typed parameter.
         *
         * @param name the wire name, e.g. {@code presentationConversionCacheEnabled}
         * @param value the value, sent as given
         * @return this builder
         */
        public Builder additionalParam(String name, String value) {
            if (name != null && name.startsWith("meta_")) {
                throw new IllegalArgumentException("additionalParam '" + name + "': use meta(key, value) for metadata");
            }
            params.additional(name, value);
            return this;
        }

        /**
         * Validates and builds the request.
         *
         * @return the immutable request
         * @throws IllegalArgumentException naming the parameter and the rule it breaks
         */
        public CreateMeetingRequest build() {
            Validation.meetingId("meetingID", meetingId);
            Validation.text("name", name, 2, 256);
            Map<String, String> all = new LinkedHashMap<>();
            all.put("meetingID", meetingId);
            all.put("name", name);
            Map<String, String> rest = params.build();
            for (Map.Entry<String, String> e : rest.entrySet()) {
                if (all.containsKey(e.getKey())) {
                    throw new IllegalArgumentException("additionalParam '" + e.getKey()
                            + "' repeats a required parameter given to builder()");
                }
                all.put(e.getKey(), e.getValue());
            }
            Map<String, String> lowerCased = new LinkedHashMap<>();
            for (String key : metadata.keySet()) {
                String previous = lowerCased.put(key.toLowerCase(java.util.Locale.ROOT), key);
                if (previous != null) {
                    throw new IllegalArgumentException("meta keys '" + previous + "' and '" + key
                            + "' differ only in case: BigBlueButton lower-cases keys and would keep only one");
                }
            }
            metadata.forEach((k, v) -> all.put("meta_" + k, v));
            return new CreateMeetingRequest(this, Collections.unmodifiableMap(all));
        }
    }
}
