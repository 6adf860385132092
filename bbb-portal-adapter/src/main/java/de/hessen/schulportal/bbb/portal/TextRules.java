// SPDX-License-Identifier: Apache-2.0
package de.hessen.schulportal.bbb.portal;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The rules for text that people see in a meeting: every field the adapter sends to BigBlueButton
 * (names, titles, markers). Rules are stated over Unicode properties, not lists of code points, so
 * a new invisible character in a future Unicode version is refused without a code change as long as
 * Unicode gives it one of the refused categories.
 */
final class TextRules {
    /**
     * Role words and markers in German and English. A person's name that contains one as a word
     * could pose as a teacher or hide the guest marker; only the {@link DisplayNamePolicy} adds
     * them. Compared on the skeleton (NFKC, lower case, without accents).
     */
    static final Set<String> ROLE_WORDS = Set.of(
            "gast", "gaste", "guest", "guests",
            "eltern", "elternteil", "parent", "parents",
            "lehrkraft", "lehrkrafte", "lehrer", "lehrerin", "lehrerinnen", "teacher", "teachers",
            "schulleitung", "schulleiter", "schulleiterin", "rektor", "rektorin", "principal", "headteacher",
            "moderator", "moderatorin", "moderation", "admin", "administrator", "administratorin");

    private static final java.util.regex.Pattern NOT_WORD = java.util.regex.Pattern.compile("[^\\p{L}\\p{N}]+");

    /** At most this many combining marks may follow a base character (Vietnamese and Indic names need 2 to 3). */
    static final int MAX_MARKS = 3;

    private TextRules() {
    }

    /**
     * Whether a code point is invisible, a control, or changes the direction of the text: Unicode
     * general categories Cc, Cf, Co, Cn, Cs, Zl, Zp, the Default_Ignorable_Code_Point property
     * (which the categories miss for the Hangul fillers and the Khmer inherent vowels), and the
     * blank Braille pattern U+2800, a symbol that shows as blank space.
     */
    static boolean invisible(int cp) {
        switch (Character.getType(cp)) {
            case Character.CONTROL:
            case Character.FORMAT:
            case Character.PRIVATE_USE:
            case Character.UNASSIGNED:
            case Character.SURROGATE:
            case Character.LINE_SEPARATOR:
            case Character.PARAGRAPH_SEPARATOR:
                return true;
            default:
                return defaultIgnorable(cp) || cp == 0x2800;
        }
    }

    /** Unicode's Default_Ignorable_Code_Point (DerivedCoreProperties.txt, stable since Unicode 5.2). */
    static boolean defaultIgnorable(int cp) {
        return cp == 0x00AD || cp == 0x034F || cp == 0x061C || cp == 0x115F || cp == 0x1160
                || cp == 0x17B4 || cp == 0x17B5 || (cp >= 0x180B && cp <= 0x180F)
                || (cp >= 0x200B && cp <= 0x200F) || (cp >= 0x202A && cp <= 0x202E)
                || (cp >= 0x2060 && cp <= 0x206F) || cp == 0x3164 || (cp >= 0xFE00 && cp <= 0xFE0F)
                || cp == 0xFEFF || cp == 0xFFA0 || (cp >= 0xFFF0 && cp <= 0xFFF8)
                || (cp >= 0x1BCA0 && cp <= 0x1BCA3) || (cp >= 0x1D173 && cp <= 0x1D17A)
                || (cp >= 0xE0000 && cp <= 0xE0FFF);
    }

    /**
     * Whether a code point is one of the two join controls (U+200C, U+200D) between two letters:
     * Persian, Arabic and Indic names need them there; anywhere else they are invisible filler.
     */
    private static boolean joinControlBetweenLetters(String s, int i, int cp) {
        if (cp != 0x200C && cp != 0x200D || i == 0 || i + 1 >= s.length()) {
            return false;
        }
        int before = s.codePointBefore(i);
        int after = s.codePointAt(i + 1);
        return Character.isLetter(before) && Character.isLetter(after) || isMark(before) && Character.isLetter(after);
    }

    static boolean isMark(int cp) {
        int t = Character.getType(cp);
        return t == Character.NON_SPACING_MARK || t == Character.COMBINING_SPACING_MARK
                || t == Character.ENCLOSING_MARK;
    }

    /**
     * Refuses text with invisible or direction-changing characters (see {@link #invisible}); a
     * join control between two letters is allowed.
     *
     * @throws IllegalArgumentException naming the field, the rule and the code point (never the text)
     */
    static void requireVisible(String field, String value) {
        for (int i = 0; i < value.length(); ) {
            int cp = value.codePointAt(i);
            if (Character.getType(cp) == Character.CONTROL || cp == 0x2028 || cp == 0x2029) {
                throw new IllegalArgumentException(field + " must not contain control characters (found "
                        + hex(cp) + " at index " + i + ")");
            }
            if (invisible(cp) && !joinControlBetweenLetters(value, i, cp)) {
                throw new IllegalArgumentException(field + " must not contain invisible or direction-changing characters"
                        + " (found " + hex(cp) + " at index " + i + "; refused: Unicode categories Cc, Cf, Co, Cn, Cs, Zl,"
                        + " Zp and default-ignorable code points)");
            }
            i += Character.charCount(cp);
        }
    }

    /**
     * Normalises a person's name and checks it by rule. Normal form: NFKC (full-width, ligature and
     * other compatibility forms become the plain letters they look like), every run of white space
     * one U+0020 space, none at either end. Refused, each with its own message:
     * <ul>
     *   <li>invisible, control and direction-changing characters ({@link #requireVisible});</li>
     *   <li>a combining mark at the start of a word, or more than {@value #MAX_MARKS} in a row;</li>
     *   <li>brackets of any script (Unicode categories Ps and Pe): the markers are the policy's;</li>
     *   <li>a word that mixes Latin, Greek and Cyrillic letters (look-alike spelling);</li>
     *   <li>a role word or marker ({@link #ROLE_WORDS}, and the words of the policy's markers).</li>
     * </ul>
     *
     * @param field the parameter name for messages
     * @param value the name
     * @param max the longest allowed normal form, in UTF-16 units
     * @param allowEmpty whether the empty name is allowed
     * @param extraWords further reserved words (skeletons), such as the policy's markers
     * @param roleWords whether role words and markers are refused: only where the name is shown in
     *     full, so that a surname such as "Lehrer" or "Gast" shown as an initial does not lock a person out
     * @return the normal form
     */
    static String name(String field, String value, int max, boolean allowEmpty, Set<String> extraWords,
            boolean roleWords) {
        Checks.required(field, value);
        requireVisible(field, value);
        String n = Normalizer.normalize(value, Normalizer.Form.NFKC);
        if (!n.equals(value)) {
            // NFKC can produce what the raw text did not show (rare compatibility mappings): check again.
            requireVisible(field, n);
        }
        n = collapseWhitespace(n);
        if (n.isEmpty() && !allowEmpty) {
            throw new IllegalArgumentException(field + " must not be blank");
        }
        if (n.length() > max) {
            throw new IllegalArgumentException(field + " must be at most " + max + " characters, was " + n.length());
        }
        int marks = 0;
        for (int i = 0; i < n.length(); ) {
            int cp = n.codePointAt(i);
            if (isMark(cp)) {
                marks++;
                if (i == 0 || n.codePointBefore(i) == ' ') {
                    throw new IllegalArgumentException(field + " must not start a word with a combining mark (found "
                            + hex(cp) + " at index " + i + ")");
                }
                if (marks > MAX_MARKS) {
                    throw new IllegalArgumentException(field + " must not stack more than " + MAX_MARKS
                            + " combining marks on one character (at index " + i + ")");
                }
            } else {
                marks = 0;
            }
            int type = Character.getType(cp);
            if (type == Character.START_PUNCTUATION || type == Character.END_PUNCTUATION) {
                throw new IllegalArgumentException(field + " must not contain brackets (Unicode categories Ps, Pe;"
                        + " found " + hex(cp) + " at index " + i + "): markers such as (Gast) are added by the policy");
            }
            i += Character.charCount(cp);
        }
        for (String word : n.split(" ")) {
            if (mixesLookAlikeScripts(word)) {
                throw new IllegalArgumentException(field + " must not mix Latin, Greek and Cyrillic letters in one word");
            }
            for (String part : roleWords ? NOT_WORD.split(skeleton(word)) : new String[0]) {
                if (ROLE_WORDS.contains(part) || extraWords.contains(part)) {
                    throw new IllegalArgumentException(field + " must not contain a role word or marker (the words"
                            + " listed at DisplayNamePolicy, and its markers): roles and markers are shown by the"
                            + " display-name policy only");
                }
            }
        }
        return n;
    }

    /** NFKC, accents removed, lower case: how a word looks, whatever its spelling. */
    static String skeleton(String s) {
        String d = Normalizer.normalize(s, Normalizer.Form.NFKD);
        StringBuilder b = new StringBuilder(d.length());
        d.codePoints().filter(cp -> !isMark(cp)).forEach(b::appendCodePoint);
        return b.toString().toLowerCase(Locale.ROOT);
    }

    /** The skeletons of the words in a marker, e.g. {@code "(Gast)"} → {@code gast}. */
    static List<String> words(String marker) {
        return List.of(NOT_WORD.split(skeleton(marker))).stream().filter(w -> !w.isEmpty())
                .collect(java.util.stream.Collectors.toList());
    }

    private static boolean mixesLookAlikeScripts(String word) {
        int scripts = 0;
        for (int i = 0; i < word.length(); ) {
            int cp = word.codePointAt(i);
            Character.UnicodeScript s = Character.UnicodeScript.of(cp);
            if (s == Character.UnicodeScript.LATIN) {
                scripts |= 1;
            } else if (s == Character.UnicodeScript.GREEK) {
                scripts |= 2;
            } else if (s == Character.UnicodeScript.CYRILLIC) {
                scripts |= 4;
            }
            i += Character.charCount(cp);
        }
        return Integer.bitCount(scripts) > 1;
    }

    private static String collapseWhitespace(String s) {
        StringBuilder b = new StringBuilder(s.length());
        boolean space = false;
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            if (Character.isWhitespace(cp) || Character.getType(cp) == Character.SPACE_SEPARATOR) {
                space = b.length() > 0;
            } else {
                if (space) {
                    b.append(' ');
                    space = false;
                }
                b.appendCodePoint(cp);
            }
            i += Character.charCount(cp);
        }
        return b.toString();
    }

    private static String hex(int cp) {
        return String.format(Locale.ROOT, "U+%04X", cp);
    }
}
