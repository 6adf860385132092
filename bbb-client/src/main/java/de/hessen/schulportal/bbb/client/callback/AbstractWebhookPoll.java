// SPDX-License-Identifier: Apache-2.0
package de.hessen.schulportal.bbb.client.callback;

import de.hessen.schulportal.bbb.client.internal.ValueType;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * The {@code poll} object of {@code poll-started} (ID, question, answers) and {@code poll-responded}
 * (ID and the chosen answer IDs), from bbb-webhooks {@code src/process/event.js},
 * {@code WebhooksEvent.pollTemplate}; the user who started or answered is {@link WebhookEvent#user()}.
 * Every field is empty if the event did not send it (or sent a value of an unexpected type).
 * Immutable; read from {@link WebhookEvent#poll()}, or built by {@link WebhookPoll#builder()} in
 * tests. {@code toString()} shows the ID and the chosen answer IDs only: questions and answers are
 * user content.
 */
@Value.Immutable
@ValueType
abstract class AbstractWebhookPoll {
    /** {@return the poll ID ({@code id}); empty if not sent} */
    public abstract Optional<String> id();

    /** {@return the question ({@code question}, {@code poll-started}; {@code ""} for quick polls without one); never in {@code toString()}; empty if not sent} */
    @Value.Redacted
    public abstract Optional<String> question();

    /**
     * {@return the answers offered ({@code answers}, {@code poll-started}): answer ID to its text
     * ({@code key}) in the order sent, entries without an {@code int} ID or a text left out; never in
     * {@code toString()}; empty if not sent}
     */
    @Value.Redacted
    public abstract Map<Integer, String> answers();

    /** {@return the IDs of the answers chosen ({@code answerIds}, {@code poll-responded}), JSON integers only; empty if not sent} */
    public abstract List<Integer> answerIds();

    /** {@return the {@code poll} object as JSON, re-serialized from the parsed tree; never in {@code toString()}} */
    @Value.Default
    @Value.Redacted
    public String rawJson() {
        return "{}";
    }
}
