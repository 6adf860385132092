// SPDX-License-Identifier: Apache-2.0
package de.hessen.schulportal.bbb.client.meeting;

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
 * else keeps the server's default unless set. The builder follows the
 * <a href="../package-summary.html#requests">request builder contract</a>: values are checked against the rules of bbb-web, and
 * anything the server would reject or silently drop or alter is refused naming the parameter and
 * the rule.
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
public final class CreateMeetingRequest extends MeetingRequest {
    private final String name;
    private final List<Document> documents;
    private final String clientSettingsOverride;

    private CreateMeetingRequest(Builder b) {
        super(b);
        this.name = b.name;
        this.documents = List.copyOf(b.documents);
        this.clientSettingsOverride = b.clientSettingsOverride;
    }

    /**
     * {@return a new builder}
     *
     * @param meetingId the external meeting ID: 2 to 256 characters, no comma, no surrounding
     *                  whitespace, no control characters
     * @param name the meeting name shown to participants: 2 to 256 characters, no control characters
     */
    public static Builder builder(String meetingId, String name) {
        return new Builder(meetingId, name);
    }

    /** {@return a builder with every value of this request, to derive a variant} */
    public Builder toBuilder() {
        Builder b = new Builder(meetingId(), name);
        // Every value here was validated already; additional parameters become typed ones in place.
        parameters().forEach(b.params::put);
        b.documents.addAll(documents);
        b.clientSettingsOverride = clientSettingsOverride;
        return b;
    }

    /** {@return the meeting name ({@code name})} */
    public String name() {
        return name;
    }

    /** {@return the metadata, keys without the {@code meta_} prefix: an unmodifiable map, empty if none was set} */
    public Map<String, String> metadata() {
        Map<String, String> metadata = new LinkedHashMap<>();
        parameters().forEach((k, v) -> {
            if (k.startsWith("meta_")) {
                metadata.put(k.substring("meta_".length()), v);
            }
        });
        return Collections.unmodifiableMap(metadata);
    }

    /**
     * {@return the documents to pre-upload as the meeting's presentation, in order; empty if none}
     * When there are any, or a client settings override, the request is sent as a POST with an XML
     * body.
     */
    public List<Document> documents() {
        return documents;
    }

    /** {@return the JSON given to {@link Builder#clientSettingsOverride(String)}, or empty} */
    public Optional<String> clientSettingsOverride() {
        return Optional.ofNullable(clientSettingsOverride);
    }

    @Override
    public boolean equals(Object o) {
        return super.equals(o) && documents.equals(((CreateMeetingRequest) o).documents)
                && Objects.equals(clientSettingsOverride, ((CreateMeetingRequest) o).clientSettingsOverride);
    }

    @Override
    public int hashCode() {
        return Objects.hash(parameters(), documents, clientSettingsOverride);
    }

    @Override
    public String toString() {
        return "CreateMeetingRequest{meetingId=" + meetingId() + ", parameters=" + parameters().keySet()
                + ", documents=" + documents.size() + '}';
    }

    /**
     * Collects the values of a {@link CreateMeetingRequest}. Not thread-safe; setting a value again
     * replaces it.
     */
    public static final class Builder extends MeetingRequest.Builder<Builder> {
        private final String name;
        private final List<Document> documents = new ArrayList<>();
        private String clientSettingsOverride;

        private Builder(String meetingId, String name) {
            super(meetingId);
            this.name = name;
            // Their place on the wire is first; their values are checked in build().
            params.put("meetingID", meetingId).put("name", name);
        }

        private Builder group(String parameter, ParameterGroup group) {
            Validation.required(parameter, group).parameters().forEach(params::put);
            return this;
        }

        /**
         * The welcome message shown in the public chat. bbb-web replaces {@code %%CONFNAME%%},
         * {@code %%DIALNUM%%}, {@code %%CONFNUM%%} and {@code %%SERVERURL%%}, keeps a small HTML
         * subset ({@code a}, {@code b}, {@code br}, {@code i}, {@code img}, {@code li}, {@code small},
         * {@code span}, {@code strong}, {@code u}, {@code ul}; links to https, mailto and tel only)
         * and appends its {@code defaultWelcomeMessageFooter}. Use {@code <br>} for line breaks:
         * control characters are refused. Server default: {@code defaultWelcomeMessage}.
         */
        public Builder welcome(String value) {
            return text("welcome", value);
        }

        /**
         * A message shown to moderators only ({@code moderatorOnlyMessage}), with the keywords and
         * HTML subset of {@link #welcome(String)}. None unless set.
         */
        public Builder moderatorOnlyMessage(String value) {
            return text("moderatorOnlyMessage", value);
        }

        /**
         * The phone number shown for dial-in ({@code dialNumber}), as text. Server default:
         * {@code defaultDialAccessNumber}.
         */
        public Builder dialNumber(String value) {
            return text("dialNumber", value);
        }

        /**
         * The voice conference number ({@code voiceBridge}), 0 or more; a number another running
         * meeting uses is refused with {@code nonUniqueVoiceBridge}. Unless set, the server picks a
         * free random one of {@code defaultNumDigitsForTelVoice} (5) digits; Scalelite manages it
         * itself.
         */
        public Builder voiceBridge(int value) {
            return nonNegative("voiceBridge", value);
        }

        /**
         * The most distinct users the meeting admits ({@code maxParticipants}), counted by
         * {@code userID}, 0 or more; 0 means unlimited. Bots are not counted. Server default:
         * {@code defaultMaxUsers} (0).
         */
        public Builder maxParticipants(int value) {
            return nonNegative("maxParticipants", value);
        }

        /**
         * Where users go when they leave ({@code logoutURL}), an absolute http(s) URL. Server
         * default: {@code bigbluebutton.web.logoutURL}, the server's own page.
         */
        public Builder logoutUrl(URI value) {
            return url("logoutURL", value);
        }

        /**
         * Where the client sends users who must log in ({@code loginURL}, BigBlueButton 3.0), an
         * absolute http(s) URL. None unless set.
         */
        public Builder loginUrl(URI value) {
            return url("loginURL", value);
        }

        /**
         * Whether the meeting may be recorded ({@code record}). Default {@code false}; a server with
         * {@code disableRecordingDefault=true} ignores it.
         */
        public Builder record(boolean value) {
            return flag("record", value);
        }

        /**
         * Whether recording starts on its own, without a moderator pressing record
         * ({@code autoStartRecording}). Default {@code false}.
         */
        public Builder autoStartRecording(boolean value) {
            return flag("autoStartRecording", value);
        }

        /**
         * Whether moderators may start and stop the recording ({@code allowStartStopRecording}).
         * Default {@code true}.
         */
        public Builder allowStartStopRecording(boolean value) {
            return flag("allowStartStopRecording", value);
        }

        /**
         * Whether media is kept for the whole meeting, not only the parts marked as recorded
         * ({@code recordFullDurationMedia}, 2.6.9). Default {@code false}.
         */
        public Builder recordFullDurationMedia(boolean value) {
            return flag("recordFullDurationMedia", value);
        }

        /**
         * Whether every participant must acknowledge that the meeting is recorded
         * ({@code notifyRecordingIsOn}, 2.6). Default {@code false}.
         */
        public Builder notifyRecordingIsOn(boolean value) {
            return flag("notifyRecordingIsOn", value);
        }

        /**
         * The longest the meeting may run ({@code duration}), sent in minutes: a duration that is
         * not a whole number of minutes, or negative, is refused. Zero means no limit. Server
         * default: {@code defaultMeetingDuration} (0).
         */
        public Builder duration(Duration value) {
            return minutes("duration", value);
        }

        /**
         * Makes this meeting a breakout room of a running meeting ({@code isBreakout=true},
         * {@code parentMeetingID}, {@code sequence}). bbb-web turns the learning dashboard off and
         * {@code muteOnStart} off in breakout rooms.
         *
         * @param parentMeetingId the internal meeting ID of the parent
         * @param sequence the room number, from 1
         */
        public Builder breakoutOf(String parentMeetingId, int sequence) {
            Validation.nonBlank("parentMeetingID", parentMeetingId);
            params.put("isBreakout", "true");
            params.put("parentMeetingID", parentMeetingId);
            params.put("sequence", Integer.toString(Validation.positive("sequence", sequence)));
            return this;
        }

        /**
         * Whether users may choose a breakout room themselves ({@code freeJoin}; breakout rooms
         * only). Default {@code false}.
         */
        public Builder freeJoin(boolean value) {
            return flag("freeJoin", value);
        }

        /**
         * How the breakout rooms opened from this meeting behave.
         */
        public Builder breakoutRoomSettings(BreakoutRoomSettings value) {
            return group("breakoutRoomSettings", value);
        }

        /**
         * Banner, logos and copyright line of the client.
         */
        public Builder branding(Branding value) {
            return group("branding", value);
        }

        /**
         * How presentations are provided and converted; documents go through
         * {@link #document(Document)}.
         */
        public Builder presentation(PresentationSettings value) {
            return group("presentation", value);
        }

        /**
         * Client plugins and their settings (since BigBlueButton 3.0).
         */
        public Builder plugins(Plugins value) {
            return group("plugins", value);
        }

        /**
         * Limits on cameras.
         */
        public Builder cameras(CameraSettings value) {
            return group("cameras", value);
        }

        /**
         * The media servers for cameras, screen sharing and audio (since BigBlueButton 3.0).
         */
        public Builder mediaBridges(MediaBridges value) {
            return group("mediaBridges", value);
        }

        /**
         * When the meeting, idle users and the dashboard time out.
         */
        public Builder timers(MeetingTimers value) {
            return group("timers", value);
        }

        /**
         * The voice conference number the web client joins ({@code webVoice}; read by every
         * version up to 3.0, defaults to {@link #voiceBridge(int)}); not blank.
         */
        public Builder webVoice(String value) {
            return nonBlank("webVoice", value);
        }

        /**
         * Whether a user must agree before a moderator's unmute takes effect
         * ({@code requireUserConsentBeforeUnmuting}, since BigBlueButton 3.0).
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
         */
        public Builder meta(String key, String value) {
            params.meta(key, value);
            return this;
        }

        /**
         * Adds several metadata entries, as {@link #meta(String, String)} does for each.
         *
         * @param entries keys without {@code meta_} and their values
         */
        public Builder meta(Map<String, String> entries) {
            Validation.required("meta", entries).forEach(this::meta);
            return this;
        }

        /**
         * Whether everyone starts muted ({@code muteOnStart}). Default {@code false}; always
         * {@code false} in breakout rooms.
         */
        public Builder muteOnStart(boolean value) {
            return flag("muteOnStart", value);
        }

        /**
         * Whether moderators may unmute others ({@code allowModsToUnmuteUsers}). Default
         * {@code false}.
         */
        public Builder allowModsToUnmuteUsers(boolean value) {
            return flag("allowModsToUnmuteUsers", value);
        }

        /**
         * Whether viewers' cameras are visible to moderators only ({@code webcamsOnlyForModerator}).
         * Default {@code false}.
         */
        public Builder webcamsOnlyForModerator(boolean value) {
            return flag("webcamsOnlyForModerator", value);
        }

        /**
         * What viewers are locked out of ({@code lockSettings*}).
         */
        public Builder lockSettings(LockSettings value) {
            return group("lockSettings", value);
        }

        /**
         * Who may enter without a moderator's approval ({@code guestPolicy}). Default
         * {@link GuestPolicy#ALWAYS_ACCEPT}.
         */
        public Builder guestPolicy(GuestPolicy value) {
            return name("guestPolicy", value);
        }

        /**
         * Whether moderators may promote guests to moderators
         * ({@code allowPromoteGuestToModerator}, 2.7.9). Server default:
         * {@code defaultAllowPromoteGuestToModerator}.
         */
        public Builder allowPromoteGuestToModerator(boolean value) {
            return flag("allowPromoteGuestToModerator", value);
        }

        /**
         * The layout everyone starts with ({@code meetingLayout}). Server default:
         * {@code defaultMeetingLayout} ({@code CUSTOM_LAYOUT} as shipped).
         */
        public Builder meetingLayout(MeetingLayout value) {
            return name("meetingLayout", value);
        }

        /**
         * Whether the server keeps the meeting's events after it ends ({@code meetingKeepEvents}).
         * Server default: {@code defaultKeepEvents} ({@code false}).
         */
        public Builder meetingKeepEvents(boolean value) {
            return flag("meetingKeepEvents", value);
        }

        /**
         * Whether the meeting ends when the last moderator has left ({@code endWhenNoModerator}),
         * after the delay set in {@link MeetingTimers}. Default {@code false}.
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
         * meeting not ended. Default {@code false}.
         */
        public Builder allowRequestsWithoutSession(boolean value) {
            return flag("allowRequestsWithoutSession", value);
        }

        /**
         * Pre-defined breakout groups ({@code groups}, 2.5) as the JSON array bbb-web expects:
         * {@code [{"id":"1","name":"A","roster":["u1","u2"]}]}, rosters by {@code userID}; bbb-web
         * ignores entries without {@code id}.
         */
        public Builder groups(String json) {
            return text("groups", json);
        }

        /**
         * Client features to switch off ({@code disabledFeatures}). Repeated calls add to the list;
         * the server adds its own {@code disabledFeatures} property.
         */
        public Builder disabledFeatures(Feature... features) {
            return features("disabledFeatures", features);
        }

        /**
         * Features to switch off by their wire names ({@code disabledFeatures}), for features newer
         * than this SDK, e.g. {@code quizzes}. Added to those of {@link #disabledFeatures(Feature...)}.
         */
        public Builder disabledFeatureNames(String... names) {
            return featureNames("disabledFeatures", names);
        }

        /**
         * Features to keep on although the server's {@code disabledFeatures} property switches them
         * off ({@code disabledFeaturesExclude}, 2.6.9). Repeated calls add to the list.
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
         * ({@code meetingEndedURL}), an absolute http(s) URL. To authenticate the call, sign the URL
         * with the callback package's meeting-ended signer. None unless set.
         */
        public Builder meetingEndedUrl(URI value) {
            return url("meetingEndedURL", value);
        }

        /**
         * A URL of client settings JSON that overrides the defaults ({@code clientSettingsOverrideJsonUrl},
         * since BigBlueButton 3.1; 3.0 ignores it), an absolute http(s) URL.
         */
        public Builder clientSettingsOverrideJsonUrl(URI value) {
            return url("clientSettingsOverrideJsonUrl", value);
        }

        /**
         * Client settings to override, sent as the {@code clientSettingsOverride} module of an XML
         * body (3.0; the server must allow it with {@code allowOverrideClientSettingsOnCreateCall}).
         * A JSON object as text, without {@code ]]>} (it is sent as CDATA); not parsed by the SDK.
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
         * since BigBlueButton 3.1; 3.0 ignores it). Default {@code false}.
         */
        public Builder multiUserWhiteboardEnabled(boolean value) {
            return flag("multiUserWhiteboardEnabled", value);
        }

        /**
         * Adds a document to pre-upload; documents are sent in the order added. The request is then
         * sent as a POST with an XML body, which the checksum does not cover.
         */
        public Builder document(Document document) {
            documents.add(Validation.required("document", document));
            return this;
        }

        /**
         * {@return the immutable request}
         *
         * @throws NullPointerException if meetingId or name is {@code null}
         * @throws IllegalArgumentException naming the parameter and the rule it breaks
         */
        public CreateMeetingRequest build() {
            Validation.meetingId("meetingID", meetingId);
            Validation.text("name", name, 2, 256);
            return new CreateMeetingRequest(this);
        }
    }
}
