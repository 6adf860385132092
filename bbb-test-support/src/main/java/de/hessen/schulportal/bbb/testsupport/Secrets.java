// SPDX-License-Identifier: Apache-2.0
package de.hessen.schulportal.bbb.testsupport;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * What must never appear in a log line, exception message or {@code toString()}: every secret a
 * test uses (registered here), anything that looks like an unmasked checksum, an unmasked password
 * parameter ({@code password}, {@code attendeePW}, {@code moderatorPW}) and a complete join URL
 * (an {@code /api/join?} query whose {@code checksum} is not masked).
 */
public final class Secrets {
    /** The secret most tests use. */
    public static final String SECRET = "8cd8ef52e8e101574e400365b55e11a6";
    /** The REFERENCE.md §2.1 test vector secret. */
    public static final String VECTOR_SECRET = "639259d4-9dd8-4b25-bf01-95f9567eaf4b";

    private static final Set<String> FORBIDDEN = ConcurrentHashMap.newKeySet();
    private static final Pattern CHECKSUM = Pattern.compile("checksum=[0-9a-fA-F]{40,128}");
    /** A password parameter whose value is not the redactor's mask. */
    private static final Pattern PASSWORD = Pattern.compile(
            "(?i)(?<![A-Za-z0-9_])(password|attendeePW|moderatorPW)=(?!\\*\\*\\*)[^&\\s\"'<>]+");
    /** A join URL whose checksum (of any length, even cut short) is still there. */
    private static final Pattern JOIN_URL = Pattern.compile(
            "/api/join\\?[^\\s]*?(?<![A-Za-z0-9_])checksum=(?!\\*\\*\\*)[^&\\s\"'<>]+");

    static {
        FORBIDDEN.add(SECRET);
        FORBIDDEN.add(VECTOR_SECRET);
    }

    private Secrets() {
    }

    /**
     * Registers another value that must never be shown.
     *
     * @param value the secret
     * @return the value
     */
    public static String forbid(String value) {
        FORBIDDEN.add(value);
        return value;
    }

    /**
     * The first forbidden thing in a text.
     *
     * @param text any text
     * @return a description of the leak, or {@code null} if clean
     */
    public static String leakIn(String text) {
        if (text == null) {
            return null;
        }
        for (String s : FORBIDDEN) {
            if (text.contains(s)) {
                return "a registered secret";
            }
        }
        if (JOIN_URL.matcher(text).find()) {
            return "a complete join URL";
        }
        if (CHECKSUM.matcher(text).find()) {
            return "an unmasked checksum";
        }
        if (PASSWORD.matcher(text).find()) {
            return "an unmasked password";
        }
        return null;
    }

    /**
     * Fails if a text leaks something; for {@code toString()} and exception messages.
     *
     * @param what what the text is, for the failure message
     * @param text the text
     * @throws AssertionError naming the kind of leak, without repeating it
     */
    public static void assertNoLeak(String what, String text) {
        String leak = leakIn(text);
        if (leak != null) {
            throw new AssertionError(what + " contains " + leak + ": " + mask(text));
        }
    }

    /**
     * A text with every forbidden value replaced, so a failure report does not leak it again.
     *
     * @param text any text
     * @return the masked text
     */
    public static String mask(String text) {
        if (text == null) {
            return null;
        }
        String out = text;
        for (String s : FORBIDDEN) {
            out = out.replace(s, "<secret>");
        }
        out = out.replaceAll("[0-9a-fA-F]{40,128}", "<hex>");
        return PASSWORD.matcher(out).replaceAll("$1=<password>");
    }
}
