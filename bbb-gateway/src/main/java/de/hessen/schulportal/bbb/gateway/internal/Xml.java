// SPDX-License-Identifier: Apache-2.0
package de.hessen.schulportal.bbb.gateway.internal;

/** Writes BigBlueButton's XML answers: {@code <response>} with escaped text children. Not thread-safe. */
public final class Xml {
    private final StringBuilder sb = new StringBuilder(512).append("<response>");

    /**
     * Starts an answer with the given return code.
     *
     * @param returnCode {@code SUCCESS} or {@code FAILED}
     * @return the writer
     */
    public static Xml response(String returnCode) {
        return new Xml().el("returncode", returnCode);
    }

    /**
     * The FAILED envelope bbb-web answers errors with.
     *
     * @param messageKey the machine-readable key, e.g. {@code checksumError}
     * @param message the human-readable text
     * @return the complete document
     */
    public static String failed(String messageKey, String message) {
        return response("FAILED").el("messageKey", messageKey).el("message", message).finish();
    }

    /**
     * Opens an element.
     *
     * @param name the element name
     * @return this writer
     */
    public Xml open(String name) {
        sb.append('<').append(name).append('>');
        return this;
    }

    /**
     * Closes an element.
     *
     * @param name the element name
     * @return this writer
     */
    public Xml close(String name) {
        sb.append("</").append(name).append('>');
        return this;
    }

    /**
     * Writes an element with text content.
     *
     * @param name the element name
     * @param value the text, escaped here; {@code null} writes an empty element
     * @return this writer
     */
    public Xml el(String name, Object value) {
        sb.append('<').append(name).append('>');
        if (value != null) {
            escape(String.valueOf(value));
        }
        sb.append("</").append(name).append('>');
        return this;
    }

    /**
     * Writes an element with attributes and text, e.g. a preview image.
     *
     * @param name the element name
     * @param attributes name/value pairs, values escaped; a {@code null} value is skipped
     * @param text the text
     * @return this writer
     */
    public Xml elWithAttributes(String name, String[] attributes, String text) {
        sb.append('<').append(name);
        for (int i = 0; i + 1 < attributes.length; i += 2) {
            if (attributes[i + 1] != null) {
                sb.append(' ').append(attributes[i]).append("=\"");
                escape(attributes[i + 1]);
                sb.append('"');
            }
        }
        sb.append('>');
        escape(text);
        sb.append("</").append(name).append('>');
        return this;
    }

    /**
     * Closes {@code <response>}.
     *
     * @return the document
     */
    public String finish() {
        return sb.append("</response>").toString();
    }

    /**
     * Makes room for at least {@code chars} more characters, so a long answer is not copied as it grows.
     *
     * @param chars the characters still to come (an estimate)
     * @return this writer
     */
    public Xml reserve(int chars) {
        sb.ensureCapacity(sb.length() + chars);
        return this;
    }

    private void escape(String s) {
        int plain = 0;
        while (plain < s.length() && isPlain(s.charAt(plain))) {
            plain++;
        }
        // Most values (IDs, numbers, names) need no escaping: appended in one piece.
        sb.append(s, 0, plain);
        for (int i = plain; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<':
                    sb.append("&lt;");
                    break;
                case '>':
                    sb.append("&gt;");
                    break;
                case '&':
                    sb.append("&amp;");
                    break;
                case '"':
                    sb.append("&quot;");
                    break;
                case '\'':
                    sb.append("&apos;");
                    break;
                default:
                    // XML 1.0 cannot carry other control characters; BigBlueButton strips them too.
                    if (c >= 0x20 || c == '\t' || c == '\n' || c == '\r') {
                        sb.append(c);
                    }
            }
        }
    }

    /** Whether {@link #escape} writes the character as it is. */
    private static boolean isPlain(char c) {
        return c >= 0x20 ? c != '<' && c != '>' && c != '&' && c != '"' && c != '\'' : c == '\t' || c == '\n' || c == '\r';
    }
}
