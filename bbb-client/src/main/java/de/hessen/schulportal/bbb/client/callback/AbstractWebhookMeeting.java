// SPDX-License-Identifier: Apache-2.0
package de.hessen.schulportal.bbb.client.callback;

import de.hessen.schulportal.bbb.client.internal.ValueType;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import org.immutables.value.Value;

/**
 * The {@code meeting} object of a webhook event (bbb-webhooks {@code src/process/event.js},
 * {@code WebhooksEvent.meetingTemplate}): every mapped event carries the two IDs, {@code meeting-created}
 * the rest, {@code meeting-presentation-changed} the presentation. Every other field is empty if the
 * event did not send it (or sent a value of an unexpected type). The passwords
 * {@code meeting-created} contains are deliberately not exposed (they stay in
 * {@link WebhookEvent#rawJson()}). Immutable; read from {@link WebhookEvent#meeting()}, or built by
 * {@link WebhookMeeting#builder()} in tests. {@code toString()} leaves out the dial-in data, the
 * metadata and the JSON.
 */
@Value.Immutable
@ValueType
abstract class AbstractWebhookMeeting {
    /** {@return the internal meeting ID ({@code internal-meeting-id}); empty if not sent} */
    public abstract Optional<String> internalMeetingId();

    /** {@return the external meeting ID, as given to {@code create} ({@code external-meeting-id}); empty if not sent} */
    public abstract Optional<String> externalMeetingId();

    /** {@return the meeting name ({@code name}, {@code meeting-created}); empty if not sent} */
    public abstract Optional<String> name();

    /** {@return whether this is a breakout room ({@code is-breakout}, {@code meeting-created}); empty if not sent} */
    public abstract Optional<Boolean> isBreakout();

    /**
     * {@return the internal ID of the parent meeting of a breakout room ({@code parent-id},
     * {@code meeting-created}); BigBlueButton sends {@code bbb-none} for other meetings; empty if not sent}
     */
    public abstract Optional<String> parentId();

    /**
     * {@return the create time in milliseconds since the epoch ({@code create-time},
     * {@code meeting-created}); pass it to {@code join} as {@code createTime}; empty if not sent}
     */
    public abstract OptionalLong createTime();

    /** {@return the maximum duration in minutes, 0 for unlimited ({@code duration}, {@code meeting-created}); empty if not sent} */
    public abstract OptionalLong durationMinutes();

    /** {@return whether the meeting may be recorded ({@code record}, {@code meeting-created}); empty if not sent} */
    public abstract Optional<Boolean> isRecord();

    /** {@return the participant cap, 0 for unlimited ({@code max-users}, {@code meeting-created}); empty if not sent or not an {@code int}} */
    public abstract OptionalInt maxUsers();

    /**
     * {@return the create date as the server formats it, e.g. {@code Tue Nov 14 22:13:20 UTC 2023}
     * ({@code create-date}, {@code meeting-created}; {@link #createTime()} is the same instant); empty if not sent}
     */
    public abstract Optional<String> createDate();

    /**
     * {@return the voice conference number phone dial-in and the audio bridge use ({@code voice-conf},
     * {@code meeting-created}): the {@code voiceBridge} of {@code create}; it lets a caller in, so
     * never in {@code toString()}; empty if not sent}
     */
    @Value.Redacted
    public abstract Optional<String> voiceConference();

    /** {@return the dial-in phone number ({@code dial-number}, {@code meeting-created}); never in {@code toString()}; empty if not sent} */
    @Value.Redacted
    public abstract Optional<String> dialNumber();

    /** {@return the audio bridge, e.g. {@code freeswitch} or {@code livekit} ({@code audioBridge}, {@code meeting-created}, bbb-webhooks 3.4+); empty if not sent} */
    public abstract Optional<String> audioBridge();

    /** {@return the camera bridge ({@code cameraBridge}, {@code meeting-created}, bbb-webhooks 3.4+); empty if not sent} */
    public abstract Optional<String> cameraBridge();

    /** {@return the screen-share bridge ({@code screenShareBridge}, {@code meeting-created}, bbb-webhooks 3.4+); empty if not sent} */
    public abstract Optional<String> screenShareBridge();

    /** {@return the presentation now shown ({@code presentation-id}, {@code meeting-presentation-changed}); empty if not sent} */
    public abstract Optional<String> presentationId();

    /**
     * {@return the meeting metadata, the {@code meta_} parameters of {@code create} ({@code metadata},
     * {@code meeting-created}; keys as the server reports them, usually lowercase); it may hold callback
     * URLs with tokens, so never in {@code toString()}; empty if not sent}
     */
    @Value.Redacted
    public abstract Map<String, String> metadata();

    /** {@return the {@code meeting} object as JSON, re-serialized from the parsed tree; never in {@code toString()}} */
    @Value.Default
    @Value.Redacted
    public String rawJson() {
        return "{}";
    }
}
