// SPDX-License-Identifier: Apache-2.0
package de.hessen.schulportal.bbb.testkit.internal;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.Locale;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * HMAC JSON Web Tokens as ruby-jwt writes them: HS256 for BBB's recording-ready callback, HS256 or
 * HS512 for Scalelite's, HS512 for the analytics callback.
 */
public final class Jwt {
    private Jwt() {
    }

    /** Signs {@code payloadJson} with HMAC-SHA256 over {@code secret}'s UTF-8 bytes. */
    public static String hs256(String payloadJson, String secret) {
        return sign("HS256", payloadJson, secret);
    }

    /**
     * Signs {@code payloadJson} over {@code secret}'s UTF-8 bytes.
     *
     * @param alg {@code HS256} or {@code HS512}
     */
    public static String sign(String alg, String payloadJson, String secret) {
        return sign(alg, false, payloadJson, secret);
    }

    /**
     * Signs {@code payloadJson}; with {@code typ} the header also carries {@code "typ":"JWT"}.
     *
     * @param alg {@code HS256} or {@code HS512}
     */
    public static String sign(String alg, boolean typ, String payloadJson, String secret) {
        String jdk;
        switch (alg.toUpperCase(Locale.ROOT)) {
            case "HS256": jdk = "HmacSHA256"; break;
            case "HS512": jdk = "HmacSHA512"; break;
            default: throw new IllegalArgumentException("alg must be HS256 or HS512, was " + alg);
        }
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        String header = b64.encodeToString(("{\"alg\":\"" + alg.toUpperCase(Locale.ROOT) + "\""
                + (typ ? ",\"typ\":\"JWT\"" : "") + "}")
                .getBytes(StandardCharsets.UTF_8));
        String payload = b64.encodeToString(payloadJson.getBytes(StandardCharsets.UTF_8));
        String signingInput = header + "." + payload;
        try {
            Mac mac = Mac.getInstance(jdk);
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), jdk));
            byte[] sig = mac.doFinal(signingInput.getBytes(StandardCharsets.US_ASCII));
            return signingInput + "." + b64.encodeToString(sig);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("JDK lacks " + jdk, e);
        }
    }
}
