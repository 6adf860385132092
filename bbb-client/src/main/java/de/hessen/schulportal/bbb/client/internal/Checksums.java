package de.hessen.schulportal.bbb.client.internal;

import de.hessen.schulportal.bbb.client.ChecksumAlgorithm;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;

/**
 * The BigBlueButton request checksum: lowercase hex of H(call name + query string + secret).
 */
public final class Checksums {
    private static final HexFormat HEX = HexFormat.of();

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
        MessageDigest digest = algorithm.newDigest();
        digest.update(call.getBytes(StandardCharsets.UTF_8));
        digest.update(query.getBytes(StandardCharsets.UTF_8));
        digest.update(secret.getBytes(StandardCharsets.UTF_8));
        return HEX.formatHex(digest.digest());
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
