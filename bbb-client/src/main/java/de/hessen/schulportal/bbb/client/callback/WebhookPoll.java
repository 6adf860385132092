// SPDX-License-Identifier: Apache-2.0
package de.hessen.schulportal.bbb.client.callback;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * The {@code poll} attributes of {@code poll-started} (ID, question, answers) and
 * {@code poll-responded} (ID and the chosen answer IDs); the user who started or answered is
 * {@link WebhookEvent#user()}. Values of unexpected types read as absent. Immutable.
 */
public final class WebhookPoll {
    private final JsonNode node;

    WebhookPoll(JsonNode node) {
        this.node = node;
    }

    /**
     * The poll ID ({@code id}).
     *
     * @return the ID, if present
     */
    public Optional<String> id() {
        return Optional.ofNullable(Nodes.str(node, "id"));
    }

    /**
     * The question ({@code question}, {@code poll-started}); empty text for quick polls without one.
     *
     * @return the question, if present
     */
    public Optional<String> question() {
        return Optional.ofNullable(Nodes.str(node, "question"));
    }

    /**
     * The answers offered ({@code answers}, {@code poll-started}): answer ID to its text
     * ({@code key}), in the order sent. Entries without an integer ID are left out.
     *
     * @return an unmodifiable map, empty if absent
     */
    public Map<Integer, String> answers() {
        JsonNode answers = node.get("answers");
        if (answers == null || !answers.isArray()) {
            return Map.of();
        }
        Map<Integer, String> map = new LinkedHashMap<>();
        for (JsonNode a : answers) {
            Long id = Nodes.lng(a, "id");
            String key = Nodes.str(a, "key");
            if (id != null && id == id.intValue() && key != null) {
                map.put(id.intValue(), key);
            }
        }
        return Collections.unmodifiableMap(map);
    }

    /**
     * The IDs of the answers chosen ({@code answerIds}, {@code poll-responded}).
     *
     * @return an unmodifiable list, empty if absent
     */
    public List<Integer> answerIds() {
        JsonNode ids = node.get("answerIds");
        if (ids == null || !ids.isArray()) {
            return List.of();
        }
        List<Integer> list = new ArrayList<>();
        for (JsonNode id : ids) {
            if (id.isIntegralNumber() && id.canConvertToInt()) {
                list.add(id.intValue());
            }
        }
        return Collections.unmodifiableList(list);
    }

    /**
     * The {@code poll} object as JSON.
     *
     * @return the JSON text
     */
    public String rawJson() {
        return node.toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof WebhookPoll && node.equals(((WebhookPoll) o).node);
    }

    @Override
    public int hashCode() {
        return node.hashCode();
    }

    /** Shows the ID only: questions and answers are user content. */
    @Override
    public String toString() {
        return "WebhookPoll[id=" + id().orElse(null) + "]";
    }
}
