// SPDX-License-Identifier: Apache-2.0
package de.hessen.schulportal.bbb.client.callback;

import java.util.Random;

/** Seeded generators for property-style tests. */
final class RandomStrings {
    private RandomStrings() {
    }

    static String ascii(Random rnd, int length) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < length; i++) {
            b.append((char) (0x20 + rnd.nextInt(0x5f)));
        }
        return b.toString();
    }

    /** Printable ASCII, Latin-1, umlauts, CJK, emoji (surrogate pairs), and a few control characters. */
    static String unicode(Random rnd, int length) {
        StringBuilder b = new StringBuilder();
        while (b.length() < length) {
            switch (rnd.nextInt(6)) {
                case 0:
                    b.append((char) (0x20 + rnd.nextInt(0x5f)));
                    break;
                case 1:
                    b.append("äöüßÄÖÜéİı".charAt(rnd.nextInt(10)));
                    break;
                case 2:
                    b.append((char) (0x4e00 + rnd.nextInt(0x500)));
                    break;
                case 3:
                    b.appendCodePoint(0x1f600 + rnd.nextInt(0x40));
                    break;
                case 4:
                    b.append("&=?#%+/\\\"'".charAt(rnd.nextInt(10)));
                    break;
                default:
                    b.append((char) (1 + rnd.nextInt(0x1f)));
                    break;
            }
        }
        return b.toString();
    }

    /** A JSON string literal (escapes quotes, backslashes and control characters). */
    static String json(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            if (c == '"' || c == '\\') {
                b.append('\\').append(c);
            } else if (c < 0x20) {
                b.append(String.format("\\u%04x", (int) c));
            } else {
                b.append(c);
            }
        }
        return b.append('"').toString();
    }
}
