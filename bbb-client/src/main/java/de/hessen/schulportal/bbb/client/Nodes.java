// SPDX-License-Identifier: Apache-2.0
package de.hessen.schulportal.bbb.client;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.MissingNode;

/**
 * Lenient reading of Jackson's tree of an XML answer, the way a forward-compatible client must
 * read: a missing element reads as empty, unknown ones are ignored, and an element reads the same
 * whether it appeared once (an object or a string) or several times (an array).
 */
final class Nodes {
    private Nodes() {
    }

    private static JsonNode first(JsonNode v) {
        return v != null && v.isArray() ? v.get(0) : v;
    }

    /** The trimmed text of a value: a string, or an element with attributes' text property. */
    private static String textOf(JsonNode v) {
        if (v == null) {
            return "";
        }
        if (v.isString()) {
            return v.asString().trim();
        }
        if (v.isObject()) {
            JsonNode t = v.get("");
            return t != null && t.isString() ? t.asString().trim() : "";
        }
        return "";
    }

    static boolean exists(JsonNode n, String name) {
        JsonNode c = first(n.get(name));
        return c != null && !c.isNull();
    }

    /** The first child of that name; an empty object if there is none. */
    static JsonNode child(JsonNode n, String name) {
        JsonNode c = first(n.get(name));
        return c == null || c.isNull() ? MissingNode.getInstance() : c;
    }

    /** All children of that name, in document order. */
    static List<JsonNode> children(JsonNode n, String name) {
        JsonNode c = n.get(name);
        if (c == null) {
            return List.of();
        }
        if (c.isArray()) {
            List<JsonNode> list = new ArrayList<>(c.size());
            for (JsonNode e : c.values()) {
                list.add(e);
            }
            return list;
        }
        return List.of(c);
    }

    /** The non-empty texts of the children of that name, in document order (lists of IDs). */
    static List<String> texts(JsonNode n, String name) {
        List<String> list = new ArrayList<>();
        for (JsonNode c : children(n, name)) {
            String t = textOf(c);
            if (!t.isEmpty()) {
                list.add(t);
            }
        }
        return list;
    }

    /** The trimmed text of the element itself. */
    static String text(JsonNode n) {
        return textOf(n);
    }

    static String text(JsonNode n, String name) {
        return textOf(first(n.get(name)));
    }

    static Optional<String> optionalText(JsonNode n, String name) {
        String t = text(n, name);
        return t.isEmpty() ? Optional.empty() : Optional.of(t);
    }

    static Optional<String> attribute(JsonNode n, String name) {
        JsonNode a = n.get(name);
        if (a != null && a.isString()) {
            return Optional.of(a.asString());
        }
        return a != null && a.isNull() ? Optional.of("") : Optional.empty();
    }

    /** Only a case-insensitive {@code true} is true, as on the server. */
    static boolean bool(JsonNode n, String name) {
        return Boolean.parseBoolean(text(n, name));
    }

    static long longValue(JsonNode n, String name, long fallback) {
        String t = text(n, name);
        if (t.isEmpty()) {
            return fallback;
        }
        try {
            return Long.parseLong(t);
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    static int intValue(JsonNode n, String name, int fallback) {
        long v = longValue(n, name, fallback);
        return v > Integer.MAX_VALUE || v < Integer.MIN_VALUE ? fallback : (int) v;
    }

    /** Epoch milliseconds; 0 and missing mean "not set". */
    static Optional<Instant> instant(JsonNode n, String name) {
        long v = longValue(n, name, 0);
        return v <= 0 ? Optional.empty() : Optional.of(Instant.ofEpochMilli(v));
    }

    static Duration minutes(JsonNode n, String name) {
        return Duration.ofMinutes(Math.max(0, longValue(n, name, 0)));
    }

    /** A free-form element ({@code metadata}, {@code customdata}) as name to text, in document order. */
    static Map<String, String> map(JsonNode n, String name) {
        JsonNode c = child(n, name);
        if (!c.isObject()) {
            return Map.of();
        }
        Map<String, String> m = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> e : c.properties()) {
            if (!e.getKey().isEmpty()) {
                m.put(e.getKey(), textOf(first(e.getValue())));
            }
        }
        return Collections.unmodifiableMap(m);
    }
}
