// SPDX-License-Identifier: Apache-2.0
package de.hessen.schulportal.bbb.client.callback;

import java.util.Arrays;
import java.util.Optional;

/**
 * The HMAC algorithms of JSON Web Signature (RFC 7518 §3.2) that callback tokens may use.
 *
 * <p>BigBlueButton signs recording-ready tokens with {@link #HS256}; Scalelite re-signs them with
 * {@link #HS256} or {@link #HS512}; learning-analytics tokens are {@link #HS512}. {@link #HS384} is
 * listed for completeness and is off unless a verifier is told to allow it. {@code none} and all
 * asymmetric algorithms are never accepted.
 */
public enum JwtAlgorithm {
    /** HMAC with SHA-256, 32-byte signature. */
    HS256("HmacSHA256", 32),
    /** HMAC with SHA-384, 48-byte signature. */
    HS384("HmacSHA384", 48),
    /** HMAC with SHA-512, 64-byte signature. */
    HS512("HmacSHA512", 64);

    private final String macName;
    private final int signatureLength;

    JwtAlgorithm(String macName, int signatureLength) {
        this.macName = macName;
        this.signatureLength = signatureLength;
    }

    /** {@return the name of the {@link javax.crypto.Mac} in the Java Cryptography Architecture, e.g. {@code HmacSHA256}} */
    public String macName() {
        return macName;
    }

    /** {@return the length of the raw signature in bytes: 32, 48 or 64} */
    public int signatureLength() {
        return signatureLength;
    }

    /**
     * Finds the algorithm for a JWS {@code alg} header value. The match is exact and case-sensitive,
     * as RFC 7515 requires.
     *
     * @param alg the header value, may be {@code null}
     * @return the algorithm, or empty for {@code none}, asymmetric and unknown values
     */
    public static Optional<JwtAlgorithm> fromHeader(String alg) {
        return Arrays.stream(values()).filter(a -> a.name().equals(alg)).findFirst();
    }
}
