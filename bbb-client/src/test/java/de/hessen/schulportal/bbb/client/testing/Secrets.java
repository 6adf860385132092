package de.hessen.schulportal.bbb.client.testing;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * What must never appear in a log line, exception message or {@code toString()}: every secret a
 * test uses (registered here) and anything that looks like an unmasked checksum.
 */
public final class Secrets {
    /** The secret most tests use. */
    public static final String SECRET = "8cd8ef52e8e101574e400365b55e11a6";
    /** The REFERENCE.md §2.1 test vector secret. */
    public static final String VECTOR_SECRET = "639259d4-9dd8-4b25-bf01-95f9567eaf4b";

    private static final Set<String> FORBIDDEN = ConcurrentHashMap.newKeySet();
    private static final Pattern CHECKSUM = Pattern.compile("checksum=[0-9a-fA-F]{40,128}");

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
        if (CHECKSUM.matcher(text).find()) {
            return "an unmasked checksum";
        }
        return null;
    }
}
