package de.hessen.schulportal.bbb.portal;


/** Argument checks with messages that name the field and the rule. */
final class Checks {
    private Checks() {
    }

    static <T> T required(String field, T value) {
        if (value == null) {
            throw new IllegalArgumentException(field + " is required");
        }
        return value;
    }

    /** Not blank, at most {@code max} characters, no control characters, no surrounding whitespace. */
    static String text(String field, String value, int max) {
        required(field, value);
        if (value.isBlank()) {
            throw new IllegalArgumentException(field + " must not be blank");
        }
        return optionalText(field, value, max);
    }

    /**
     * Characters that change the direction of the text around them or show as nothing: with them a
     * name could push the "(Gast)" marker out of sight or reorder it. Zero-width (non-)joiners
     * (U+200C, U+200D) stay allowed: Persian, Arabic and Indic names need them.
     */
    static boolean hiding(char c) {
        return (c >= '\u202A' && c <= '\u202E')      // embeddings and overrides
                || (c >= '\u2066' && c <= '\u2069')  // isolates
                || c == '\u200E' || c == '\u200F' || c == '\u061C'  // directional marks
                || c == '\u200B' || c == '\u2060' || c == '\uFEFF'  // zero-width space, word joiner, BOM
                || c == '\u00AD' || c == '\u034F'                   // soft hyphen, combining grapheme joiner
                || c == '\u115F' || c == '\u1160' || c == '\u3164' || c == '\uFFA0'; // Hangul fillers
    }

    /** Like {@link #text} but may be empty. */
    static String optionalText(String field, String value, int max) {
        required(field, value);
        if (value.length() > max) {
            throw new IllegalArgumentException(field + " must be at most " + max + " characters, was " + value.length());
        }
        if (!value.equals(value.strip())) {
            throw new IllegalArgumentException(field + " must not start or end with whitespace");
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isISOControl(c) || c == '\u2028' || c == '\u2029') {
                throw new IllegalArgumentException(field + " must not contain control characters (found U+"
                        + String.format(java.util.Locale.ROOT, "%04X", (int) c) + " at index " + i + ")");
            }
            if (hiding(c)) {
                throw new IllegalArgumentException(field + " must not contain invisible or direction-changing characters"
                        + " (found U+" + String.format(java.util.Locale.ROOT, "%04X", (int) c) + " at index " + i + ")");
            }
        }
        return value;
    }
}
