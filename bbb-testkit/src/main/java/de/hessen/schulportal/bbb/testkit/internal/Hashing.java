// SPDX-License-Identifier: Apache-2.0
package de.hessen.schulportal.bbb.testkit.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Locale;

/** Digests and random identifiers in BBB's formats. */
public final class Hashing {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final char[] ALNUM = "abcdefghijklmnopqrstuvwxyz0123456789".toCharArray();

    private Hashing() {
    }

    /** The JDK digest name for a BBB algorithm name ({@code sha1} … {@code sha512}). */
    public static String jdkName(String bbbName) {
        switch (bbbName.toLowerCase(Locale.ROOT)) {
            case "sha1": return "SHA-1";
            case "sha256": return "SHA-256";
            case "sha384": return "SHA-384";
            case "sha512": return "SHA-512";
            default: throw new IllegalArgumentException("unknown checksum algorithm '" + bbbName
                    + "'; expected sha1, sha256, sha384 or sha512");
        }
    }

    /** Lowercase hex of {@code H(UTF-8 bytes of data)}. */
    public static String hex(String bbbAlgorithm, String data) {
        try {
            MessageDigest md = MessageDigest.getInstance(jdkName(bbbAlgorithm));
            return HexFormat.of().formatHex(md.digest(data.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("JDK lacks " + bbbAlgorithm, e);
        }
    }

    /** {@code sha1Hex}, as bbb-web uses for internal meeting IDs. */
    public static String sha1(String data) {
        return hex("sha1", data);
    }

    /** {@code n} random lowercase alphanumerics, the alphabet of BBB's tokens and user IDs. */
    public static String token(int n) {
        char[] c = new char[n];
        for (int i = 0; i < n; i++) {
            c[i] = ALNUM[RANDOM.nextInt(ALNUM.length)];
        }
        return new String(c);
    }

    /** A random numeric string of {@code n} digits, the first one not zero. */
    public static String digits(int n) {
        StringBuilder sb = new StringBuilder(n);
        sb.append(1 + RANDOM.nextInt(9));
        for (int i = 1; i < n; i++) {
            sb.append(RANDOM.nextInt(10));
        }
        return sb.toString();
    }
}
