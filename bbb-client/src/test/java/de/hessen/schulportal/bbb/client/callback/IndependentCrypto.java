// SPDX-License-Identifier: Apache-2.0
package de.hessen.schulportal.bbb.client.callback;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Test-side signing, written from the specifications (RFC 7515, REFERENCE.md §7–§8) and sharing no
 * code with the production package, so the verifiers are never checked against themselves. Public
 * only so that other test packages of this module can sign callbacks too.
 */
public final class IndependentCrypto {
    private IndependentCrypto() {
    }

    public static String b64(String s) {
        return b64(s.getBytes(StandardCharsets.UTF_8));
    }

    public static String b64(byte[] b) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    public static byte[] hmac(String alg, String secret, String data) {
        try {
            Mac mac = Mac.getInstance(alg);
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), alg));
            return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    /** A JWT from literal header and payload JSON, signed with the given JCA MAC name. */
    public static String jwt(String headerJson, String payloadJson, String macName, String secret) {
        String input = b64(headerJson) + "." + b64(payloadJson);
        return input + "." + b64(hmac(macName, secret, input));
    }

    public static String hs256(String payloadJson, String secret) {
        return jwt("{\"alg\":\"HS256\",\"typ\":\"JWT\"}", payloadJson, "HmacSHA256", secret);
    }

    public static String hs512(String payloadJson, String secret) {
        return jwt("{\"alg\":\"HS512\",\"typ\":\"JWT\"}", payloadJson, "HmacSHA512", secret);
    }

    public static String hexDigest(String jcaName, byte[]... parts) {
        try {
            MessageDigest md = MessageDigest.getInstance(jcaName);
            for (byte[] p : parts) {
                md.update(p);
            }
            StringBuilder b = new StringBuilder();
            for (byte x : md.digest()) {
                b.append(String.format("%02x", x & 0xff));
            }
            return b.toString();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    public static String hexDigest(String jcaName, String data) {
        return hexDigest(jcaName, data.getBytes(StandardCharsets.UTF_8));
    }

    /** A webhook body as bbb-webhooks 3.x writes it (URLSearchParams: domain, event, timestamp). */
    public static String webhookBody(String domain, String eventArrayJson, long timestamp) {
        return "domain=" + URLEncoder.encode(domain, StandardCharsets.UTF_8) + "&event="
                + URLEncoder.encode(eventArrayJson, StandardCharsets.UTF_8) + "&timestamp=" + timestamp;
    }

    /** The URL bbb-webhooks 3.4+ posts to: the registered URL plus a checksum over URL + body + secret. */
    public static String webhookUrl(String registeredUrl, String rawBody, String secret, String jcaName) {
        String checksum = hexDigest(jcaName, registeredUrl + rawBody + secret);
        return registeredUrl + (registeredUrl.indexOf('?') < 0 ? "?" : "&") + "checksum=" + checksum;
    }
}
