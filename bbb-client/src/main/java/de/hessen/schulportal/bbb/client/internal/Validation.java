package de.hessen.schulportal.bbb.client.internal;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.Locale;

/**
 * Checks that request builders run at {@code build()}. Each rule exists because BigBlueButton would
 * otherwise reject the value or silently drop or alter it; every message names the parameter and
 * the rule, and never echoes a value that could be a secret.
 */
public final class Validation {
    private Validation() {
    }

    /**
     * Requires a non-null value.
     *
     * @param parameter the parameter name for the message
     * @param value the value
     * @param <T> the value type
     * @return the value
     */
    public static <T> T required(String parameter, T value) {
        if (value == null) {
            throw new IllegalArgumentException(parameter + " is required and must not be null");
        }
        return value;
    }

    /**
     * The meeting ID rule of bbb-web: 2 to 256 characters, no comma, no leading or trailing
     * whitespace, no control characters (the server compares the ID with its sanitised form).
     *
     * @param parameter the parameter name, e.g. {@code meetingID}
     * @param value the meeting ID
     * @return the value
     */
    public static String meetingId(String parameter, String value) {
        required(parameter, value);
        if (value.length() < 2 || value.length() > 256) {
            throw new IllegalArgumentException(parameter + " must be 2 to 256 characters long, was " + value.length());
        }
        if (value.indexOf(',') >= 0) {
            throw new IllegalArgumentException(parameter + " must not contain a comma: BigBlueButton rejects it");
        }
        if (!value.equals(value.strip())) {
            throw new IllegalArgumentException(parameter
                    + " must not start or end with whitespace: BigBlueButton rejects IDs that differ from their trimmed form");
        }
        text(parameter, value);
        return value;
    }

    /**
     * A free-text value: no control characters (BigBlueButton strips them) and well-formed UTF-16
     * (a lone surrogate cannot be encoded as UTF-8 and would arrive as {@code ?}).
     *
     * @param parameter the parameter name
     * @param value the value
     * @return the value
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
            if (Character.isHighSurrogate(c)) {
                if (i + 1 >= value.length() || !Character.isLowSurrogate(value.charAt(i + 1))) {
                    throw new IllegalArgumentException(parameter + " contains an unpaired surrogate at index " + i
                            + ": it cannot be sent as UTF-8");
                }
                i++;
            } else if (Character.isLowSurrogate(c)) {
                throw new IllegalArgumentException(parameter + " contains an unpaired surrogate at index " + i
                        + ": it cannot be sent as UTF-8");
            }
        }
        return value;
    }

    /**
     * A free-text value with a length range in UTF-16 units, as bbb-web's {@code @Size} counts.
     *
     * @param parameter the parameter name
     * @param value the value
     * @param min the minimum length
     * @param max the maximum length
     * @return the value
     */
    public static String text(String parameter, String value, int min, int max) {
        text(parameter, value);
        if (value.length() < min || value.length() > max) {
            throw new IllegalArgumentException(parameter + " must be " + min + " to " + max
                    + " characters long, was " + value.length());
        }
        return value;
    }

    /**
     * A non-blank free-text value.
     *
     * @param parameter the parameter name
     * @param value the value
     * @return the value
     */
    public static String nonBlank(String parameter, String value) {
        text(parameter, value);
        if (value.isBlank()) {
            throw new IllegalArgumentException(parameter + " must not be blank");
        }
        return value;
    }

    /**
     * A metadata key as bbb-web keeps it: {@code [a-zA-Z][a-zA-Z0-9-]*}. Other keys (with {@code _},
     * dots, umlauts) are silently dropped by the server. The server also lower-cases keys, so
     * callers should prefer lower case.
     *
     * @param key the key without the {@code meta_} prefix
     * @return the key
     */
    public static String metaKey(String key) {
        required("meta key", key);
        if (!matches(key, "-")) {
            throw new IllegalArgumentException("meta key '" + key
                    + "' must match [a-zA-Z][a-zA-Z0-9-]* (letters, digits and '-', starting with a letter):"
                    + " BigBlueButton silently drops other keys");
        }
        return key;
    }

    /**
     * A userdata key: after {@code userdata-} the server splits on the dash, so the key itself must
     * not contain one.
     *
     * @param key the key without the {@code userdata-} prefix
     * @return the key
     */
    public static String userdataKey(String key) {
        required("userdata key", key);
        if (!isUserdataKey(key)) {
            throw new IllegalArgumentException("userdata key '" + key
                    + "' must match [a-zA-Z0-9_]+ (no '-': BigBlueButton splits userdata-<key> at the dash and"
                    + " would lose the rest)");
        }
        return key;
    }

    /**
     * The name of a parameter passed through the {@code additionalParam} escape hatch.
     *
     * @param name the parameter name
     * @return the name
     */
    public static String parameterName(String name) {
        required("additionalParam name", name);
        if (!matches(name, "_.-")) {
            throw new IllegalArgumentException("additionalParam name '" + name
                    + "' must match [a-zA-Z][a-zA-Z0-9_.-]*");
        }
        if (name.equalsIgnoreCase("checksum")) {
            throw new IllegalArgumentException("additionalParam name must not be 'checksum': the client signs every request itself");
        }
        return name;
    }

    /**
     * A non-negative integer parameter.
     *
     * @param parameter the parameter name
     * @param value the value
     * @return the value
     */
    public static int nonNegative(String parameter, int value) {
        if (value < 0) {
            throw new IllegalArgumentException(parameter + " must be zero or positive, was " + value);
        }
        return value;
    }

    /**
     * A positive integer parameter.
     *
     * @param parameter the parameter name
     * @param value the value
     * @return the value
     */
    public static int positive(String parameter, int value) {
        if (value <= 0) {
            throw new IllegalArgumentException(parameter + " must be positive, was " + value);
        }
        return value;
    }

    /**
     * A duration the server takes in whole minutes. Fractions are refused rather than rounded, so
     * nothing is altered on the way.
     *
     * @param parameter the parameter name
     * @param value the duration
     * @return the number of minutes
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

    /**
     * An absolute http or https URL.
     *
     * @param parameter the parameter name
     * @param value the URL
     * @return the URL as a string, unchanged
     */
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

    /*
     * The key rules as loops over the characters instead of java.util.regex: a Matcher per key cost
     * a portal measurable time per join link (BENCHMARKS.md, peer comparison). Same rules as the
     * patterns the messages quote.
     */

    /** {@code [a-zA-Z][a-zA-Z0-9<extra>]*}. */
    private static boolean matches(String s, String extra) {
        if (s.isEmpty() || !isAsciiLetter(s.charAt(0))) {
            return false;
        }
        for (int i = 1; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!isAsciiLetter(c) && !isAsciiDigit(c) && extra.indexOf(c) < 0) {
                return false;
            }
        }
        return true;
    }

    /** {@code [a-zA-Z0-9_]+}. */
    private static boolean isUserdataKey(String s) {
        if (s.isEmpty()) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!isAsciiLetter(c) && !isAsciiDigit(c) && c != '_') {
                return false;
            }
        }
        return true;
    }

    private static boolean isAsciiLetter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    private static boolean isAsciiDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
