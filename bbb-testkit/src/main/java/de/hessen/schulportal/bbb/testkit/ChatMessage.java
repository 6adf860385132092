// SPDX-License-Identifier: Apache-2.0
package de.hessen.schulportal.bbb.testkit;

import java.time.Instant;
import java.util.Objects;

/** A public chat message received through {@code sendChatMessage}. Immutable. */
public final class ChatMessage {
    private final String userName;
    private final String message;
    private final Instant time;

    ChatMessage(String userName, String message, Instant time) {
        this.userName = userName;
        this.message = message;
        this.time = time;
    }

    /**
     * The sender name ({@code userName}, default {@code "System"}).
     *
     * @return the sender name
     */
    public String userName() {
        return userName;
    }

    /**
     * The message text as received (decoded).
     *
     * @return the message text
     */
    public String message() {
        return message;
    }

    /**
     * When it arrived, on the simulator clock.
     *
     * @return the arrival time
     */
    public Instant time() {
        return time;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ChatMessage && ((ChatMessage) o).userName.equals(userName)
                && ((ChatMessage) o).message.equals(message) && ((ChatMessage) o).time.equals(time);
    }

    @Override
    public int hashCode() {
        return Objects.hash(userName, message, time);
    }

    @Override
    public String toString() {
        return "ChatMessage[userName=" + userName + ", message=" + message + ", time=" + time + "]";
    }
}
