// SPDX-License-Identifier: Apache-2.0
package de.hessen.schulportal.bbb.client.callback;

import de.hessen.schulportal.bbb.client.internal.ValueType;
import java.time.Instant;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * One event of a bbb-webhooks delivery.
 *
 * <p>Mapped events ({@code getRaw=false}) have the shape
 * {@code {"data":{"type":"event","id":"<id>","attributes":{…},"event":{"ts":<ms>}}}} (bbb-webhooks
 * {@code src/process/event.js}, {@code WebhooksEvent}); their {@link #id()} is the event id and
 * {@link #type()} the matching {@link WebhookEventType}, or {@link WebhookEventType#UNKNOWN} for
 * ids this SDK does not know. Raw-mode messages ({@code getRaw=true}: the Redis
 * {@code envelope}/{@code core} message) and anything else are never dropped: they come as
 * {@link WebhookEventType#UNKNOWN} with {@link #isRawMode()} {@code true} where they look like raw
 * messages. {@link #rawJson()} is always there.
 *
 * <p>Events are partial by design: each type carries some objects and not others. The typed views
 * ({@link #meeting()}, {@link #user()}, {@link #recording()}, {@link #chatMessage()},
 * {@link #poll()}) are empty when the event has no such object, and their fields are empty when the
 * event did not send them (or sent a value of an unexpected type); never {@code null}.
 *
 * <p>Immutable; read by {@link WebhookVerifier} or {@link WebhookVerifier#parseUnverified(String)}, or built
 * by {@link WebhookEvent#builder()} in tests. {@code toString()} leaves out the JSON, names,
 * chat text and poll content.
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
@Value.Immutable
@ValueType
abstract class AbstractWebhookEvent {
    /**
     * {@return the event id: for mapped events {@code data.id} (e.g. {@code meeting-created}); for
     * raw-mode messages the message name ({@code envelope.name} or {@code header.name}, e.g.
     * {@code UserJoinedMeetingEvtMsg}); otherwise {@code ""}}
     */
    @Value.Default
    public String id() {
        return "";
    }

    /** {@return the event type; {@link WebhookEventType#UNKNOWN} for ids this SDK does not know and for raw-mode messages} */
    public WebhookEventType type() {
        return isRawMode() ? WebhookEventType.UNKNOWN : WebhookEventType.fromId(id());
    }

    /**
     * {@return whether this is a raw-mode message (hook created with {@code getRaw=true}: it has an
     * {@code envelope}, {@code core} or {@code header}), which has none of the mapped fields; read
     * {@link #rawJson()}}
     */
    @Value.Default
    public boolean isRawMode() {
        return false;
    }

    /**
     * {@return when the event happened ({@code data.event.ts}, milliseconds since the epoch; for
     * {@code rap-*} events the recording-processing header time); empty if not sent}
     */
    public abstract Optional<Instant> timestamp();

    /** {@return the internal meeting ID ({@code attributes.meeting.internal-meeting-id}); empty if not sent} */
    public Optional<String> internalMeetingId() {
        return meeting().flatMap(WebhookMeeting::internalMeetingId);
    }

    /** {@return the external meeting ID ({@code attributes.meeting.external-meeting-id}); empty if not sent} */
    public Optional<String> externalMeetingId() {
        return meeting().flatMap(WebhookMeeting::externalMeetingId);
    }

    /** {@return the {@code meeting} object (all mapped meeting, user, chat, poll and recording-processing events); empty if not sent} */
    public abstract Optional<WebhookMeeting> meeting();

    /** {@return the {@code user} object ({@code user-*}, screenshare and poll events); empty if not sent} */
    public abstract Optional<WebhookUser> user();

    /** {@return the recording attributes, for the events whose id starts with {@code rap-}; empty for other events} */
    public abstract Optional<WebhookRecording> recording();

    /** {@return the message of {@code chat-group-message-sent} ({@code chat-message}); empty if not sent} */
    public abstract Optional<WebhookChatMessage> chatMessage();

    /** {@return the poll of {@code poll-started} and {@code poll-responded} ({@code poll}); empty if not sent} */
    public abstract Optional<WebhookPoll> poll();

    /**
     * {@return whether this event starts or stops a media stream: a webcam
     * ({@code user-cam-broadcast-start}/{@code -end}, stream ID in {@link WebhookUser#stream()}) or a
     * screen share ({@code meeting-screenshare-started}/{@code -stopped}, sharer in {@link #user()})}
     */
    public boolean isStreamEvent() {
        WebhookEventType t = type();
        return t == WebhookEventType.USER_CAM_BROADCAST_START || t == WebhookEventType.USER_CAM_BROADCAST_END
                || t == WebhookEventType.MEETING_SCREENSHARE_STARTED || t == WebhookEventType.MEETING_SCREENSHARE_STOPPED;
    }

    /**
     * {@return the {@code data.attributes} object as JSON, for attributes without a typed accessor
     * ({@code pad}, {@code transcript}, …); never in {@code toString()}; empty for raw-mode and
     * unrecognised events}
     */
    @Value.Redacted
    public abstract Optional<String> attributesJson();

    /**
     * {@return the whole event as JSON, re-serialized from the parsed tree (same content, possibly
     * different whitespace and escaping); never in {@code toString()}}
     */
    @Value.Default
    @Value.Redacted
    public String rawJson() {
        return "{}";
    }
}
