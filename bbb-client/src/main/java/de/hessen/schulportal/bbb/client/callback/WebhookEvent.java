// SPDX-License-Identifier: Apache-2.0
package de.hessen.schulportal.bbb.client.callback;

import java.time.Instant;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * One event of a bbb-webhooks delivery.
 *
 * <p>Mapped events ({@code getRaw=false}) have the shape
 * {@code {"data":{"type":"event","id":"<id>","attributes":{…},"event":{"ts":<ms>}}}}; their
 * {@link #id()} is the event id and {@link #type()} the matching {@link WebhookEventType}, or
 * {@link WebhookEventType#UNKNOWN} for ids this SDK does not know. Raw-mode messages
 * ({@code getRaw=true}: the Redis {@code envelope}/{@code core} message) and anything else are
 * never dropped: they come as {@link WebhookEventType#UNKNOWN} with {@link #isRawMode()}
 * {@code true} where they look like raw messages. {@link #rawJson()} is always available.
 *
 * <p>Typed views ({@link #meeting()}, {@link #user()}, {@link #recording()},
 * {@link #chatMessage()}, {@link #poll()}) are present when the attributes contain the matching object; fields of
 * unexpected types read as absent. Immutable; {@code toString()} shows ids only, no user content.
 *
 * <pre>{@code
 * for (WebhookEvent e : delivery.events()) {
 *     switch (e.type()) {
 *         case USER_JOINED: e.user().flatMap(WebhookUser::externalUserId).ifPresent(this::markPresent); break;
 *         case RAP_PUBLISH_ENDED: e.recording().flatMap(WebhookRecording::recordId).ifPresent(this::fetch); break;
 *         default: break;
 *     }
 * }
 * }</pre>
 */
public final class WebhookEvent {
    private final JsonNode node;
    private final JsonNode data;
    private final JsonNode attributes;
    private final String id;
    private final boolean rawMode;

    WebhookEvent(JsonNode node) {
        this.node = node;
        JsonNode d = Nodes.obj(node, "data");
        String dataId = Nodes.str(d, "id");
        if (d != null && dataId != null) {
            this.data = d;
            this.id = dataId;
            this.rawMode = false;
            JsonNode attrs = Nodes.obj(d, "attributes");
            this.attributes = attrs;
        } else {
            this.data = null;
            this.attributes = null;
            JsonNode envelope = Nodes.obj(node, "envelope");
            JsonNode header = Nodes.obj(node, "header");
            String rawName = Nodes.str(envelope, "name");
            if (rawName == null) {
                rawName = Nodes.str(header, "name");
            }
            this.id = rawName == null ? "" : rawName;
            this.rawMode = envelope != null || Nodes.obj(node, "core") != null || header != null;
        }
    }

    /**
     * The event id: for mapped events {@code data.id} (e.g. {@code meeting-created}); for raw-mode
     * messages the message name ({@code envelope.name}, e.g. {@code UserJoinedMeetingEvtMsg});
     * otherwise empty.
     *
     * @return the id, never {@code null}
     */
    public String id() {
        return id;
    }

    /**
     * The event type.
     *
     * @return the type; {@link WebhookEventType#UNKNOWN} for unknown ids and raw-mode messages
     */
    public WebhookEventType type() {
        return data == null ? WebhookEventType.UNKNOWN : WebhookEventType.fromId(id);
    }

    /**
     * Whether this is a raw-mode message (hook created with {@code getRaw=true}), which has none of
     * the mapped fields; read {@link #rawJson()}.
     *
     * @return {@code true} for raw-mode messages
     */
    public boolean isRawMode() {
        return rawMode;
    }

    /**
     * When the event happened ({@code data.event.ts}, milliseconds; for {@code rap-*} events the
     * recording-processing header time).
     *
     * @return the time, if present
     */
    public Optional<Instant> timestamp() {
        Long ts = Nodes.lng(Nodes.obj(data, "event"), "ts");
        return ts == null ? Optional.empty() : Optional.of(Instant.ofEpochMilli(ts));
    }

    /**
     * The internal meeting ID ({@code attributes.meeting.internal-meeting-id}).
     *
     * @return the ID, if present
     */
    public Optional<String> internalMeetingId() {
        return meeting().flatMap(WebhookMeeting::internalMeetingId);
    }

    /**
     * The external meeting ID ({@code attributes.meeting.external-meeting-id}).
     *
     * @return the ID, if present
     */
    public Optional<String> externalMeetingId() {
        return meeting().flatMap(WebhookMeeting::externalMeetingId);
    }

    /**
     * The meeting attributes (all mapped meeting, user, chat and recording events).
     *
     * @return the meeting, if the attributes have a {@code meeting} object
     */
    public Optional<WebhookMeeting> meeting() {
        JsonNode m = Nodes.obj(attributes, "meeting");
        return m == null ? Optional.empty() : Optional.of(new WebhookMeeting(m));
    }

    /**
     * The user attributes ({@code user-*}, screenshare, poll events).
     *
     * @return the user, if the attributes have a {@code user} object
     */
    public Optional<WebhookUser> user() {
        JsonNode u = Nodes.obj(attributes, "user");
        return u == null ? Optional.empty() : Optional.of(new WebhookUser(u));
    }

    /**
     * The recording attributes of {@code rap-*} events.
     *
     * @return the recording view, for events whose id starts with {@code rap-}
     */
    public Optional<WebhookRecording> recording() {
        return attributes != null && id.startsWith("rap-") ? Optional.of(new WebhookRecording(attributes)) : Optional.empty();
    }

    /**
     * The chat message of {@code chat-group-message-sent}.
     *
     * @return the message, if the attributes have a {@code chat-message} object
     */
    public Optional<WebhookChatMessage> chatMessage() {
        return Nodes.obj(attributes, "chat-message") == null ? Optional.empty() : Optional.of(new WebhookChatMessage(attributes));
    }

    /**
     * The poll of {@code poll-started} and {@code poll-responded}.
     *
     * @return the poll, if the attributes have a {@code poll} object
     */
    public Optional<WebhookPoll> poll() {
        JsonNode p = Nodes.obj(attributes, "poll");
        return p == null ? Optional.empty() : Optional.of(new WebhookPoll(p));
    }

    /**
     * Whether this event starts or stops a media stream: a webcam
     * ({@code user-cam-broadcast-start} / {@code -end}, stream ID in {@link WebhookUser#stream()})
     * or a screen share ({@code meeting-screenshare-started} / {@code -stopped}, sharer in
     * {@link #user()}).
     *
     * @return {@code true} for the four stream events
     */
    public boolean isStreamEvent() {
        switch (type()) {
            case USER_CAM_BROADCAST_START:
            case USER_CAM_BROADCAST_END:
            case MEETING_SCREENSHARE_STARTED:
            case MEETING_SCREENSHARE_STOPPED:
                return true;
            default:
                return false;
        }
    }

    /**
     * The {@code data.attributes} object as JSON, for attributes without a typed accessor
     * ({@code pad}, {@code transcript}, …).
     *
     * @return the JSON text, or empty for raw-mode and unrecognised events
     */
    public Optional<String> attributesJson() {
        return attributes == null ? Optional.empty() : Optional.of(attributes.toString());
    }

    /**
     * The whole event as JSON (re-serialized from the parsed tree: same content, possibly different
     * whitespace and escaping).
     *
     * @return the JSON text, never {@code null}
     */
    public String rawJson() {
        return node.toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof WebhookEvent && node.equals(((WebhookEvent) o).node);
    }

    @Override
    public int hashCode() {
        return node.hashCode();
    }

    @Override
    public String toString() {
        return "WebhookEvent[id=" + id + ", type=" + type() + (rawMode ? ", rawMode" : "")
                + ", internalMeetingId=" + internalMeetingId().orElse(null) + "]";
    }
}
