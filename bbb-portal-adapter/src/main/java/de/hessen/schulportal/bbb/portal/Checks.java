// SPDX-License-Identifier: Apache-2.0
package de.hessen.schulportal.bbb.portal;


/** Argument checks with messages that name the field and the rule. */
final class Checks {
    private Checks() {
    }

    static <T> T required(String field, T value) {
        if (value == null) {
            throw new NullPointerException(field);
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

    /** Like {@link #text} but may be empty. */
    static String optionalText(String field, String value, int max) {
        required(field, value);
        if (value.length() > max) {
            throw new IllegalArgumentException(field + " must be at most " + max + " characters, was " + value.length());
        }
        if (!value.equals(value.strip())) {
            throw new IllegalArgumentException(field + " must not start or end with whitespace");
        }
        TextRules.requireVisible(field, value);
        return value;
    }
}
