// SPDX-License-Identifier: Apache-2.0
package de.hessen.schulportal.bbb.gateway.internal;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Seals a client URL (Moodle's recording-ready, analytics or logout URL) and its tenant into an
 * opaque token the gateway puts into the URL it gives BigBlueButton instead. AES-256-GCM: the
 * backend learns nothing about the client's address, and a token the gateway did not make, or
 * one made for another purpose, does not open. So the gateway stays stateless: everything it needs
 * to deliver a callback later travels inside the token.
 *
 * <p>The AES key is derived from the pseudonym key (HMAC-SHA256 with a fixed label), so one
 * configured secret serves both and neither can be computed from the other's outputs.
 *
 * <p>Immutable and thread-safe.
 */
public final class CallbackTokens {
    /** What a token is for; part of the authenticated data, so a token works only for its purpose. */
    public enum Purpose {
        /** {@code meta_bbb-recording-ready-url}. */
        RECORDING_READY("recording-ready"),
        /** {@code meta_analytics-callback-url}. */
        ANALYTICS("analytics"),
        /** {@code logoutURL} of create and join. */
        LOGOUT("logout");

        private final String pathSegment;

        Purpose(String pathSegment) {
            this.pathSegment = pathSegment;
        }

        /**
         * The path segment of the gateway URL for this purpose.
         *
         * @return the segment
         */
        public String pathSegment() {
            return pathSegment;
        }
    }

    /** An opened token. */
    public static final class Sealed {
        private final String tenantId;
        private final String url;

        Sealed(String tenantId, String url) {
            this.tenantId = tenantId;
            this.url = url;
        }

        /**
         * The tenant the URL belongs to.
         *
         * @return the tenant ID
         */
        public String tenantId() {
            return tenantId;
        }

        /**
         * The client's URL.
         *
         * @return the URL
         */
        public String url() {
            return url;
        }
    }

    /** Longer tokens are not opened at all. */
    public static final int MAX_TOKEN_LENGTH = 4096;
    private static final int NONCE = 12;
    private static final int TAG_BITS = 128;

    private final SecretKeySpec key;
    private final SecureRandom random = new SecureRandom();

    /**
     * Tokens keyed from the gateway's pseudonym key.
     *
     * @param pseudonymKey the raw key bytes (at least 32)
     */
    public CallbackTokens(byte[] pseudonymKey) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(pseudonymKey, "HmacSHA256"));
            this.key = new SecretKeySpec(mac.doFinal("bbb-gateway callback token v1".getBytes(StandardCharsets.UTF_8)), "AES");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available in this JVM", e);
        }
    }

    /**
     * Seals a URL.
     *
     * @param purpose what the token is for
     * @param tenantId the tenant
     * @param url the client's URL
     * @return a URL-safe token
     */
    public String seal(Purpose purpose, String tenantId, String url) {
        byte[] t = tenantId.getBytes(StandardCharsets.UTF_8);
        byte[] u = url.getBytes(StandardCharsets.UTF_8);
        byte[] plain = ByteBuffer.allocate(4 + t.length + u.length).putInt(t.length).put(t).put(u).array();
        byte[] nonce = new byte[NONCE];
        random.nextBytes(nonce);
        try {
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            c.updateAAD(purpose.pathSegment().getBytes(StandardCharsets.UTF_8));
            byte[] sealed = c.doFinal(plain);
            byte[] out = ByteBuffer.allocate(NONCE + sealed.length).put(nonce).put(sealed).array();
            return Base64.getUrlEncoder().withoutPadding().encodeToString(out);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES/GCM is not available in this JVM", e);
        }
    }

    /**
     * Opens a token.
     *
     * @param purpose the purpose it must have been sealed for
     * @param token the token
     * @return the tenant and URL, or empty if the token is forged, damaged or for another purpose
     */
    public Optional<Sealed> open(Purpose purpose, String token) {
        if (token == null || token.length() > MAX_TOKEN_LENGTH) {
            return Optional.empty();
        }
        byte[] raw;
        try {
            raw = Base64.getUrlDecoder().decode(token);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        // Only the canonical spelling: Base64's unused low bits in the last character would otherwise
        // let several strings open as the same token.
        if (!Base64.getUrlEncoder().withoutPadding().encodeToString(raw).equals(token)) {
            return Optional.empty();
        }
        if (raw.length < NONCE + TAG_BITS / 8 + 4) {
            return Optional.empty();
        }
        byte[] plain;
        try {
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, raw, 0, NONCE));
            c.updateAAD(purpose.pathSegment().getBytes(StandardCharsets.UTF_8));
            plain = c.doFinal(raw, NONCE, raw.length - NONCE);
        } catch (GeneralSecurityException e) {
            return Optional.empty();
        }
        ByteBuffer b = ByteBuffer.wrap(plain);
        int tl = b.getInt();
        if (tl < 0 || tl > b.remaining()) {
            return Optional.empty();
        }
        String tenant = new String(plain, 4, tl, StandardCharsets.UTF_8);
        String url = new String(plain, 4 + tl, plain.length - 4 - tl, StandardCharsets.UTF_8);
        return Optional.of(new Sealed(tenant, url));
    }
}
