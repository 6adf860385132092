// SPDX-License-Identifier: Apache-2.0
package de.hessen.schulportal.bbb.client.internal;

import java.net.URLEncoder;
import java.util.Map;

/**
 * Turns parameters into the one query string that is both signed and sent.
 *
 * <p>{@link URLEncoder} form encoding (space as {@code +}, {@code *} kept, {@code ~} as
 * {@code %7E}) is what bbb-web itself uses when it rebuilds query strings, and every reserved
 * character inside a value is escaped, so the servlet parser on the server splits the string
 * exactly where we did. The result is never encoded again.
 */
public final class QueryString {
    private QueryString() {
    }

    /** {@return the parameters in their iteration order as {@code name=value&name=value}, empty for none} */
    public static String encode(Map<String, String> parameters) {
        StringBuilder sb = new StringBuilder(parameters.size() * 24);
        for (Map.Entry<String, String> e : parameters.entrySet()) {
            if (sb.length() > 0) {
                sb.append('&');
            }
            append(sb, e.getKey());
            sb.append('=');
            append(sb, e.getValue());
        }
        return sb.toString();
    }

    /**
     * One name or value, encoded exactly as {@code URLEncoder.encode(s, UTF_8)} would, but written
     * straight into the query buffer: the JDK method allocates a buffer, a writer, a string and a
     * byte array per run of characters to escape, which was a large part of signing a join link
     * with an umlaut in the name (BENCHMARKS.md, §1 and §5). {@code a-z A-Z 0-9 - _ . *} stay,
     * space becomes {@code +}, everything else is UTF-8 with each byte as {@code %XX} (upper-case
     * hex); a surrogate without its partner becomes {@code ?} ({@code %3F}), as the JDK's UTF-8
     * encoder replaces it. {@code QueryStringTest} checks the equivalence against
     * {@code URLEncoder}.
     */
    static void append(StringBuilder sb, String s) {
        int n = s.length();
        int safe = 0;
        while (safe < n && unchanged(s.charAt(safe))) {
            safe++;
        }
        // Most names and values (IDs, roles, numbers, flags) are one run of unchanged characters.
        sb.append(s, 0, safe);
        for (int i = safe; i < n; i++) {
            char c = s.charAt(i);
            if (unchanged(c)) {
                sb.append(c);
            } else if (c == ' ') {
                sb.append('+');
            } else if (c < 0x80) {
                percent(sb, c);
            } else if (c < 0x800) {
                percent(sb, 0xC0 | (c >> 6));
                percent(sb, 0x80 | (c & 0x3F));
            } else if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
                int cp = Character.toCodePoint(c, s.charAt(++i));
                percent(sb, 0xF0 | (cp >> 18));
                percent(sb, 0x80 | ((cp >> 12) & 0x3F));
                percent(sb, 0x80 | ((cp >> 6) & 0x3F));
                percent(sb, 0x80 | (cp & 0x3F));
            } else if (Character.isSurrogate(c)) {
                percent(sb, '?');
            } else {
                percent(sb, 0xE0 | (c >> 12));
                percent(sb, 0x80 | ((c >> 6) & 0x3F));
                percent(sb, 0x80 | (c & 0x3F));
            }
        }
    }

    private static boolean unchanged(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                || c == '-' || c == '_' || c == '.' || c == '*';
    }

    private static void percent(StringBuilder sb, int b) {
        sb.append('%').append(HEX_DIGITS[(b >> 4) & 0xF]).append(HEX_DIGITS[b & 0xF]);
    }

    private static final char[] HEX_DIGITS = "0123456789ABCDEF".toCharArray();
}
