// SPDX-License-Identifier: Apache-2.0
package de.hessen.schulportal.bbb.client.callback;

import de.hessen.schulportal.bbb.client.internal.ValueType;
import de.hessen.schulportal.bbb.client.meeting.Role;
import java.util.Map;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * The {@code user} object of a webhook event: the {@code user-*} events, and the sharer of a
 * screenshare, the starter or answerer of a poll (bbb-webhooks {@code src/process/event.js},
 * {@code WebhooksEvent.userTemplate}, {@code meetingTemplate}, {@code pollTemplate}). Each event
 * type sends some fields and not others, so every field is empty if the event did not send it (or
 * sent a value of an unexpected type). Immutable; read from {@link WebhookEvent#user()}, or built by
 * {@link WebhookUser#builder()} in tests. {@code toString()} leaves out the name, the
 * {@code userdata} and the JSON.
 */
@Value.Immutable
@ValueType
abstract class AbstractWebhookUser {
    /** {@return the internal user ID, e.g. {@code w_abcdefghijkl} ({@code internal-user-id}); empty if not sent} */
    public abstract Optional<String> internalUserId();

    /**
     * {@return the external user ID given to {@code join} as {@code userID} ({@code external-user-id});
     * bbb-webhooks sends {@code ""} when none was given; empty if not sent}
     */
    public abstract Optional<String> externalUserId();

    /** {@return the display name ({@code name}, {@code user-joined}/{@code -left}); personal data, never in {@code toString()}; empty if not sent} */
    @Value.Redacted
    public abstract Optional<String> name();

    /** {@return the role exactly as sent ({@code role}), e.g. {@code MODERATOR}; empty if not sent} */
    public abstract Optional<String> rawRole();

    /** {@return the role; {@link Role#UNKNOWN} if not sent or not one this SDK knows (see {@link #rawRole()})} */
    public Role role() {
        return rawRole().map(Role::fromServer).orElse(Role.UNKNOWN);
    }

    /** {@return whether the user is presenter ({@code presenter}); empty if not sent} */
    public abstract Optional<Boolean> isPresenter();

    /** {@return whether the user joined as guest ({@code guest}, bbb-webhooks 3.1+); empty if not sent} */
    public abstract Optional<Boolean> isGuest();

    /** {@return whether the user is muted ({@code muted}, the {@code user-audio-*} events); empty if not sent} */
    public abstract Optional<Boolean> isMuted();

    /** {@return whether the user joined audio listen-only ({@code listening-only}, {@code user-audio-voice-*}); empty if not sent} */
    public abstract Optional<Boolean> isListeningOnly();

    /**
     * {@return whether the user shares a microphone, i.e. joined audio not listen-only
     * ({@code sharing-mic}, {@code user-audio-voice-enabled}/{@code -disabled}); empty if not sent}
     */
    public abstract Optional<Boolean> isSharingMic();

    /** {@return whether the user's hand is raised ({@code raise-hand}, {@code user-raise-hand-changed}, BigBlueButton 2.7+); empty if not sent} */
    public abstract Optional<Boolean> isRaiseHand();

    /**
     * {@return the status or reaction emoji ({@code emoji}, {@code user-emoji-changed}); BigBlueButton
     * 2.7+ sends reactions here, {@code none} when cleared; empty if not sent}
     */
    public abstract Optional<String> emoji();

    /**
     * {@return the webcam stream ID ({@code stream}, {@code user-cam-broadcast-start}/{@code -end});
     * empty if not sent, and for the {@code ""} the other user events send}
     */
    public abstract Optional<String> stream();

    /** {@return the {@code userdata-*} parameters given to {@code join} ({@code userdata}); empty if not sent; never in {@code toString()}} */
    @Value.Redacted
    public abstract Map<String, String> userdata();

    /** {@return the {@code user} object as JSON, re-serialized from the parsed tree; never in {@code toString()}} */
    @Value.Default
    @Value.Redacted
    public String rawJson() {
        return "{}";
    }
}
