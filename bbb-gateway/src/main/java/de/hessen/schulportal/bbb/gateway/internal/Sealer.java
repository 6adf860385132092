// SPDX-License-Identifier: Apache-2.0
package de.hessen.schulportal.bbb.gateway.internal;

import de.hessen.schulportal.bbb.gateway.config.KeyRing;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * The gateway's one sealing format, for everything it must get back later without keeping state
 * (architecture rule 8): reversible user pseudonyms, recording names and descriptions, callback
 * URLs, slide URLs. Deterministic authenticated encryption under the tenant's current key:
 *
 * <pre>
 * lp(x)      = 4-byte big-endian length of UTF-8(x) ‖ UTF-8(x)
 * encKey     = HMAC-SHA256(ringKey, "bbb-gateway/seal/v2/enc/"   + tenant + "/" + purpose)
 * nonceKey   = HMAC-SHA256(ringKey, "bbb-gateway/seal/v2/nonce/" + tenant + "/" + purpose)
 * nonce      = first 12 bytes of HMAC-SHA256(nonceKey, lp(tenant) ‖ lp(purpose) ‖ lp(context) ‖ lp(value))
 * aad        = lp(keyId) ‖ lp(tenant) ‖ lp(purpose) ‖ lp(context)
 * ct ‖ tag   = AES-256-GCM(encKey, nonce, aad, UTF-8(value)), 128-bit tag
 * token      = base64url-without-padding(len(keyId) as one byte ‖ ASCII(keyId) ‖ nonce ‖ ct ‖ tag)
 * </pre>
 *
 * <p>The synthetic nonce (as in AES-SIV, which JDK 17 lacks) makes the same value in the same
 * context seal to the same token, which a BigBlueButton {@code userID} must be (a rejoining user is
 * the same user); the context (a meeting ID for pseudonyms) keeps tokens of one user in two
 * meetings unlinkable. Nonces repeat only for the same plaintext in the same context, which reveals
 * nothing that the equal token does not. Sub-keys per tenant and purpose mean a token made for one
 * tenant, purpose or meeting never opens as another, and opening recomputes the nonce, so only
 * tokens this format made open at all. The key ID names the ring key that sealed, so old tokens
 * open after a rotation until their key is retired.
 *
 * <p>Immutable and thread-safe. The rings are looked up per call through the function given at
 * construction, so a configuration reload that swaps rings takes effect at once.
 */
public final class Sealer {
    /** What a token is for; every purpose has its own sub-keys. */
    public enum Purpose {
        /** Join {@code userID}: the client's user ID in a meeting. */
        USER_ID("user-id"),
        /** {@code meta_bbb-recording-name}. */
        RECORDING_NAME("recording-name"),
        /** {@code meta_bbb-recording-description}. */
        RECORDING_DESCRIPTION("recording-description"),
        /** {@code meta_bbb-recording-ready-url}. */
        RECORDING_READY("recording-ready"),
        /** {@code meta_analytics-callback-url}. */
        ANALYTICS("analytics"),
        /** {@code logoutURL} of create and join. */
        LOGOUT("logout"),
        /** A presentation's URL in create's {@code <modules>} body. */
        SLIDE("slide");

        private final String label;

        Purpose(String label) {
            this.label = label;
        }

        /**
         * The purpose's name in the key derivation and the authenticated data; also the path
         * segment of the callback URLs.
         *
         * @return the label
         */
        public String label() {
            return label;
        }
    }

    /** An opened path token: the tenant it names and the value sealed for it. */
    public static final class Opened {
        private final String tenantId;
        private final String value;

        Opened(String tenantId, String value) {
            this.tenantId = tenantId;
            this.value = value;
        }

        /**
         * The tenant.
         *
         * @return the tenant ID
         */
        public String tenantId() {
            return tenantId;
        }

        /**
         * The sealed value.
         *
         * @return the value
         */
        public String value() {
            return value;
        }

        @Override
        public String toString() {
            return "Opened{tenant=" + tenantId + ", value=***}";
        }
    }

    /** The longest value sealed, in UTF-8 bytes: bounds every token. */
    public static final int MAX_VALUE_BYTES = 2048;
    /** Longer tokens are not opened at all (no work for an attacker's long strings). */
    public static final int MAX_TOKEN_LENGTH = 4 * (1 + 16 + 12 + MAX_VALUE_BYTES + 16) / 3 + 4;
    private static final int NONCE = 12;
    private static final int TAG = 16;
    private static final char PATH_SEPARATOR = '.';

    private final Function<String, KeyRing> rings;

    /**
     * A sealer over the tenants' key rings.
     *
     * @param rings tenant ID → its key ring, or {@code null} for an unknown tenant; called on every
     *     seal and open, so it may read a field a reload replaces
     */
    public Sealer(Function<String, KeyRing> rings) {
        this.rings = Objects.requireNonNull(rings, "rings");
    }

    /**
     * Seals a value with the tenant's current key.
     *
     * @param purpose what the token is for
     * @param tenantId the tenant
     * @param context what the token is bound to beyond tenant and purpose (a meeting ID), or {@code ""}
     * @param value the value, at most {@value #MAX_VALUE_BYTES} bytes in UTF-8
     * @return the URL-safe token
     * @throws IllegalArgumentException if the value is too long or the tenant unknown
     */
    public String seal(Purpose purpose, String tenantId, String context, String value) {
        KeyRing ring = ring(tenantId);
        byte[] plain = value.getBytes(StandardCharsets.UTF_8);
        if (plain.length > MAX_VALUE_BYTES) {
            throw new IllegalArgumentException("a value of " + plain.length + " bytes cannot be sealed (at most " + MAX_VALUE_BYTES + ")");
        }
        String keyId = ring.currentId();
        byte[] key = ring.key(keyId).orElseThrow();
        byte[] nonce = Arrays.copyOf(hmac(subKey(key, "nonce", tenantId, purpose), fields(tenantId, purpose.label(), context, value)), NONCE);
        byte[] id = keyId.getBytes(StandardCharsets.US_ASCII);
        try {
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(subKey(key, "enc", tenantId, purpose), "AES"), new GCMParameterSpec(TAG * 8, nonce));
            c.updateAAD(fields(keyId, tenantId, purpose.label(), context));
            byte[] sealed = c.doFinal(plain);
            byte[] out = ByteBuffer.allocate(1 + id.length + NONCE + sealed.length).put((byte) id.length).put(id).put(nonce).put(sealed).array();
            return Base64.getUrlEncoder().withoutPadding().encodeToString(out);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES/GCM is not available in this JVM", e);
        }
    }

    /**
     * Opens a token.
     *
     * @param purpose the purpose it must have been sealed for
     * @param tenantId the tenant it must have been sealed for
     * @param context the context it must have been sealed in
     * @param token the token
     * @return the value, or empty if the token is forged, damaged, made for another tenant, purpose
     *     or context, or sealed with a key the tenant's ring no longer has
     */
    public Optional<String> open(Purpose purpose, String tenantId, String context, String token) {
        if (token == null || token.isEmpty() || token.length() > MAX_TOKEN_LENGTH) {
            return Optional.empty();
        }
        KeyRing ring = rings.apply(tenantId);
        if (ring == null) {
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
        int idLength = raw[0] & 0xff;
        if (idLength == 0 || raw.length < 1 + idLength + NONCE + TAG) {
            return Optional.empty();
        }
        String keyId = new String(raw, 1, idLength, StandardCharsets.US_ASCII);
        Optional<byte[]> key = ring.key(keyId);
        if (key.isEmpty()) {
            return Optional.empty();
        }
        int nonceAt = 1 + idLength;
        byte[] plain;
        try {
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.DECRYPT_MODE, new SecretKeySpec(subKey(key.get(), "enc", tenantId, purpose), "AES"),
                    new GCMParameterSpec(TAG * 8, raw, nonceAt, NONCE));
            c.updateAAD(fields(keyId, tenantId, purpose.label(), context));
            plain = c.doFinal(raw, nonceAt + NONCE, raw.length - nonceAt - NONCE);
        } catch (GeneralSecurityException e) {
            return Optional.empty();
        }
        String value = new String(plain, StandardCharsets.UTF_8);
        byte[] expected = Arrays.copyOf(hmac(subKey(key.get(), "nonce", tenantId, purpose),
                fields(tenantId, purpose.label(), context, value)), NONCE);
        if (!MessageDigest.isEqual(expected, Arrays.copyOfRange(raw, nonceAt, nonceAt + NONCE))) {
            return Optional.empty();
        }
        return Optional.of(value);
    }

    /**
     * A token for a URL path, where the gateway does not yet know the tenant:
     * {@code <tenantId>.<token>} (tenant IDs are {@code [a-z0-9]}, tokens Base64url, so the dot
     * separates them). The context is empty.
     *
     * @param purpose what the token is for
     * @param tenantId the tenant
     * @param value the value
     * @return the path token
     * @throws IllegalArgumentException as {@link #seal}
     */
    public String pathToken(Purpose purpose, String tenantId, String value) {
        return tenantId + PATH_SEPARATOR + seal(purpose, tenantId, "", value);
    }

    /**
     * Opens a {@link #pathToken}.
     *
     * @param purpose the purpose it must have been sealed for
     * @param pathToken the token from the path
     * @return the tenant and value, or empty as {@link #open}
     */
    public Optional<Opened> openPathToken(Purpose purpose, String pathToken) {
        if (pathToken == null || pathToken.length() > MAX_TOKEN_LENGTH + 33) {
            return Optional.empty();
        }
        int dot = pathToken.indexOf(PATH_SEPARATOR);
        if (dot <= 0) {
            return Optional.empty();
        }
        String tenantId = pathToken.substring(0, dot);
        return open(purpose, tenantId, "", pathToken.substring(dot + 1)).map(v -> new Opened(tenantId, v));
    }

    private KeyRing ring(String tenantId) {
        KeyRing ring = rings.apply(tenantId);
        if (ring == null) {
            throw new IllegalArgumentException("no keys for tenant " + tenantId);
        }
        return ring;
    }

    private static byte[] subKey(byte[] ringKey, String use, String tenantId, Purpose purpose) {
        return hmac(ringKey, ("bbb-gateway/seal/v2/" + use + '/' + tenantId + '/' + purpose.label()).getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] fields(String... values) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (String v : values) {
            byte[] b = v.getBytes(StandardCharsets.UTF_8);
            out.writeBytes(ByteBuffer.allocate(4).putInt(b.length).array());
            out.writeBytes(b);
        }
        return out.toByteArray();
    }

    private static byte[] hmac(byte[] key, byte[] data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available in this JVM", e);
        }
    }
}
