// SPDX-License-Identifier: Apache-2.0
package de.hessen.schulportal.bbb.client.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.MissingNode;

/**
 * The one set of readers over Jackson trees, for the XML answers and the JSON callbacks alike, read
 * the way a forward-compatible client must: unknown fields are ignored, a field of an unexpected
 * type reads as absent, and a field reads the same whether it came once or several times (Jackson
 * gives a repeated XML element as an array: the first counts). A scalar is a string, a number or a
 * boolean, or the text of an XML element that has attributes (Jackson's {@code ""} property).
 *
 * <p>Absent is {@link Optional#empty()} here; nothing returns {@code null}. The readers for answers
 * turn absent into the empty value, as docs/values.md asks of answers (whole records); callback
 * mappers keep the {@code Optional}, as it asks of callbacks (partial by design).
 */
public final class Nodes {
    private Nodes() {
    }

    private static JsonNode first(JsonNode v) {
        return v != null && v.isArray() ? v.get(0) : v;
    }

    /** The scalar value of a node as text, untrimmed; absent for null, containers and missing nodes. */
    private static Optional<String> scalar(JsonNode node) {
        JsonNode v = first(node);
        if (v == null) {
            return Optional.empty();
        }
        if (v.isString()) {
            return Optional.of(v.stringValue());
        }
        if (v.isNumber() || v.isBoolean()) {
            return Optional.of(v.asString());
        }
        if (v.isObject()) {
            JsonNode t = v.get("");
            return t != null && t.isString() ? Optional.of(t.stringValue()) : Optional.empty();
        }
        return Optional.empty();
    }

    /** {@return the first child of that name, or a missing node (which reads as absent everywhere) if there is none} */
    public static JsonNode child(JsonNode n, String name) {
        JsonNode c = first(n.get(name));
        return c == null || c.isNull() ? MissingNode.getInstance() : c;
    }

    /** {@return all children of that name in document order: an array's elements, or the one child} */
    public static List<JsonNode> children(JsonNode n, String name) {
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

    /** {@return the child of that name if it is an object} */
    public static Optional<JsonNode> object(JsonNode n, String name) {
        JsonNode c = child(n, name);
        return c.isObject() ? Optional.of(c) : Optional.empty();
    }

    /** {@return the scalar of that name as text, exactly as sent (untrimmed)} */
    public static Optional<String> string(JsonNode n, String name) {
        return scalar(n.get(name));
    }

    /**
     * {@return the flag of that name: a JSON boolean, or the text {@code true} or {@code false} in
     * any case (what BBB's {@code Boolean.parseBoolean} and bbb-webhooks' JSON send); absent for
     * anything else}
     */
    public static Optional<Boolean> flag(JsonNode n, String name) {
        JsonNode v = first(n.get(name));
        if (v != null && v.isBoolean()) {
            return Optional.of(v.booleanValue());
        }
        String s = scalar(v).orElse("").trim().toLowerCase(Locale.ROOT);
        return s.equals("true") ? Optional.of(Boolean.TRUE) : s.equals("false") ? Optional.of(Boolean.FALSE) : Optional.empty();
    }

    /**
     * {@return the whole number of that name: a JSON integer, a JSON number with no fraction, or a
     * text {@link Long#parseLong} reads after trimming; absent if it does not fit a {@code long}}
     */
    public static OptionalLong number(JsonNode n, String name) {
        JsonNode v = first(n.get(name));
        if (v != null && v.isNumber()) {
            boolean whole = v.isIntegralNumber() || v.canConvertToExactIntegral();
            return whole && v.canConvertToLong() ? OptionalLong.of(v.longValue()) : OptionalLong.empty();
        }
        Optional<String> text = scalar(v);
        if (text.isEmpty()) {
            return OptionalLong.empty();
        }
        try {
            return OptionalLong.of(Long.parseLong(text.get().trim()));
        } catch (NumberFormatException e) {
            return OptionalLong.empty();
        }
    }

    /** {@return the whole number of that name as {@link #number} reads it; absent if it does not fit an {@code int}} */
    public static OptionalInt integer(JsonNode n, String name) {
        OptionalLong v = number(n, name);
        return v.isPresent() && v.getAsLong() == (int) v.getAsLong() ? OptionalInt.of((int) v.getAsLong()) : OptionalInt.empty();
    }

    /**
     * {@return a JSON object of that name as a string map in the order sent: scalars as their text,
     * nested objects and arrays as their JSON text, nulls left out; empty if absent; unmodifiable}
     */
    public static Map<String, String> stringMap(JsonNode n, String name) {
        Optional<JsonNode> v = object(n, name);
        if (v.isEmpty()) {
            return Map.of();
        }
        Map<String, String> map = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> e : v.get().properties()) {
            JsonNode value = e.getValue();
            if (!value.isNull()) {
                map.put(e.getKey(), value.isString() ? value.stringValue() : value.isValueNode() ? value.asString() : value.toString());
            }
        }
        return Collections.unmodifiableMap(map);
    }

    // The readers for answers: absent reads as the empty value, and texts are trimmed (XML
    // indentation is not content).

    /** {@return whether there is a non-null child of that name} */
    public static boolean exists(JsonNode n, String name) {
        JsonNode c = first(n.get(name));
        return c != null && !c.isNull();
    }

    /** {@return the trimmed text of the node itself; {@code ""} if it has none} */
    public static String text(JsonNode n) {
        return scalar(n).map(String::trim).orElse("");
    }

    /** {@return the trimmed text of the child of that name; {@code ""} if absent} */
    public static String text(JsonNode n, String name) {
        return text(n.get(name));
    }

    /** {@return the trimmed text of the child of that name; empty if absent or blank} */
    public static Optional<String> optionalText(JsonNode n, String name) {
        String t = text(n, name);
        return t.isEmpty() ? Optional.empty() : Optional.of(t);
    }

    /** {@return the non-empty texts of the children of that name, in document order (lists of IDs)} */
    public static List<String> texts(JsonNode n, String name) {
        List<String> list = new ArrayList<>();
        for (JsonNode c : children(n, name)) {
            String t = text(c);
            if (!t.isEmpty()) {
                list.add(t);
            }
        }
        return list;
    }

    /** {@return an XML attribute's value untrimmed ({@code ""} for an empty one); empty if absent} */
    public static Optional<String> attribute(JsonNode n, String name) {
        JsonNode a = n.get(name);
        if (a != null && a.isString()) {
            return Optional.of(a.asString());
        }
        return a != null && a.isNull() ? Optional.of("") : Optional.empty();
    }

    /** {@return the flag of that name, {@code false} if absent: only {@code true} in any case is true, as on the server} */
    public static boolean bool(JsonNode n, String name) {
        return flag(n, name).orElse(false);
    }

    /** {@return the whole number of that name; {@code fallback} if absent or not a {@code long}} */
    public static long longValue(JsonNode n, String name, long fallback) {
        return number(n, name).orElse(fallback);
    }

    /** {@return the whole number of that name; {@code fallback} if absent or not an {@code int}} */
    public static int intValue(JsonNode n, String name, int fallback) {
        return integer(n, name).orElse(fallback);
    }

    /** {@return the instant of that name, in epoch milliseconds; empty if absent or not positive, as BBB sends 0 for "not set"} */
    public static Optional<Instant> instant(JsonNode n, String name) {
        long v = longValue(n, name, 0);
        return v <= 0 ? Optional.empty() : Optional.of(Instant.ofEpochMilli(v));
    }

    /** {@return the minutes of that name as a duration; {@link Duration#ZERO} if absent or negative} */
    public static Duration minutes(JsonNode n, String name) {
        return Duration.ofMinutes(Math.max(0, longValue(n, name, 0)));
    }

    /** {@return a free-form element ({@code metadata}, {@code customdata}) as name to trimmed text in document order; empty if absent; unmodifiable} */
    public static Map<String, String> map(JsonNode n, String name) {
        JsonNode c = child(n, name);
        if (!c.isObject()) {
            return Map.of();
        }
        Map<String, String> m = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> e : c.properties()) {
            if (!e.getKey().isEmpty()) {
                m.put(e.getKey(), text(e.getValue()));
            }
        }
        return Collections.unmodifiableMap(m);
    }
}
