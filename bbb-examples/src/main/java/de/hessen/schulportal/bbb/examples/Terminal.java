// SPDX-License-Identifier: Apache-2.0
package de.hessen.schulportal.bbb.examples;

/**
 * Makes text from a server safe to print on a terminal: a meeting name or an error message may
 * carry escape sequences that move the cursor, rewrite earlier lines, set the window title or
 * (on some terminals) answer back keystrokes.
 */
final class Terminal {
    private static final char ESC = '\u001B';

    private Terminal() {
    }

    /**
     * The text without terminal control: ESC sequences (CSI {@code ESC [ … final}, OSC
     * {@code ESC ] … BEL} or {@code ESC ] … ESC \}, and two-character escapes) are removed whole;
     * every other C0 control, DEL and C1 control (U+0080 to U+009F, which includes the one-character
     * CSI U+009B) is removed; line breaks and tabs become one space; direction overrides and
     * isolates (U+202A to U+202E, U+2066 to U+2069), which reorder what is shown, are removed.
     *
     * @param text the text, may be {@code null}
     * @return the printable text; {@code null} stays {@code null}
     */
    static String clean(String text) {
        if (text == null) {
            return null;
        }
        StringBuilder b = new StringBuilder(text.length());
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == ESC) {
                i = skipEscape(text, i + 1);
                continue;
            }
            if (c == '\n' || c == '\r' || c == '\t') {
                b.append(' ');
            } else if (!(c < 0x20 || (c >= 0x7F && c <= 0x9F) || (c >= '\u202A' && c <= '\u202E')
                    || (c >= '\u2066' && c <= '\u2069'))) {
                b.append(c);
            }
            i++;
        }
        return b.toString();
    }

    /** The index after the escape sequence whose introducer ESC was just before {@code i}. */
    private static int skipEscape(String s, int i) {
        if (i >= s.length()) {
            return i;
        }
        char kind = s.charAt(i);
        if (kind == '[') {
            // CSI: parameter and intermediate bytes 0x20-0x3F, then one final byte 0x40-0x7E.
            int j = i + 1;
            while (j < s.length() && s.charAt(j) >= 0x20 && s.charAt(j) <= 0x3F) {
                j++;
            }
            return Math.min(j + 1, s.length());
        }
        if (kind == ']' || kind == 'P' || kind == '_' || kind == '^' || kind == 'X') {
            // OSC, DCS, APC, PM, SOS: up to BEL or the string terminator ESC \.
            int j = i + 1;
            while (j < s.length()) {
                char c = s.charAt(j);
                if (c == '\u0007') {
                    return j + 1;
                }
                if (c == ESC && j + 1 < s.length() && s.charAt(j + 1) == '\\') {
                    return j + 2;
                }
                j++;
            }
            return j;
        }
        return i + 1;
    }
}
