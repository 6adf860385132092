// SPDX-License-Identifier: Apache-2.0
package de.hessen.schulportal.bbb.client.internal;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.Collection;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * Checks that request builders run at {@code build()}. Each rule exists because BigBlueButton would
 * otherwise reject the value or silently drop or alter it; every message names the parameter and
 * the rule, and never echoes a value that could be a secret. Each check returns the value it
 * accepted (or, where it says so, what is sent) and throws {@link NullPointerException} with the
 * parameter name as its whole message for {@code null}, {@link IllegalArgumentException} for a
 * broken rule.
 */
public final class Validation {
    private Validation() {
    }

    /**
     * Requires a non-null value.
     * @throws NullPointerException if the value is {@code null}
     */
    public static <T> T required(String parameter, T value) {
        return Objects.requireNonNull(value, parameter);
    }

    /**
     * The meeting ID rule of bbb-web: 2 to 256 characters, no comma, no leading or trailing
     * whitespace, no control characters (the server compares the ID with its sanitised form).
     */
    public static String meetingId(String parameter, String value) {
        length(parameter, required(parameter, value), 2, 256);
        if (value.indexOf(',') >= 0) {
            throw new IllegalArgumentException(parameter + " must not contain a comma: BigBlueButton rejects it");
        }
        if (!value.equals(value.strip())) {
            throw new IllegalArgumentException(parameter
                    + " must not start or end with whitespace: BigBlueButton rejects IDs that differ from their trimmed form");
        }
        return text(parameter, value);
    }

    /**
     * A free-text value: no control characters (BigBlueButton strips them) and well-formed UTF-16
     * (a lone surrogate cannot be encoded as UTF-8 and would arrive as {@code ?}).
     */
    public static String text(String parameter, String value) {
        required(parameter, value);
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isISOControl(c)) {
                throw new IllegalArgumentException(parameter + " must not contain control characters (found U+"
                        + String.format(Locale.ROOT, "%04X", (int) c) + " at index " + i
                        + "): BigBlueButton strips them; use <br> for line breaks in HTML messages");
            }
            if (Character.isHighSurrogate(c) && i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                throw new IllegalArgumentException(parameter + " contains an unpaired surrogate at index " + i
                        + ": it cannot be sent as UTF-8");
            }
        }
        return value;
    }

    /** A free-text value with a length range in UTF-16 units, as bbb-web's {@code @Size} counts. */
    public static String text(String parameter, String value, int min, int max) {
        return length(parameter, text(parameter, value), min, max);
    }

    private static String length(String parameter, String value, int min, int max) {
        if (value.length() < min || value.length() > max) {
            throw new IllegalArgumentException(parameter + " must be " + min + " to " + max + " characters long, was " + value.length());
        }
        return value;
    }

    /** A non-blank free-text value. */
    public static String nonBlank(String parameter, String value) {
        text(parameter, value);
        if (value.isBlank()) {
            throw new IllegalArgumentException(parameter + " must not be blank");
        }
        return value;
    }

    /**
     * A list of record IDs as bbb-web reads it ({@code recordID}): at least one, each not blank and
     * without a comma, because the server splits the list at commas.
     *
     * @return the IDs joined by {@code ,}, as sent
     */
    public static String recordIds(Collection<String> ids) {
        required("recordID", ids);
        if (ids.isEmpty()) {
            throw new IllegalArgumentException("recordID: at least one record ID is required");
        }
        for (String id : ids) {
            nonBlank("recordID", id);
            if (id.indexOf(',') >= 0) {
                throw new IllegalArgumentException("recordID must not contain a comma: the server splits the list at commas");
            }
        }
        return String.join(",", ids);
    }

    /**
     * A metadata key ({@code meta_<key>}) that reaches BigBlueButton unchanged:
     * {@code [a-z][a-z0-9-]*}. bbb-web silently drops keys with any other character (an
     * {@code _}, a dot, an umlaut) and lower-cases the rest, so an upper-case key would come back
     * from getMeetingInfo, getRecordings and webhooks as another key than the one sent. The same
     * rule holds for create, getRecordings filters and updateRecordings.
     */
    public static String metaKey(String key) {
        return matching("meta key", key, Validation::isLowerCaseKey, "[a-z][a-z0-9-]* (lower-case letters, digits and '-',"
                + " starting with a letter): BigBlueButton silently drops keys with other characters and lower-cases the rest");
    }

    /**
     * A plugin setting ({@code plugin_<plugin>_<key>}, BigBlueButton 3.0): the plugin name as in its
     * manifest ({@code [a-zA-Z0-9_-]+}, what a manifest placeholder can name) and a key
     * {@code [a-z][a-z0-9-]*} (bbb-web keeps only such keys and looks them up in lower case).
     *
     * @return the wire name {@code plugin_<plugin>_<key>}
     */
    public static String pluginSetting(String plugin, String key) {
        required("plugin", plugin);
        required("plugin setting key", key);
        matching("plugin name", plugin, Validation::isWordKey, "[a-zA-Z0-9_-]+: BigBlueButton finds plugin settings through"
                + " manifest placeholders that can name nothing else");
        matching("plugin setting key", key, Validation::isLowerCaseKey, "[a-z][a-z0-9-]*: BigBlueButton drops other keys and"
                + " looks the rest up in lower case");
        return "plugin_" + plugin + "_" + key;
    }

    /**
     * A userdata key: after {@code userdata-} the server splits on the dash, so the key itself must
     * not contain one.
     */
    public static String userdataKey(String key) {
        return matching("userdata key", key, Validation::isUserdataKey, "[a-zA-Z0-9_]+ (no '-': BigBlueButton splits"
                + " userdata-<key> at the dash and would lose the rest)");
    }

    /** The name of a parameter passed through the {@code additionalParam} escape hatch. */
    public static String parameterName(String name) {
        matching("additionalParam name", name, Validation::isParameterName, "[a-zA-Z][a-zA-Z0-9_.-]*");
        if (name.equalsIgnoreCase("checksum")) {
            throw new IllegalArgumentException("additionalParam name must not be 'checksum': the client signs every request itself");
        }
        return name;
    }

    /** A non-negative integer parameter. */
    public static int nonNegative(String parameter, int value) {
        if (value < 0) {
            throw new IllegalArgumentException(parameter + " must be zero or positive, was " + value);
        }
        return value;
    }

    /** A positive integer parameter. */
    public static int positive(String parameter, int value) {
        if (value <= 0) {
            throw new IllegalArgumentException(parameter + " must be positive, was " + value);
        }
        return value;
    }

    /**
     * {@return the number of minutes of a duration the server takes in whole minutes}: fractions are
     * refused rather than rounded, so nothing is altered on the way.
     */
    public static long wholeMinutes(String parameter, Duration value) {
        required(parameter, value);
        if (value.isNegative()) {
            throw new IllegalArgumentException(parameter + " must not be negative, was " + value);
        }
        if (value.toSecondsPart() != 0 || value.toNanosPart() != 0) {
            throw new IllegalArgumentException(parameter + " must be a whole number of minutes"
                    + " (BigBlueButton counts in minutes), was " + value);
        }
        if (value.toMinutes() > Integer.MAX_VALUE) {
            throw new IllegalArgumentException(parameter + " is too long, was " + value);
        }
        return value.toMinutes();
    }

    /** An absolute http or https URL. */
    public static String url(String parameter, String value) {
        text(parameter, value);
        try {
            URI uri = new URI(value);
            String scheme = uri.getScheme();
            if (scheme == null || !(scheme.equalsIgnoreCase("https") || scheme.equalsIgnoreCase("http"))
                    || uri.getHost() == null) {
                throw new IllegalArgumentException(parameter + " must be an absolute http or https URL");
            }
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(parameter + " must be a valid absolute URL: " + e.getReason(), e);
        }
        return value;
    }

    /** An absolute http or https URL given as a {@link URI}; returns it exactly as {@link URI#toString()} gives it. */
    public static String url(String parameter, URI value) {
        return url(parameter, required(parameter, value).toString());
    }

    /** {@return {@code true} or {@code false}, as BigBlueButton reads a boolean} */
    public static String flag(boolean value) {
        return value ? "true" : "false";
    }

    /*
     * The key rules as loops over the characters instead of java.util.regex: a Matcher per key cost
     * a portal measurable time per join link (BENCHMARKS.md, peer comparison). Same rules as the
     * patterns the messages quote.
     */

    /**
     * Requires a name (a key, never a secret, so the message may quote it) that follows a rule;
     * {@code patternAndWhy} is the rule as a pattern and what BigBlueButton would do otherwise.
     */
    private static String matching(String what, String value, Predicate<String> rule, String patternAndWhy) {
        required(what, value);
        if (!rule.test(value)) {
            throw new IllegalArgumentException(what + " '" + value + "' must match " + patternAndWhy);
        }
        return value;
    }

    /** {@code [a-zA-Z][a-zA-Z0-9_.-]*}. */
    private static boolean isParameterName(String s) {
        return !s.isEmpty() && isAsciiLetter(s.charAt(0)) && all(s, c -> isAsciiLetter(c) || isAsciiDigit(c) || "_.-".indexOf(c) >= 0);
    }

    /** {@code [a-z][a-z0-9-]*}. */
    private static boolean isLowerCaseKey(String s) {
        return !s.isEmpty() && s.charAt(0) >= 'a' && s.charAt(0) <= 'z' && all(s, c -> (c >= 'a' && c <= 'z') || isAsciiDigit(c) || c == '-');
    }

    /** {@code [a-zA-Z0-9_-]+}. */
    private static boolean isWordKey(String s) {
        return !s.isEmpty() && all(s, c -> isAsciiLetter(c) || isAsciiDigit(c) || c == '_' || c == '-');
    }

    /** {@code [a-zA-Z0-9_]+}. */
    private static boolean isUserdataKey(String s) {
        return !s.isEmpty() && all(s, c -> isAsciiLetter(c) || isAsciiDigit(c) || c == '_');
    }

    private static boolean all(String s, CharPredicate allowed) {
        for (int i = 0; i < s.length(); i++) {
            if (!allowed.test(s.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /** A predicate over {@code char}, so the loops box nothing. */
    private interface CharPredicate {
        boolean test(char c);
    }

    private static boolean isAsciiLetter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    private static boolean isAsciiDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
