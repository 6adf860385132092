// SPDX-License-Identifier: Apache-2.0
package de.hessen.schulportal.bbb.gateway.internal;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs the callbacks anew for the client, as BigBlueButton would have with the client's secret:
 * a compact JWS, HS256 (recording ready) or HS512 (analytics), key = the secret's UTF-8 bytes.
 * The claims JSON is given complete; this class only encodes and signs it.
 *
 * <p>Stateless and thread-safe.
 */
public final class JwtSigner {
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

    private JwtSigner() {
    }

    /**
     * Signs claims.
     *
     * @param algorithm {@code HS256} or {@code HS512}
     * @param claimsJson the payload, a JSON object
     * @param secret the client's shared secret
     * @return {@code header.payload.signature}
     * @throws IllegalArgumentException for another algorithm
     */
    public static String sign(String algorithm, String claimsJson, String secret) {
        String mac;
        switch (algorithm) {
            case "HS256":
                mac = "HmacSHA256";
                break;
            case "HS512":
                mac = "HmacSHA512";
                break;
            default:
                throw new IllegalArgumentException("algorithm must be HS256 or HS512");
        }
        String header = "{\"typ\":\"JWT\",\"alg\":\"" + algorithm + "\"}";
        String signingInput = B64.encodeToString(header.getBytes(StandardCharsets.UTF_8)) + '.'
                + B64.encodeToString(claimsJson.getBytes(StandardCharsets.UTF_8));
        try {
            Mac m = Mac.getInstance(mac);
            m.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), mac));
            return signingInput + '.' + B64.encodeToString(m.doFinal(signingInput.getBytes(StandardCharsets.US_ASCII)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(mac + " is not available in this JVM", e);
        }
    }
}
