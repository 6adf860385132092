package de.hessen.schulportal.bbb.client.internal;

import de.hessen.schulportal.bbb.client.ChecksumAlgorithm;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * The BigBlueButton request checksum: lowercase hex of H(call name + query string + secret).
 */
public final class Checksums {
    /**
     * One configured digest per algorithm, cloned for each checksum: a clone copies a few words of
     * state, while {@code MessageDigest.getInstance} looks the algorithm up in the provider list on
     * every call (the largest single cost of signing a join URL, see BENCHMARKS.md). The prototypes
     * are never updated, so sharing them across threads is safe.
     */
    private static final MessageDigest[] PROTOTYPES = prototypes();

    private Checksums() {
    }

    /**
     * Computes the checksum over exactly the given query string.
     *
     * @param algorithm the hash function
     * @param call the call name as it appears in the URL path, e.g. {@code create} or {@code hooks/list}
     * @param query the encoded query string without {@code ?} and without a checksum
     * @param secret the shared secret
     * @return the checksum in lowercase hex
     */
    public static String checksum(ChecksumAlgorithm algorithm, String call, String query, String secret) {
        return appendChecksum(new StringBuilder(128), algorithm, call, query, secret).toString();
    }

    /**
     * Appends the checksum to a buffer, for a URL built in one piece (no hex string in between).
     *
     * @param sb the buffer
     * @param algorithm the hash function
     * @param call the call name
     * @param query the encoded query string without {@code ?} and without a checksum
     * @param secret the shared secret
     * @return the buffer, with the checksum in lowercase hex appended
     */
    public static StringBuilder appendChecksum(StringBuilder sb, ChecksumAlgorithm algorithm, String call, String query,
            String secret) {
        MessageDigest digest = newDigest(algorithm);
        digest.update(call.getBytes(StandardCharsets.UTF_8));
        digest.update(query.getBytes(StandardCharsets.UTF_8));
        digest.update(secret.getBytes(StandardCharsets.UTF_8));
        for (byte b : digest.digest()) {
            sb.append(LOWER_HEX[(b >> 4) & 0xF]).append(LOWER_HEX[b & 0xF]);
        }
        return sb;
    }

    private static final char[] LOWER_HEX = "0123456789abcdef".toCharArray();

    private static MessageDigest[] prototypes() {
        ChecksumAlgorithm[] all = ChecksumAlgorithm.values();
        MessageDigest[] p = new MessageDigest[all.length];
        for (ChecksumAlgorithm a : all) {
            MessageDigest d = a.newDigest();
            p[a.ordinal()] = d instanceof Cloneable ? d : null;
        }
        return p;
    }

    private static MessageDigest newDigest(ChecksumAlgorithm algorithm) {
        MessageDigest prototype = PROTOTYPES[algorithm.ordinal()];
        if (prototype != null) {
            try {
                return (MessageDigest) prototype.clone();
            } catch (CloneNotSupportedException e) {
                // A provider without clone support: fall through to a fresh instance.
            }
        }
        return algorithm.newDigest();
    }

    /**
     * Appends the checksum to the query string the way the server expects it: as the last parameter.
     *
     * @param algorithm the hash function
     * @param call the call name
     * @param query the encoded query string
     * @param secret the shared secret
     * @return {@code query&checksum=…}, or {@code checksum=…} for an empty query
     */
    public static String signedQuery(ChecksumAlgorithm algorithm, String call, String query, String secret) {
        String checksum = checksum(algorithm, call, query, secret);
        return query.isEmpty() ? "checksum=" + checksum : query + "&checksum=" + checksum;
    }
}
