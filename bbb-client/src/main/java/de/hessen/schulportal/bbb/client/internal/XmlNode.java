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
import javax.xml.XMLConstants;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * A read-only view of one parsed XML element, lenient the way a forward-compatible client must be:
 * missing elements read as empty, unknown ones are ignored, and a repeated element reads the same
 * whether it appeared once or many times.
 *
 * <p>The tree is read straight from the hardened StAX reader ({@code read(XMLStreamReader)}) and
 * follows the rules by which Jackson XML's tree model ({@code XmlMapper.readTree}, which this class
 * wrapped before) presents XML, without its per-node objects and hash maps: an element with
 * attributes or child elements is an object whose properties are its attributes and child elements
 * in document order (its text under the empty name), an element with text only is its text, and a
 * name seen again in the same element turns into a list at the place of its first occurrence.
 * Property values are a {@code String}, an object ({@code XmlNode}), {@code NIL} (an element with
 * {@code xsi:nil="true"}) or a {@code Repeated} list of those. {@code XmlNodeEquivalenceTest} holds
 * the old implementation as its oracle.
 */
public final class XmlNode {
    private static final XmlNode MISSING = new XmlNode(null, null);
    /** The value of an element marked {@code xsi:nil}: present as a name, absent as an element. */
    private static final Object NIL = new Object();
    /** Reads as the text of a nil element, as Jackson's {@code NullNode.asString()} does. */
    private static final String NIL_TEXT = "";
    private static final Object[] NO_PROPERTIES = new Object[0];
    private static final String XSI = XMLConstants.W3C_XML_SCHEMA_INSTANCE_NS_URI;

    /** The text of a text-only element; {@code null} for an object or the missing node. */
    private final String value;
    /** An object's properties as name, value, name, value...; {@code null} if not an object. */
    private final Object[] properties;

    private XmlNode(String value, Object[] properties) {
        this.value = value;
        this.properties = properties;
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
     * The properties of the elements being read, one run per open element, so that each object is
     * allocated once at its end tag at its exact size.
     */
    private static final class Scratch {
        private Object[] stack = new Object[128];
        private int top;

        void put(int base, String name, Object v) {
            Object[] st = stack;
            for (int i = base; i < top; i += 2) {
                if (st[i] == name || st[i].equals(name)) {
                    Object old = st[i + 1];
                    if (old instanceof Repeated) {
                        ((Repeated) old).add(v);
                    } else {
                        st[i + 1] = new Repeated(old, v);
                    }
                    return;
                }
            }
            if (top + 2 > st.length) {
                stack = st = Arrays.copyOf(st, st.length * 2);
            }
            st[top] = name;
            st[top + 1] = v;
            top += 2;
        }

        XmlNode pop(int base) {
            Object[] p = top == base ? NO_PROPERTIES : Arrays.copyOfRange(stack, base, top);
            Arrays.fill(stack, base, top, null);
            top = base;
            return new XmlNode(null, p);
        }
    }

    /**
     * Reads a document into a tree.
     *
     * @param reader a reader at the start of the document, from the hardened factory
     * @return the root element, or {@code null} if the root is marked {@code xsi:nil}
     * @throws XMLStreamException if the document is not well-formed or breaks a parser limit
     */
    static XmlNode read(XMLStreamReader reader) throws XMLStreamException {
        int event = reader.getEventType();
        while (event != XMLStreamConstants.START_ELEMENT) {
            if (!reader.hasNext()) {
                throw new XMLStreamException("No root element");
            }
            event = reader.next();
        }
        Object root = readElement(reader, true, new Scratch());
        while (reader.hasNext()) {
            // The epilog: comments and whitespace only; the reader refuses anything else.
            reader.next();
        }
        return root == NIL ? null : (XmlNode) root;
    }

    /**
     * Reads the element the reader stands on, up to and including its end tag, as Jackson XML's
     * token stream ({@code FromXmlParser}, default features) presents it to its tree reader: an
     * element with {@code xsi:nil="true"} (or {@code "1"}) is {@code NIL} whatever it holds; one
     * without attributes and child elements is its text ({@code ""} if empty), except the root,
     * which is always an object; any other is an object of its attributes (but {@code xsi:nil}),
     * then its text under the empty name: without child elements the text unless empty, with child
     * elements each run of text between them that is not all whitespace (characters up to U+0020).
     * Names are local names, but {@code xsi:type}.
     */
    private static Object readElement(XMLStreamReader r, boolean root, Scratch scratch) throws XMLStreamException {
        int attributes = r.getAttributeCount();
        int nilAt = -1;
        for (int i = 0; i < attributes; i++) {
            if ("nil".equals(r.getAttributeLocalName(i)) && XSI.equals(r.getAttributeNamespace(i))) {
                nilAt = i;
                break;
            }
        }
        if (nilAt >= 0 && isNilTrue(r.getAttributeValue(nilAt))) {
            skipElement(r);
            return NIL;
        }
        int base = scratch.top;
        boolean object = false;
        for (int i = 0; i < attributes; i++) {
            if (i != nilAt) {
                object = true;
                scratch.put(base, name(r.getAttributeNamespace(i), r.getAttributeLocalName(i)), r.getAttributeValue(i));
            }
        }
        String text = null;
        StringBuilder more = null;
        boolean hadChild = false;
        while (true) {
            switch (r.next()) {
                case XMLStreamConstants.CHARACTERS:
                case XMLStreamConstants.CDATA:
                case XMLStreamConstants.ENTITY_REFERENCE:
                    String t = text(r);
                    if (text == null) {
                        text = t;
                    } else {
                        if (more == null) {
                            more = new StringBuilder(text.length() + t.length() + 16).append(text);
                        }
                        more.append(t);
                    }
                    break;
                case XMLStreamConstants.START_ELEMENT:
                    if (more != null) {
                        text = more.toString();
                        more = null;
                    }
                    object = true;
                    if (!allWhitespace(text)) {
                        scratch.put(base, "", text);
                    }
                    text = null;
                    hadChild = true;
                    String name = name(r.getNamespaceURI(), r.getLocalName());
                    Object child = readElement(r, false, scratch);
                    scratch.put(base, name, child);
                    break;
                case XMLStreamConstants.END_ELEMENT:
                    if (more != null) {
                        text = more.toString();
                    }
                    if (!object && !root) {
                        return text == null ? "" : text;
                    }
                    if (hadChild ? !allWhitespace(text) : text != null && !text.isEmpty()) {
                        // Without child elements the text counts unless empty, even if only whitespace.
                        scratch.put(base, "", text);
                    }
                    return scratch.pop(base);
                default:
                    // comments, processing instructions, ignorable whitespace
                    break;
            }
        }
    }

    private static String text(XMLStreamReader r) throws XMLStreamException {
        String t;
        try {
            t = r.getText();
        } catch (RuntimeException e) {
            // Woodstox reads text lazily and reports its errors unchecked, with the cause inside.
            if (e.getCause() instanceof XMLStreamException) {
                throw (XMLStreamException) e.getCause();
            }
            throw e;
        }
        if (t == null) {
            throw new XMLStreamException("Unexpanded entity reference '&" + r.getLocalName()
                    + ";' in text content (entity not declared, or not replaced by XMLStreamReader)", r.getLocation());
        }
        return t;
    }

    private static void skipElement(XMLStreamReader r) throws XMLStreamException {
        int depth = 1;
        while (depth > 0) {
            int e = r.next();
            if (e == XMLStreamConstants.START_ELEMENT) {
                depth++;
            } else if (e == XMLStreamConstants.END_ELEMENT) {
                depth--;
            }
        }
    }

    /** An element or attribute name as Jackson XML names it: the local name; {@code xsi:type} in full. */
    private static String name(String namespace, String localName) {
        return "type".equals(localName) && XSI.equals(namespace) ? "xsi:type" : localName;
    }

    private static boolean isNilTrue(String value) {
        if (value == null) {
            return false;
        }
        String v = value.trim();
        return "true".equals(v) || "1".equals(v);
    }

    private static boolean allWhitespace(String s) {
        if (s == null) {
            return true;
        }
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) > ' ') {
                return false;
            }
        }
        return true;
    }

    /** The value of a property, or {@code null} if this is not an object or has no such property. */
    private Object get(String name) {
        Object[] p = properties;
        if (p == null) {
            return null;
        }
        for (int i = 0; i < p.length; i += 2) {
            if (p[i] == name) {
                return p[i + 1];
            }
        }
        for (int i = 0; i < p.length; i += 2) {
            if (p[i].equals(name)) {
                return p[i + 1];
            }
        }
        return null;
    }

    private static XmlNode of(Object v) {
        if (v instanceof XmlNode) {
            return (XmlNode) v;
        }
        if (v instanceof String) {
            return new XmlNode((String) v, null);
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
            if (n.properties == null) {
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
        Object[] p = c.properties;
        if (p == null) {
            return Map.of();
        }
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < p.length; i += 2) {
            String key = (String) p[i];
            if (key.isEmpty()) {
                continue;
            }
            Object first = first(p[i + 1]);
            m.put(key, first == NIL ? "" : textOf(first));
        }
        return Collections.unmodifiableMap(m);
    }
}
