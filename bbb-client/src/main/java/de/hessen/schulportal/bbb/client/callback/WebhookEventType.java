// SPDX-License-Identifier: Apache-2.0
package de.hessen.schulportal.bbb.client.callback;

import java.util.Arrays;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The event ids bbb-webhooks emits in mapped mode ({@code getRaw=false}), as of bbb-webhooks 3.5.
 * Anything else, including raw-mode messages, is {@link #UNKNOWN}; the id string is always kept
 * by {@link WebhookEvent#id()}.
 */
public enum WebhookEventType {
    /** {@code meeting-created}. */
    MEETING_CREATED("meeting-created"),
    /** {@code meeting-ended}. */
    MEETING_ENDED("meeting-ended"),
    /** {@code meeting-recording-started}. */
    MEETING_RECORDING_STARTED("meeting-recording-started"),
    /** {@code meeting-recording-stopped}. */
    MEETING_RECORDING_STOPPED("meeting-recording-stopped"),
    /** {@code meeting-recording-unhandled}. */
    MEETING_RECORDING_UNHANDLED("meeting-recording-unhandled"),
    /** {@code meeting-screenshare-started}. */
    MEETING_SCREENSHARE_STARTED("meeting-screenshare-started"),
    /** {@code meeting-screenshare-stopped}. */
    MEETING_SCREENSHARE_STOPPED("meeting-screenshare-stopped"),
    /** {@code meeting-presentation-changed}. */
    MEETING_PRESENTATION_CHANGED("meeting-presentation-changed"),
    /** {@code user-joined}. */
    USER_JOINED("user-joined"),
    /** {@code user-left}. */
    USER_LEFT("user-left"),
    /** {@code user-audio-voice-enabled}. */
    USER_AUDIO_VOICE_ENABLED("user-audio-voice-enabled"),
    /** {@code user-audio-voice-disabled}. */
    USER_AUDIO_VOICE_DISABLED("user-audio-voice-disabled"),
    /** {@code user-audio-muted}. */
    USER_AUDIO_MUTED("user-audio-muted"),
    /** {@code user-audio-unmuted}. */
    USER_AUDIO_UNMUTED("user-audio-unmuted"),
    /** {@code user-audio-unhandled}. */
    USER_AUDIO_UNHANDLED("user-audio-unhandled"),
    /** {@code user-cam-broadcast-start}. */
    USER_CAM_BROADCAST_START("user-cam-broadcast-start"),
    /** {@code user-cam-broadcast-end}. */
    USER_CAM_BROADCAST_END("user-cam-broadcast-end"),
    /** {@code user-presenter-assigned}. */
    USER_PRESENTER_ASSIGNED("user-presenter-assigned"),
    /** {@code user-presenter-unassigned}. */
    USER_PRESENTER_UNASSIGNED("user-presenter-unassigned"),
    /** {@code user-emoji-changed}. */
    USER_EMOJI_CHANGED("user-emoji-changed"),
    /** {@code user-raise-hand-changed} (BigBlueButton 2.7+). */
    USER_RAISE_HAND_CHANGED("user-raise-hand-changed"),
    /** {@code chat-group-message-sent} (public chat only). */
    CHAT_GROUP_MESSAGE_SENT("chat-group-message-sent"),
    /** {@code poll-started}. */
    POLL_STARTED("poll-started"),
    /** {@code poll-responded}. */
    POLL_RESPONDED("poll-responded"),
    /** {@code pad-content}. */
    PAD_CONTENT("pad-content"),
    /** {@code transcript-updated} (bbb-webhooks 3.5). */
    TRANSCRIPT_UPDATED("transcript-updated"),
    /** {@code rap-archive-started}. */
    RAP_ARCHIVE_STARTED("rap-archive-started"),
    /** {@code rap-archive-ended}; adds {@code recorded} and {@code duration}. */
    RAP_ARCHIVE_ENDED("rap-archive-ended"),
    /** {@code rap-sanity-started}. */
    RAP_SANITY_STARTED("rap-sanity-started"),
    /** {@code rap-sanity-ended}. */
    RAP_SANITY_ENDED("rap-sanity-ended"),
    /** {@code rap-post-archive-started}. */
    RAP_POST_ARCHIVE_STARTED("rap-post-archive-started"),
    /** {@code rap-post-archive-ended}. */
    RAP_POST_ARCHIVE_ENDED("rap-post-archive-ended"),
    /** {@code rap-process-started}. */
    RAP_PROCESS_STARTED("rap-process-started"),
    /** {@code rap-process-ended}. */
    RAP_PROCESS_ENDED("rap-process-ended"),
    /** {@code rap-post-process-started}. */
    RAP_POST_PROCESS_STARTED("rap-post-process-started"),
    /** {@code rap-post-process-ended}. */
    RAP_POST_PROCESS_ENDED("rap-post-process-ended"),
    /** {@code rap-publish-started}. */
    RAP_PUBLISH_STARTED("rap-publish-started"),
    /** {@code rap-publish-ended}; adds the {@code recording} details. */
    RAP_PUBLISH_ENDED("rap-publish-ended"),
    /** {@code rap-post-publish-started}. */
    RAP_POST_PUBLISH_STARTED("rap-post-publish-started"),
    /** {@code rap-post-publish-ended}. */
    RAP_POST_PUBLISH_ENDED("rap-post-publish-ended"),
    /** {@code rap-published}. */
    RAP_PUBLISHED("rap-published"),
    /** {@code rap-unpublished}. */
    RAP_UNPUBLISHED("rap-unpublished"),
    /** {@code rap-deleted}. */
    RAP_DELETED("rap-deleted"),
    /** An id this SDK does not know, or a raw-mode message; see {@link WebhookEvent#id()}. */
    UNKNOWN("");

    private static final Map<String, WebhookEventType> BY_ID = Arrays.stream(values()).filter(t -> t != UNKNOWN)
            .collect(Collectors.toUnmodifiableMap(WebhookEventType::id, t -> t));

    private final String id;

    WebhookEventType(String id) {
        this.id = id;
    }

    /** {@return the event id on the wire, e.g. {@code meeting-created}; empty for {@link #UNKNOWN}} */
    public String id() {
        return id;
    }

    /** {@return whether this is a recording-processing event ({@code rap-*}, the {@code RAP_*} constants)} */
    public boolean isRecordingEvent() {
        return id.startsWith("rap-");
    }

    /**
     * Looks up an event id exactly (bbb-webhooks ids are lowercase).
     *
     * @param id the id, may be {@code null}
     * @return the type, or {@link #UNKNOWN}
     */
    public static WebhookEventType fromId(String id) {
        WebhookEventType t = id == null ? null : BY_ID.get(id);
        return t == null ? UNKNOWN : t;
    }
}
