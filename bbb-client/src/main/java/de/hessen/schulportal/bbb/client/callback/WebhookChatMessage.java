// SPDX-License-Identifier: Apache-2.0
package de.hessen.schulportal.bbb.client.callback;

import java.util.Optional;
import java.util.OptionalLong;
import tools.jackson.databind.JsonNode;

/**
 * The message of a {@code chat-group-message-sent} event (public chat only). Immutable.
 */
public final class WebhookChatMessage {
    private final JsonNode attributes;

    WebhookChatMessage(JsonNode attributes) {
        this.attributes = attributes;
    }

    private JsonNode message() {
        return Nodes.obj(attributes, "chat-message");
    }

    private JsonNode sender() {
        return Nodes.obj(message(), "sender");
    }

    /**
     * The chat ({@code chat-id}), normally {@code MAIN-PUBLIC-GROUP-CHAT}.
     *
     * @return the chat ID, if present
     */
    public Optional<String> chatId() {
        return Optional.ofNullable(Nodes.str(attributes, "chat-id"));
    }

    /**
     * The message ID ({@code chat-message.id}).
     *
     * @return the ID, if present
     */
    public Optional<String> messageId() {
        return Optional.ofNullable(Nodes.str(message(), "id"));
    }

    /**
     * The message text as sent by the client ({@code chat-message.message}); it may contain
     * markup, so escape it before rendering.
     *
     * @return the text, if present
     */
    public Optional<String> text() {
        return Optional.ofNullable(Nodes.str(message(), "message"));
    }

    /**
     * The sender's internal user ID ({@code chat-message.sender.internal-user-id}).
     *
     * @return the ID, if present
     */
    public Optional<String> senderInternalUserId() {
        return Optional.ofNullable(Nodes.str(sender(), "internal-user-id"));
    }

    /**
     * The sender's external user ID ({@code chat-message.sender.external-user-id}); current
     * bbb-webhooks versions do not send it.
     *
     * @return the ID, if present
     */
    public Optional<String> senderExternalUserId() {
        return Optional.ofNullable(Nodes.str(sender(), "external-user-id"));
    }

    /**
     * The sender's display name ({@code chat-message.sender.name}).
     *
     * @return the name, if present
     */
    public Optional<String> senderName() {
        return Optional.ofNullable(Nodes.str(sender(), "name"));
    }

    /**
     * When the message was sent, in milliseconds since the epoch ({@code chat-message.sender.time}).
     *
     * @return the time, if present
     */
    public OptionalLong time() {
        Long v = Nodes.lng(sender(), "time");
        return v == null ? OptionalLong.empty() : OptionalLong.of(v);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof WebhookChatMessage && attributes.equals(((WebhookChatMessage) o).attributes);
    }

    @Override
    public int hashCode() {
        return attributes.hashCode();
    }

    @Override
    public String toString() {
        return "WebhookChatMessage[messageId=" + messageId().orElse(null) + ", sender="
                + senderInternalUserId().orElse(null) + "]";
    }
}
