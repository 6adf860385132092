// SPDX-License-Identifier: Apache-2.0
package de.hessen.schulportal.bbb.client.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The BigBlueButton request checksum: lowercase hex of H(call name + query string + secret). */
public final class Checksums {
    /**
     * One configured digest per algorithm, cloned for each checksum: a clone copies a few words of
     * state, while {@code MessageDigest.getInstance} looks the algorithm up in the provider list on
     * every call (the largest single cost of signing a join URL, see BENCHMARKS.md). The prototypes
     * are never updated, so sharing them across threads is safe.
     */
    private static final Map<String, MessageDigest> PROTOTYPES = new ConcurrentHashMap<>();

    private static final char[] LOWER_HEX = "0123456789abcdef".toCharArray();

    private Checksums() {
    }

    /** {@return the checksum in lowercase hex over exactly the given query string} */
    public static String checksum(String jcaName, String call, String query, String secret) {
        return appendChecksum(new StringBuilder(128), jcaName, call, query, secret).toString();
    }

    /** Appends the checksum to {@code sb} and returns it, for a URL built in one buffer. */
    public static StringBuilder appendChecksum(StringBuilder sb, String jcaName, String call, String query, String secret) {
        MessageDigest digest = newDigest(jcaName);
        digest.update(call.getBytes(StandardCharsets.UTF_8));
        digest.update(query.getBytes(StandardCharsets.UTF_8));
        digest.update(secret.getBytes(StandardCharsets.UTF_8));
        for (byte b : digest.digest()) {
            sb.append(LOWER_HEX[(b >> 4) & 0xF]).append(LOWER_HEX[b & 0xF]);
        }
        return sb;
    }

    private static MessageDigest newDigest(String jcaName) {
        MessageDigest prototype = PROTOTYPES.get(jcaName);
        if (prototype == null) {
            // Not computeIfAbsent: a lambda here would be the signing path's first (cold start).
            PROTOTYPES.putIfAbsent(jcaName, create(jcaName));
            prototype = PROTOTYPES.get(jcaName);
        }
        try {
            return (MessageDigest) prototype.clone();
        } catch (CloneNotSupportedException e) {
            // A provider without clone support: a fresh instance each time.
            return create(jcaName);
        }
    }

    private static MessageDigest create(String jcaName) {
        try {
            return MessageDigest.getInstance(jcaName);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("The JDK lacks " + jcaName + ", which every Java SE runtime must provide", e);
        }
    }
}
