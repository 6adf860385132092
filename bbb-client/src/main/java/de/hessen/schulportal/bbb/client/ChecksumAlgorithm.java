// SPDX-License-Identifier: Apache-2.0
package de.hessen.schulportal.bbb.client;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Optional;

/**
 * The hash functions BigBlueButton accepts for request checksums.
 *
 * <p>The server picks the algorithm by the length of the checksum it receives, and only if the
 * algorithm is listed in its {@code supportedChecksumAlgorithms} property (all four by default).
 * {@link #SHA256} is the default of this SDK: it works on every BigBlueButton since 2.2 and on
 * Scalelite. Scalelite does not accept {@link #SHA384}; bbb-webhooks before 3.0 only accepts
 * {@link #SHA1}.
 */
public enum ChecksumAlgorithm {
    /** SHA-1, 40 hex characters. Accepted everywhere, but only for servers that still allow it. */
    SHA1("SHA-1", 40),
    /** SHA-256, 64 hex characters. The default. */
    SHA256("SHA-256", 64),
    /** SHA-384, 96 hex characters. Not accepted by Scalelite. */
    SHA384("SHA-384", 96),
    /** SHA-512, 128 hex characters. For servers hardened to accept only SHA-512. */
    SHA512("SHA-512", 128);

    private final String jcaName;
    private final int hexLength;

    ChecksumAlgorithm(String jcaName, int hexLength) {
        this.jcaName = jcaName;
        this.hexLength = hexLength;
    }

    /** {@return the name of the algorithm in the Java Cryptography Architecture, e.g. {@code SHA-256}} */
    public String jcaName() {
        return jcaName;
    }

    /**
     * {@return the length of a checksum made with this algorithm in lowercase hex characters: 40, 64,
     * 96 or 128} This is how the server recognises the algorithm.
     */
    public int hexLength() {
        return hexLength;
    }

    /**
     * {@return the algorithm BigBlueButton reads a checksum of this many characters as: 40 SHA-1,
     * 64 SHA-256, 96 SHA-384, 128 SHA-512; empty for any other length} The length alone decides:
     * whether the checksum is hex, and whether the algorithm is allowed, are the caller's checks.
     * Every verifier of inbound checksums (webhooks, the gateway) chooses the algorithm here.
     *
     * @param hexLength the checksum's length in characters
     */
    public static Optional<ChecksumAlgorithm> ofHexLength(int hexLength) {
        for (ChecksumAlgorithm a : values()) {
            if (a.hexLength == hexLength) {
                return Optional.of(a);
            }
        }
        return Optional.empty();
    }

    /** {@return a fresh, unshared digest for this algorithm} Every JDK provides all four. */
    public MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance(jcaName);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("The JDK lacks " + jcaName + ", which every Java SE runtime must provide", e);
        }
    }
}
