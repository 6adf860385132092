// SPDX-License-Identifier: Apache-2.0
package de.hessen.schulportal.bbb.client.callback;

import de.hessen.schulportal.bbb.client.internal.ValueType;
import java.util.Optional;
import java.util.OptionalLong;
import org.immutables.value.Value;

/**
 * The message of a {@code chat-group-message-sent} event, public chat only (bbb-webhooks
 * {@code src/process/event.js}, {@code WebhooksEvent.chatTemplate}). Every field is empty if the
 * event did not send it (or sent a value of an unexpected type). Immutable; read from
 * {@link WebhookEvent#chatMessage()}, or built by {@link WebhookChatMessage#builder()} in tests.
 * {@code toString()} leaves out the text and the sender's name.
 */
@Value.Immutable
@ValueType
abstract class AbstractWebhookChatMessage {
    /** {@return the chat ({@code chat-id}), normally {@code MAIN-PUBLIC-GROUP-CHAT}; empty if not sent} */
    public abstract Optional<String> chatId();

    /** {@return the message ID ({@code chat-message.id}); empty if not sent} */
    public abstract Optional<String> messageId();

    /**
     * {@return the message text as the client sent it ({@code chat-message.message}); it may contain
     * markup, so escape it before rendering; user content, never in {@code toString()}; empty if not sent}
     */
    @Value.Redacted
    public abstract Optional<String> text();

    /** {@return the sender's internal user ID ({@code chat-message.sender.internal-user-id}); empty if not sent} */
    public abstract Optional<String> senderInternalUserId();

    /**
     * {@return the sender's external user ID ({@code chat-message.sender.external-user-id}); current
     * bbb-webhooks versions do not send it; empty if not sent}
     */
    public abstract Optional<String> senderExternalUserId();

    /** {@return the sender's display name ({@code chat-message.sender.name}); personal data, never in {@code toString()}; empty if not sent} */
    @Value.Redacted
    public abstract Optional<String> senderName();

    /** {@return when the message was sent, in milliseconds since the epoch ({@code chat-message.sender.time}); empty if not sent} */
    public abstract OptionalLong time();
}
