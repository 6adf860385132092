// SPDX-License-Identifier: Apache-2.0
package de.hessen.schulportal.bbb.testkit;

import de.hessen.schulportal.bbb.testkit.internal.ValueType;
import java.time.Instant;
import org.immutables.value.Value;

/**
 * A public chat message received through {@code sendChatMessage}. Immutable; taken by
 * {@link SimulatedMeeting#chatMessages()}, or made by {@link ChatMessage#builder()} for a comparison;
 * {@code toString()} masks the sender and the text.
 */
@Value.Immutable
@ValueType
abstract class AbstractChatMessage {
    /** {@return the sender name ({@code userName}, default {@code "System"}); masked in {@code toString()}} */
    @Value.Redacted
    public abstract String userName();

    /** {@return the message text as received (decoded); masked in {@code toString()}} */
    @Value.Redacted
    public abstract String message();

    /** {@return when it arrived, on the simulator clock} */
    public abstract Instant time();
}
