package de.hessen.schulportal.bbb.client.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;

/**
 * A read-only view of one parsed XML element, lenient the way a forward-compatible client must be:
 * missing elements read as empty, unknown ones are ignored, and a repeated element reads the same
 * whether it appeared once or many times.
 *
 * <p>The tree is built straight from Jackson XML's token stream ({@link #read(JsonParser)}) with the
 * rules Jackson's own tree model ({@code JsonNode}) applies to XML, without its per-node objects
 * and hash maps: an element with attributes or child elements is an object whose properties are
 * its attributes and child elements in document order (its text under the empty name), an element
 * with text only is its text, and a name seen again in the same element turns into a list at the
 * place of its first occurrence. Property values are a {@code String}, an object ({@code XmlNode}),
 * {@link #NIL} (an element with {@code xsi:nil="true"}) or a {@link Repeated} list of those.
 */
public final class XmlNode {
    private static final XmlNode MISSING = new XmlNode(null, null, null, 0);
    /** The value of an element marked {@code xsi:nil}: present as a name, absent as an element. */
    private static final Object NIL = new Object();
    /** Reads as the text of a nil element, as Jackson's {@code NullNode.asString()} does. */
    private static final String NIL_TEXT = "";
    private static final String[] NO_NAMES = new String[0];
    private static final Object[] NO_VALUES = new Object[0];

    /** The text of a text-only element; {@code null} for an object or the missing node. */
    private final String value;
    private String[] names;
    private Object[] values;
    private int size;

    private XmlNode(String value, String[] names, Object[] values, int size) {
        this.value = value;
        this.names = names;
        this.values = values;
        this.size = size;
    }

    /** The values of a name that occurred more than once in one element, in document order. */
    private static final class Repeated extends ArrayList<Object> {
        private static final long serialVersionUID = 1L;

        Repeated(Object first, Object second) {
            super(4);
            add(first);
            add(second);
        }
    }

    /**
     * Reads one value from the parser, which stands before it (or before the root).
     *
     * @param parser a parser from the XML mapper, not yet advanced or positioned before a value
     * @return the root element, or {@code null} if the document's root is not an object
     */
    static XmlNode read(JsonParser parser) {
        JsonToken t = parser.nextToken();
        if (t != JsonToken.START_OBJECT) {
            return null;
        }
        return readObject(parser);
    }

    private static XmlNode readObject(JsonParser p) {
        XmlNode node = new XmlNode(null, NO_NAMES, NO_VALUES, 0);
        for (JsonToken t = p.nextToken(); t != JsonToken.END_OBJECT; t = p.nextToken()) {
            if (t != JsonToken.PROPERTY_NAME) {
                throw new IllegalStateException("Unexpected token " + t + " in an XML element");
            }
            String name = p.currentName();
            node.put(name, readValue(p, p.nextToken()));
        }
        return node;
    }

    private static Object readValue(JsonParser p, JsonToken t) {
        if (t == null) {
            throw new IllegalStateException("Unexpected end of the XML token stream");
        }
        switch (t) {
            case START_OBJECT:
                return readObject(p);
            case VALUE_NULL:
                return NIL;
            case VALUE_STRING:
                return p.getString();
            default:
                // Jackson XML yields only objects, strings and nulls to an untyped reader.
                throw new IllegalStateException("Unexpected token " + t + " in an XML element");
        }
    }

    private void put(String name, Object v) {
        int i = indexOf(name);
        if (i >= 0) {
            Object old = values[i];
            if (old instanceof Repeated) {
                ((Repeated) old).add(v);
            } else {
                values[i] = new Repeated(old, v);
            }
            return;
        }
        if (size == names.length) {
            int n = size == 0 ? 8 : size * 2;
            names = Arrays.copyOf(names, n);
            values = Arrays.copyOf(values, n);
        }
        names[size] = name;
        values[size] = v;
        size++;
    }

    private int indexOf(String name) {
        String[] ns = names;
        for (int i = 0; i < size; i++) {
            if (ns[i] == name) {
                return i;
            }
        }
        for (int i = 0; i < size; i++) {
            if (ns[i].equals(name)) {
                return i;
            }
        }
        return -1;
    }

    /** The value of a property, or {@code null} if this is not an object or has no such property. */
    private Object get(String name) {
        if (names == null) {
            return null;
        }
        int i = indexOf(name);
        return i < 0 ? null : values[i];
    }

    private static XmlNode of(Object v) {
        if (v instanceof XmlNode) {
            return (XmlNode) v;
        }
        if (v instanceof String) {
            return new XmlNode((String) v, null, null, 0);
        }
        return MISSING;
    }

    private static Object first(Object v) {
        return v instanceof Repeated ? ((Repeated) v).get(0) : v;
    }

    /** The trimmed text of a value: a string, a nil element's text, an object's text property. */
    private static String textOf(Object v) {
        if (v instanceof String) {
            return ((String) v).trim();
        }
        if (v instanceof XmlNode) {
            XmlNode n = (XmlNode) v;
            if (n.names == null) {
                return n.value == null ? "" : n.value.trim();
            }
            Object t = n.get("");
            if (t instanceof String) {
                return ((String) t).trim();
            }
            return t == NIL ? NIL_TEXT : "";
        }
        return "";
    }

    /**
     * Whether the element was present.
     *
     * @return {@code true} if present
     */
    public boolean exists() {
        return this != MISSING;
    }

    /**
     * The first child element of that name.
     *
     * @param name the element name
     * @return the child, or a missing node
     */
    public XmlNode child(String name) {
        return of(first(get(name)));
    }

    /**
     * All child elements of that name, in document order.
     *
     * @param name the element name
     * @return the children; empty if none
     */
    public List<XmlNode> children(String name) {
        Object c = get(name);
        if (c == null) {
            return List.of();
        }
        if (c instanceof Repeated) {
            Repeated r = (Repeated) c;
            List<XmlNode> list = new ArrayList<>(r.size());
            for (Object e : r) {
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
        return textOf(this);
    }

    /**
     * The text of a child element.
     *
     * @param name the element name
     * @return the trimmed text, or empty
     */
    public String text(String name) {
        Object c = first(get(name));
        return c == NIL ? "" : textOf(c);
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
        Object a = get(name);
        if (a instanceof String) {
            return Optional.of((String) a);
        }
        return a == NIL ? Optional.of(NIL_TEXT) : Optional.empty();
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
        if (c.names == null) {
            return Map.of();
        }
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < c.size; i++) {
            if (c.names[i].isEmpty()) {
                continue;
            }
            Object first = first(c.values[i]);
            m.put(c.names[i], first == NIL ? "" : textOf(first));
        }
        return Collections.unmodifiableMap(m);
    }
}
