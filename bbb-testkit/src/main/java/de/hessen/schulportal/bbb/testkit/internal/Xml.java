// SPDX-License-Identifier: Apache-2.0
package de.hessen.schulportal.bbb.testkit.internal;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;

/**
 * A tiny streaming XML writer for BBB's response shapes. All text and attribute values are
 * escaped, and characters XML 1.0 cannot carry are dropped, so user input (names, metadata)
 * can never break the document.
 */
public final class Xml {
    private final StringBuilder out = new StringBuilder(512);
    private final Deque<String> open = new ArrayDeque<>();

    private Xml() {
    }

    /** Starts a {@code <response>} with the given returncode. */
    public static Xml response(String returncode) {
        Xml xml = new Xml();
        xml.start("response").element("returncode", returncode);
        return xml;
    }

    /** The error envelope of {@code api-error.ftlx}. */
    public static String error(String messageKey, String message) {
        return response("FAILED").element("messageKey", messageKey).element("message", message).finish();
    }

    /** Opens an element. */
    public Xml start(String name) {
        out.append('<').append(name).append('>');
        open.push(name);
        return this;
    }

    /** Writes {@code <name>text</name>}; {@code null} text writes an empty element. */
    public Xml element(String name, Object text) {
        out.append('<').append(name).append('>');
        if (text != null) {
            escape(String.valueOf(text), out);
        }
        out.append("</").append(name).append('>');
        return this;
    }

    /** Writes an element with attributes and text. */
    public Xml elementWithAttributes(String name, Map<String, String> attributes, String text) {
        out.append('<').append(name);
        attributes.forEach((k, v) -> {
            out.append(' ').append(k).append("=\"");
            escape(v, out);
            out.append('"');
        });
        out.append('>');
        if (text != null) {
            escape(text, out);
        }
        out.append("</").append(name).append('>');
        return this;
    }

    /** Writes one child per map entry, the key as element name (BBB's metadata/customdata shape). */
    public Xml map(String name, Map<String, String> entries) {
        start(name);
        entries.forEach((k, v) -> {
            if (isName(k)) {
                element(k, v);
            }
        });
        return end();
    }

    /** Closes the innermost open element. */
    public Xml end() {
        out.append("</").append(open.pop()).append('>');
        return this;
    }

    /** Closes all open elements and returns the document. */
    public String finish() {
        while (!open.isEmpty()) {
            end();
        }
        return out.toString();
    }

    /** Appends {@code s} escaped for text or attribute content. */
    public static void escape(String s, StringBuilder to) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<': to.append("&lt;"); break;
                case '>': to.append("&gt;"); break;
                case '&': to.append("&amp;"); break;
                case '"': to.append("&quot;"); break;
                case '\'': to.append("&apos;"); break;
                default:
                    if (c >= 0x20 || c == '\t' || c == '\n' || c == '\r') {
                        if (c != 0xFFFE && c != 0xFFFF) {
                            to.append(c);
                        }
                    }
            }
        }
    }

    /** Whether {@code s} can be an element name; keys that cannot are left out, never emitted broken. */
    static boolean isName(String s) {
        if (s.isEmpty() || !(Character.isLetter(s.charAt(0)) || s.charAt(0) == '_')) {
            return false;
        }
        for (int i = 1; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!(Character.isLetterOrDigit(c) || c == '-' || c == '_' || c == '.')) {
                return false;
            }
        }
        return true;
    }
}
