// SPDX-License-Identifier: Apache-2.0
package de.hessen.schulportal.bbb.portal;

import com.ibm.icu.text.SpoofChecker;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The rules for text that people see in a meeting: every field the adapter sends to BigBlueButton
 * (names, titles, markers). Rules are stated over Unicode properties, not lists of code points, so
 * a new invisible character in a future Unicode version is refused without a code change as long as
 * Unicode gives it one of the refused categories.
 */
final class TextRules {
    /**
     * UTS #39 through ICU4J: {@link SpoofChecker#getSkeleton(CharSequence)} for the confusable
     * skeleton, and the restriction level "highly restrictive" for one word: a single script, or
     * Latin with Han, Hiragana, Katakana, Bopomofo or Hangul as Japanese, Chinese and Korean names
     * mix them. Immutable and thread-safe once built.
     */
    private static final SpoofChecker SKELETONS = new SpoofChecker.Builder().setChecks(SpoofChecker.CONFUSABLE).build();
    private static final SpoofChecker ONE_SCRIPT = new SpoofChecker.Builder()
            .setChecks(SpoofChecker.RESTRICTION_LEVEL)
            .setRestrictionLevel(SpoofChecker.RestrictionLevel.HIGHLY_RESTRICTIVE).build();

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
     *   <li>a word that mixes scripts beyond what UTS #39 calls "highly restrictive" (one script, or
     *       Latin with the Chinese, Japanese and Korean scripts): look-alike spellings such as a Lisu
     *       or Cherokee letter inside a Latin word.</li>
     * </ul>
     * Role words are allowed: people are called "Lehrer" or "Gast". Roles are marked positively by
     * the {@link DisplayNamePolicy}'s bracketed markers, which a name cannot contain or imitate.
     *
     * @param field the parameter name for messages
     * @param value the name
     * @param max the longest allowed normal form, in UTF-16 units
     * @param allowEmpty whether the empty name is allowed
     * @return the normal form
     */
    static String name(String field, String value, int max, boolean allowEmpty) {
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
            if (ONE_SCRIPT.failsChecks(word)) {
                throw new IllegalArgumentException(field + " must not mix scripts in one word (UTS #39 highly restrictive:"
                        + " one script, or Latin with Han, Hiragana, Katakana, Bopomofo or Hangul)");
            }
        }
        return n;
    }

    /**
     * Splits a name written in one field, as Moodle's {@code fullName} is, into first and last name.
     * After NFKC every Unicode white space and space separator (categories Zs, Zl, Zp, and U+200B)
     * separates words. {@code "Last, First Middle"} (one comma; more are dropped with what follows
     * them) gives last name and first names; otherwise the first word is the first name and every
     * other word belongs to the last name. When unsure this shows less: "Kim Sophie Yilmaz" shown
     * as first name and initial is "Kim S.", and no part of a surname of several words is ever
     * taken for a first name. Each part is cut to {@code max} UTF-16 units at a code point
     * boundary: one-field names come from systems with longer fields (Moodle: 100 per name).
     *
     * @param value the name
     * @param max the longest part
     * @return first and last name (the last possibly empty); not yet checked by {@link #name}
     */
    static String[] splitFullName(String value, int max) {
        String[] parts = splitFullName(value);
        for (int i = 0; i < parts.length; i++) {
            if (parts[i].length() > max) {
                int end = Character.isLowSurrogate(parts[i].charAt(max)) ? max - 1 : max;
                parts[i] = parts[i].substring(0, end).strip();
            }
        }
        return parts;
    }

    private static String[] splitFullName(String value) {
        String n = Normalizer.normalize(value, Normalizer.Form.NFKC);
        int comma = n.indexOf(',');
        if (comma >= 0) {
            List<String> parts = new ArrayList<>();
            for (String part : n.split(",")) {
                String words = String.join(" ", words(part));
                if (!words.isEmpty()) {
                    parts.add(words);
                }
            }
            if (parts.size() >= 2) {
                return new String[] {parts.get(1), parts.get(0)};
            }
            n = parts.isEmpty() ? "" : parts.get(0);
        }
        List<String> words = words(n);
        if (words.isEmpty()) {
            return new String[] {"", ""};
        }
        return new String[] {words.get(0), String.join(" ", words.subList(1, words.size()))};
    }

    private static List<String> words(String s) {
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            if (Character.isWhitespace(cp) || Character.isSpaceChar(cp) || cp == 0x200B) {
                if (word.length() > 0) {
                    words.add(word.toString());
                    word.setLength(0);
                }
            } else {
                word.appendCodePoint(cp);
            }
            i += Character.charCount(cp);
        }
        if (word.length() > 0) {
            words.add(word.toString());
        }
        return words;
    }

    /**
     * How a text looks, whatever its spelling: the UTS #39 confusable skeleton
     * ({@link SpoofChecker#getSkeleton(CharSequence)}) of its NFKC form in lower case, without
     * combining marks, in lower case again. Two texts a reader cannot tell apart have the same
     * skeleton: {@code "ꓡehrer"} (Lisu) and {@code "Lehrer"} both give {@code "lehrer"}.
     */
    static String skeleton(String s) {
        String d = Normalizer.normalize(Normalizer.normalize(s, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT),
                Normalizer.Form.NFD);
        StringBuilder b = new StringBuilder(d.length());
        d.codePoints().filter(cp -> !isMark(cp)).forEach(b::appendCodePoint);
        return SKELETONS.getSkeleton(b).toLowerCase(Locale.ROOT);
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
