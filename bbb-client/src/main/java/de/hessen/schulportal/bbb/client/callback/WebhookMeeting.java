// SPDX-License-Identifier: Apache-2.0
package de.hessen.schulportal.bbb.client.callback;

import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import tools.jackson.databind.JsonNode;

/**
 * The {@code meeting} attributes of a webhook event. Every event carries the two IDs;
 * {@code meeting-created} carries the rest. Values of unexpected types read as absent. The meeting
 * passwords that {@code meeting-created} contains are deliberately not exposed (they remain in
 * {@link WebhookEvent#rawJson()}). Immutable.
 */
public final class WebhookMeeting {
    private final JsonNode node;

    WebhookMeeting(JsonNode node) {
        this.node = node;
    }

    /**
     * The internal meeting ID ({@code internal-meeting-id}).
     *
     * @return the ID, if present
     */
    public Optional<String> internalMeetingId() {
        return Optional.ofNullable(Nodes.str(node, "internal-meeting-id"));
    }

    /**
     * The external meeting ID, as given to {@code create} ({@code external-meeting-id}).
     *
     * @return the ID, if present
     */
    public Optional<String> externalMeetingId() {
        return Optional.ofNullable(Nodes.str(node, "external-meeting-id"));
    }

    /**
     * The meeting name ({@code meeting-created}).
     *
     * @return the name, if present
     */
    public Optional<String> name() {
        return Optional.ofNullable(Nodes.str(node, "name"));
    }

    /**
     * Whether this is a breakout room ({@code is-breakout}).
     *
     * @return the flag, if present
     */
    public Optional<Boolean> isBreakout() {
        return Optional.ofNullable(Nodes.bool(node, "is-breakout"));
    }

    /**
     * The internal ID of the parent meeting of a breakout room ({@code parent-id}); BigBlueButton
     * sends {@code "bbb-none"} for normal meetings.
     *
     * @return the ID, if present
     */
    public Optional<String> parentId() {
        return Optional.ofNullable(Nodes.str(node, "parent-id"));
    }

    /**
     * The create time in milliseconds since the epoch ({@code create-time}); pass it to
     * {@code join} as {@code createTime}.
     *
     * @return the time, if present
     */
    public OptionalLong createTime() {
        Long v = Nodes.lng(node, "create-time");
        return v == null ? OptionalLong.empty() : OptionalLong.of(v);
    }

    /**
     * The maximum duration in minutes, 0 for unlimited ({@code duration}).
     *
     * @return the duration, if present
     */
    public OptionalLong durationMinutes() {
        Long v = Nodes.lng(node, "duration");
        return v == null ? OptionalLong.empty() : OptionalLong.of(v);
    }

    /**
     * Whether the meeting may be recorded ({@code record}).
     *
     * @return the flag, if present
     */
    public Optional<Boolean> isRecord() {
        return Optional.ofNullable(Nodes.bool(node, "record"));
    }

    /**
     * The participant cap, 0 for unlimited ({@code max-users}).
     *
     * @return the cap, if present and an int
     */
    public OptionalInt maxUsers() {
        Long v = Nodes.lng(node, "max-users");
        return v == null || v != v.intValue() ? OptionalInt.empty() : OptionalInt.of(v.intValue());
    }

    /**
     * The create date as the server formats it, e.g. {@code Tue Nov 14 22:13:20 UTC 2023}
     * ({@code create-date}, {@code meeting-created}); {@link #createTime()} is the same instant
     * in milliseconds.
     *
     * @return the date text, if present
     */
    public Optional<String> createDate() {
        return Optional.ofNullable(Nodes.str(node, "create-date"));
    }

    /**
     * The voice conference number that phone dial-in and the audio bridge use ({@code voice-conf},
     * {@code meeting-created}): the {@code voiceBridge} of {@code create}.
     *
     * @return the number as text, if present
     */
    public Optional<String> voiceConference() {
        return Optional.ofNullable(Nodes.str(node, "voice-conf"));
    }

    /**
     * The dial-in phone number ({@code dial-number}, {@code meeting-created}).
     *
     * @return the number, if present
     */
    public Optional<String> dialNumber() {
        return Optional.ofNullable(Nodes.str(node, "dial-number"));
    }

    /**
     * The audio bridge of the meeting ({@code audioBridge}, {@code meeting-created}, bbb-webhooks
     * 3.4+), e.g. {@code freeswitch} or {@code livekit}.
     *
     * @return the bridge, if present
     */
    public Optional<String> audioBridge() {
        return Optional.ofNullable(Nodes.str(node, "audioBridge"));
    }

    /**
     * The camera bridge ({@code cameraBridge}, {@code meeting-created}, bbb-webhooks 3.4+).
     *
     * @return the bridge, if present
     */
    public Optional<String> cameraBridge() {
        return Optional.ofNullable(Nodes.str(node, "cameraBridge"));
    }

    /**
     * The screen-share bridge ({@code screenShareBridge}, {@code meeting-created}, bbb-webhooks 3.4+).
     *
     * @return the bridge, if present
     */
    public Optional<String> screenShareBridge() {
        return Optional.ofNullable(Nodes.str(node, "screenShareBridge"));
    }

    /**
     * The presentation now shown ({@code presentation-id}, {@code meeting-presentation-changed}).
     *
     * @return the presentation ID, if present
     */
    public Optional<String> presentationId() {
        return Optional.ofNullable(Nodes.str(node, "presentation-id"));
    }

    /**
     * The meeting metadata (the {@code meta_} parameters of {@code create}, keys as the server
     * reports them, usually lowercase).
     *
     * @return an unmodifiable map, empty if absent
     */
    public Map<String, String> metadata() {
        return Nodes.stringMap(node, "metadata");
    }

    /**
     * The {@code meeting} object as JSON.
     *
     * @return the JSON text
     */
    public String rawJson() {
        return node.toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof WebhookMeeting && node.equals(((WebhookMeeting) o).node);
    }

    @Override
    public int hashCode() {
        return node.hashCode();
    }

    @Override
    public String toString() {
        return "WebhookMeeting[internalMeetingId=" + internalMeetingId().orElse(null)
                + ", externalMeetingId=" + externalMeetingId().orElse(null) + ", name=" + name().orElse(null) + "]";
    }
}
