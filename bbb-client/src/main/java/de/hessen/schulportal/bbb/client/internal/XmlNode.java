package de.hessen.schulportal.bbb.client.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * A read-only view of one parsed XML element, lenient the way a forward-compatible client must be:
 * missing elements read as empty, unknown ones are ignored, and a repeated element reads the same
 * whether it appeared once or many times.
 */
public final class XmlNode {
    private static final XmlNode MISSING = new XmlNode(null);

    private final JsonNode node;

    private XmlNode(JsonNode node) {
        this.node = node;
    }

    static XmlNode of(JsonNode node) {
        return node == null || node.isMissingNode() || node.isNull() ? MISSING : new XmlNode(node);
    }

    /**
     * Whether the element was present.
     *
     * @return {@code true} if present
     */
    public boolean exists() {
        return node != null;
    }

    /**
     * The first child element of that name.
     *
     * @param name the element name
     * @return the child, or a missing node
     */
    public XmlNode child(String name) {
        if (node == null || !node.isObject()) {
            return MISSING;
        }
        JsonNode c = node.get(name);
        if (c != null && c.isArray()) {
            return c.isEmpty() ? MISSING : of(c.get(0));
        }
        return of(c);
    }

    /**
     * All child elements of that name, in document order.
     *
     * @param name the element name
     * @return the children; empty if none
     */
    public List<XmlNode> children(String name) {
        if (node == null || !node.isObject()) {
            return List.of();
        }
        JsonNode c = node.get(name);
        if (c == null) {
            return List.of();
        }
        if (c.isArray()) {
            List<XmlNode> list = new ArrayList<>(c.size());
            for (JsonNode e : c.values()) {
                list.add(of(e));
            }
            return list;
        }
        return List.of(of(c));
    }

    /**
     * The text of this element, trimmed. For an element with attributes the text content.
     *
     * @return the text, or empty if the element is missing or has child elements only
     */
    public String text() {
        if (node == null) {
            return "";
        }
        if (node.isObject()) {
            JsonNode t = node.get("");
            return t == null || !t.isValueNode() ? "" : t.asString().trim();
        }
        return node.isValueNode() ? node.asString().trim() : "";
    }

    /**
     * The text of a child element.
     *
     * @param name the element name
     * @return the trimmed text, or empty
     */
    public String text(String name) {
        return child(name).text();
    }

    /**
     * The text of a child element, if present and not empty.
     *
     * @param name the element name
     * @return the text or empty
     */
    public Optional<String> optionalText(String name) {
        String t = text(name);
        return t.isEmpty() ? Optional.empty() : Optional.of(t);
    }

    /**
     * An attribute of this element.
     *
     * @param name the attribute name
     * @return the value, or empty
     */
    public Optional<String> attribute(String name) {
        if (node == null || !node.isObject()) {
            return Optional.empty();
        }
        JsonNode a = node.get(name);
        return a != null && a.isValueNode() ? Optional.of(a.asString()) : Optional.empty();
    }

    /**
     * A boolean child: only a case-insensitive {@code true} is true, as on the server.
     *
     * @param name the element name
     * @return the value; {@code false} if missing
     */
    public boolean bool(String name) {
        return Boolean.parseBoolean(text(name));
    }

    /**
     * A numeric child.
     *
     * @param name the element name
     * @param fallback the value if missing or not a number
     * @return the value
     */
    public long longValue(String name, long fallback) {
        String t = text(name);
        if (t.isEmpty()) {
            return fallback;
        }
        try {
            return Long.parseLong(t);
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    /**
     * A numeric child as int.
     *
     * @param name the element name
     * @param fallback the value if missing or not a number
     * @return the value
     */
    public int intValue(String name, int fallback) {
        long v = longValue(name, fallback);
        return v > Integer.MAX_VALUE || v < Integer.MIN_VALUE ? fallback : (int) v;
    }

    /**
     * An epoch-milliseconds child; 0 and missing mean "not set".
     *
     * @param name the element name
     * @return the instant, or empty
     */
    public Optional<Instant> instant(String name) {
        long v = longValue(name, 0);
        return v <= 0 ? Optional.empty() : Optional.of(Instant.ofEpochMilli(v));
    }

    /**
     * A minutes child as a duration.
     *
     * @param name the element name
     * @return the duration; zero if missing
     */
    public Duration minutes(String name) {
        return Duration.ofMinutes(Math.max(0, longValue(name, 0)));
    }

    /**
     * The children of a child element as a name-to-text map, for free-form elements such as
     * {@code metadata} and {@code customdata}.
     *
     * @param name the element name
     * @return an unmodifiable map in document order; empty if missing or empty
     */
    public Map<String, String> map(String name) {
        XmlNode c = child(name);
        if (c.node == null || !c.node.isObject()) {
            return Map.of();
        }
        Map<String, String> m = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> e : c.node.properties()) {
            if (e.getKey().isEmpty()) {
                continue;
            }
            JsonNode v = e.getValue();
            JsonNode first = v.isArray() && !v.isEmpty() ? v.get(0) : v;
            m.put(e.getKey(), of(first).text());
        }
        return Collections.unmodifiableMap(m);
    }
}
