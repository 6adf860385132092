// SPDX-License-Identifier: Apache-2.0
package de.hessen.schulportal.bbb.testkit.internal;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Judges a request's checksum the way bbb-web's {@code GetChecksumValidator} does: the raw query
 * string (control characters stripped, trimmed), the checksum parameter cut out by plain string
 * replacement, the algorithm chosen by the hex length and only if it is in the supported set,
 * compared case-insensitively. Any configured secret may match (secret rotation, as Scalelite
 * allows).
 */
public final class ChecksumJudge {
    /** Outcome of a check. */
    public enum Verdict {
        /** The checksum matched one of the secrets. */
        OK,
        /** No {@code checksum} parameter, or an empty one. */
        MISSING,
        /** Wrong value, unsupported algorithm or bad length. */
        MISMATCH
    }

    private static final Pattern CONTROL = Pattern.compile("\\p{Cc}");

    private final List<String> secrets;
    private final Set<String> algorithms;

    /**
     * @param secrets    accepted shared secrets, the primary one first
     * @param algorithms supported names ({@code sha1}, {@code sha256}, {@code sha384}, {@code sha512})
     */
    public ChecksumJudge(List<String> secrets, Set<String> algorithms) {
        this.secrets = List.copyOf(secrets);
        this.algorithms = Set.copyOf(algorithms);
    }

    /** Judges {@code callName} with the raw query string and the already decoded parameters. */
    public Verdict judge(String callName, String rawQuery, Params params) {
        String provided = params.get("checksum");
        if (provided == null) {
            return Verdict.MISSING;
        }
        provided = sanitize(provided);
        if (provided.isEmpty()) {
            return Verdict.MISSING;
        }
        String algorithm = byLength(provided.length());
        if (algorithm == null || !algorithms.contains(algorithm)) {
            return Verdict.MISMATCH;
        }
        String query = sanitize(rawQuery == null ? "" : rawQuery);
        query = query.replace("&checksum=" + provided, "")
                .replace("checksum=" + provided + "&", "")
                .replace("checksum=" + provided, "");
        for (String secret : secrets) {
            if (Hashing.hex(algorithm, callName + query + secret).equalsIgnoreCase(provided)) {
                return Verdict.OK;
            }
        }
        return Verdict.MISMATCH;
    }

    /** The algorithm name for a checksum of that many hex digits, or {@code null}. */
    static String byLength(int length) {
        switch (length) {
            case 40: return "sha1";
            case 64: return "sha256";
            case 96: return "sha384";
            case 128: return "sha512";
            default: return null;
        }
    }

    /** {@code ParamsUtil.sanitizeString}: strip control characters, trim. */
    static String sanitize(String s) {
        return CONTROL.matcher(s).replaceAll("").trim();
    }

    /** Normalises an algorithm name given by a user of the simulator. */
    public static String algorithmName(String name) {
        String n = name.trim().toLowerCase(Locale.ROOT).replace("-", "");
        Hashing.jdkName(n);
        return n;
    }
}
