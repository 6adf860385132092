// SPDX-License-Identifier: Apache-2.0
package de.hessen.schulportal.bbb.client.callback;

import de.hessen.schulportal.bbb.client.meeting.Role;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * The {@code user} attributes of a webhook event ({@code user-*} events; screenshare events carry
 * only the IDs). Values of unexpected types read as absent. Immutable.
 */
public final class WebhookUser {
    private final JsonNode node;

    WebhookUser(JsonNode node) {
        this.node = node;
    }

    /**
     * The internal user ID, e.g. {@code w_abcdefghijkl} ({@code internal-user-id}).
     *
     * @return the ID, if present
     */
    public Optional<String> internalUserId() {
        return Optional.ofNullable(Nodes.str(node, "internal-user-id"));
    }

    /**
     * The external user ID given to {@code join} as {@code userID} ({@code external-user-id});
     * BigBlueButton may send an empty string when none was given.
     *
     * @return the ID, if present
     */
    public Optional<String> externalUserId() {
        return Optional.ofNullable(Nodes.str(node, "external-user-id"));
    }

    /**
     * The display name ({@code name}).
     *
     * @return the name, if present
     */
    public Optional<String> name() {
        return Optional.ofNullable(Nodes.str(node, "name"));
    }

    /**
     * The role; {@link Role#UNKNOWN} if absent or unrecognised (see {@link #rawRole()}).
     *
     * @return the role, never {@code null}
     */
    public Role role() {
        return Role.fromServer(Nodes.str(node, "role"));
    }

    /**
     * The role exactly as sent ({@code role}), e.g. {@code MODERATOR}.
     *
     * @return the raw role, if present
     */
    public Optional<String> rawRole() {
        return Optional.ofNullable(Nodes.str(node, "role"));
    }

    /**
     * Whether the user is presenter ({@code presenter}).
     *
     * @return the flag, if present
     */
    public Optional<Boolean> isPresenter() {
        return Optional.ofNullable(Nodes.bool(node, "presenter"));
    }

    /**
     * Whether the user joined as guest ({@code guest}, bbb-webhooks 3.1+).
     *
     * @return the flag, if present
     */
    public Optional<Boolean> isGuest() {
        return Optional.ofNullable(Nodes.bool(node, "guest"));
    }

    /**
     * Whether the user is muted (audio events, {@code muted}).
     *
     * @return the flag, if present
     */
    public Optional<Boolean> isMuted() {
        return Optional.ofNullable(Nodes.bool(node, "muted"));
    }

    /**
     * Whether the user joined audio listen-only ({@code listening-only}).
     *
     * @return the flag, if present
     */
    public Optional<Boolean> isListeningOnly() {
        return Optional.ofNullable(Nodes.bool(node, "listening-only"));
    }

    /**
     * Whether the user shares a microphone, i.e. joined audio not listen-only ({@code sharing-mic},
     * {@code user-audio-voice-enabled} / {@code -disabled}).
     *
     * @return the flag, if present
     */
    public Optional<Boolean> isSharingMic() {
        return Optional.ofNullable(Nodes.bool(node, "sharing-mic"));
    }

    /**
     * Whether the user's hand is raised ({@code raise-hand}, {@code user-raise-hand-changed},
     * BigBlueButton 2.7+).
     *
     * @return the flag, if present
     */
    public Optional<Boolean> isRaiseHand() {
        return Optional.ofNullable(Nodes.bool(node, "raise-hand"));
    }

    /**
     * The user's status or reaction emoji ({@code emoji}, {@code user-emoji-changed}); BigBlueButton
     * 2.7+ sends reactions here, {@code none} when cleared.
     *
     * @return the emoji name, if present
     */
    public Optional<String> emoji() {
        return Optional.ofNullable(Nodes.str(node, "emoji"));
    }

    /**
     * The webcam stream ID ({@code stream}, {@code user-cam-broadcast-start} / {@code -end}).
     *
     * @return the stream ID, if present and not empty
     */
    public Optional<String> stream() {
        String v = Nodes.str(node, "stream");
        return v == null || v.isEmpty() ? Optional.empty() : Optional.of(v);
    }

    /**
     * The {@code userdata-} parameters given to {@code join} ({@code userdata}).
     *
     * @return an unmodifiable map, empty if absent
     */
    public Map<String, String> userdata() {
        return Nodes.stringMap(node, "userdata");
    }

    /**
     * The {@code user} object as JSON.
     *
     * @return the JSON text
     */
    public String rawJson() {
        return node.toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof WebhookUser && node.equals(((WebhookUser) o).node);
    }

    @Override
    public int hashCode() {
        return node.hashCode();
    }

    @Override
    public String toString() {
        return "WebhookUser[internalUserId=" + internalUserId().orElse(null) + ", externalUserId="
                + externalUserId().orElse(null) + ", role=" + rawRole().orElse(null) + "]";
    }
}
