// SPDX-License-Identifier: Apache-2.0
package de.hessen.schulportal.bbb.gateway.config;

import java.util.Arrays;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The keys of a tenant, by key ID: one current key that seals and pseudonymises, older ones kept
 * only to read what they made. The ring is the one keyed thing of a tenant: the {@code Sealer}
 * (reversible user pseudonyms, recording names, callback, logout and slide tokens), the keyed
 * pseudonyms of the portal adapter ({@code room-school} on the backend, the audit log's meeting
 * references) and the logout binding all derive their own sub-keys from it. Every sealed value
 * carries the ID of the key that sealed it, so keys rotate without downtime: add a new key, make it
 * current, keep the old one until nothing it made is still in use (a running meeting's pseudonyms
 * and callback URLs, a recording's name and school pseudonym), then retire it.
 *
 * <p>Where rings come from: a tenant's {@code "keys"} in the tenants file ({@link TenantsFile}), or
 * for every tenant without one the gateway's ring from {@code GATEWAY_PSEUDONYM_KEY} (ID
 * {@code GATEWAY_PSEUDONYM_KEY_ID}, default {@value #DEFAULT_ID}) and {@code GATEWAY_PREVIOUS_PSEUDONYM_KEYS}.
 *
 * <p>Immutable and thread-safe; {@link #toString()} shows the IDs, never a key.
 *
 * <pre>{@code
 * KeyRing ring = KeyRing.of("2025b", Map.of("2025a", oldKey, "2025b", newKey));
 * KeyRing later = ring.retire("2025a");
 * }</pre>
 */
public final class KeyRing {
    /** Key IDs: 1 to 16 of {@code [A-Za-z0-9_-]}; they travel in every sealed token, so short is better. */
    public static final Pattern KEY_ID = Pattern.compile("[A-Za-z0-9_-]{1,16}");
    /** The least key length in bytes (256 bits). */
    public static final int MIN_KEY_BYTES = 32;
    /** The ID of the ring {@link #single(byte[])} makes from one key. */
    public static final String DEFAULT_ID = "1";

    private final String currentId;
    private final Map<String, byte[]> keys;

    private KeyRing(String currentId, Map<String, byte[]> keys) {
        this.currentId = currentId;
        this.keys = keys;
    }

    /**
     * A ring of keys, one of them current. The factory for configuration loaders (the tenants file,
     * the environment, a reload on SIGHUP): build a new ring and swap it in; rings are values.
     *
     * @param currentId the ID of the key that seals from now on; must be a key of {@code keys}
     * @param keys key ID → raw key bytes (each at least {@value #MIN_KEY_BYTES}); copied
     * @return the ring
     * @throws NullPointerException if an argument, ID or key is null
     * @throws IllegalArgumentException naming the key ID and the rule it breaks (ID pattern, key length,
     *     a key of one repeated byte value, current ID not among the keys); never a key
     */
    public static KeyRing of(String currentId, Map<String, byte[]> keys) {
        Objects.requireNonNull(currentId, "currentId");
        Objects.requireNonNull(keys, "keys");
        Map<String, byte[]> copy = new LinkedHashMap<>();
        for (Map.Entry<String, byte[]> e : keys.entrySet()) {
            String id = Objects.requireNonNull(e.getKey(), "key ID");
            byte[] key = Objects.requireNonNull(e.getValue(), "key " + id);
            if (!KEY_ID.matcher(id).matches()) {
                throw new IllegalArgumentException("key ID '" + id + "' must match " + KEY_ID.pattern());
            }
            if (key.length < MIN_KEY_BYTES) {
                throw new IllegalArgumentException("key " + id + " must be at least " + MIN_KEY_BYTES + " bytes, was " + key.length);
            }
            if (oneByteValue(key)) {
                // The keyed pseudonyms refuse such a key too; a ring must never hold one they cannot use.
                throw new IllegalArgumentException("key " + id + " must be random, not one repeated byte value");
            }
            copy.put(id, key.clone());
        }
        if (!copy.containsKey(currentId)) {
            throw new IllegalArgumentException("currentId '" + currentId + "' must name one of the keys " + copy.keySet());
        }
        return new KeyRing(currentId, Collections.unmodifiableMap(copy));
    }

    private static boolean oneByteValue(byte[] key) {
        for (byte b : key) {
            if (b != key[0]) {
                return false;
            }
        }
        return true;
    }

    /**
     * A ring of one key under the ID {@value #DEFAULT_ID}: what a configuration with a single
     * pseudonym key gets.
     *
     * @param key the raw key (at least {@value #MIN_KEY_BYTES} bytes)
     * @return the ring
     * @throws IllegalArgumentException if the key is too short
     */
    public static KeyRing single(byte[] key) {
        return of(DEFAULT_ID, Map.of(DEFAULT_ID, key));
    }

    /**
     * Decodes a key given as Base64 (standard or URL alphabet, padding optional), as keys are
     * written in environment variables and the tenants file.
     *
     * @param name what the key is called where it was read (for the message)
     * @param base64 the text
     * @return the raw key
     * @throws IllegalArgumentException naming {@code name} if the text is not Base64
     */
    public static byte[] decodeKey(String name, String base64) {
        Objects.requireNonNull(base64, name);
        String k = base64.strip();
        try {
            return k.indexOf('-') >= 0 || k.indexOf('_') >= 0 ? Base64.getUrlDecoder().decode(k) : Base64.getDecoder().decode(k);
        } catch (IllegalArgumentException e) {
            // Not the decoder's message: it quotes the offending character, which is part of a key.
            throw new IllegalArgumentException(name + " must be Base64 (standard or URL alphabet)");
        }
    }

    /**
     * This ring with another key added and made current; the old current key stays for opening.
     *
     * @param id the new key's ID (not yet in the ring)
     * @param key the new key
     * @return the new ring
     * @throws IllegalArgumentException if the ID is taken or breaks a rule
     */
    public KeyRing rotate(String id, byte[] key) {
        if (keys.containsKey(id)) {
            throw new IllegalArgumentException("key ID '" + id + "' is already in the ring");
        }
        Map<String, byte[]> next = new LinkedHashMap<>(keys);
        next.put(id, key);
        return of(id, next);
    }

    /**
     * This ring without a key: what it sealed no longer opens.
     *
     * @param id the ID of a key that is not current
     * @return the new ring
     * @throws IllegalArgumentException if {@code id} is the current key
     */
    public KeyRing retire(String id) {
        if (id.equals(currentId)) {
            throw new IllegalArgumentException("the current key '" + id + "' cannot be retired; rotate first");
        }
        Map<String, byte[]> next = new LinkedHashMap<>(keys);
        next.remove(id);
        return of(currentId, next);
    }

    /**
     * The ID of the key that seals.
     *
     * @return the ID
     */
    public String currentId() {
        return currentId;
    }

    /**
     * The IDs of every key in the ring, the current one among them.
     *
     * @return the IDs, unmodifiable
     */
    public Set<String> ids() {
        return keys.keySet();
    }

    /**
     * A copy of a key.
     *
     * @param id the key ID
     * @return the key bytes, or empty if the ring has no such key (never seen or retired)
     */
    public Optional<byte[]> key(String id) {
        byte[] k = keys.get(id);
        return k == null ? Optional.empty() : Optional.of(k.clone());
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof KeyRing)) {
            return false;
        }
        KeyRing other = (KeyRing) o;
        if (!currentId.equals(other.currentId) || !keys.keySet().equals(other.keys.keySet())) {
            return false;
        }
        for (Map.Entry<String, byte[]> e : keys.entrySet()) {
            if (!java.security.MessageDigest.isEqual(e.getValue(), other.keys.get(e.getKey()))) {
                return false;
            }
        }
        return true;
    }

    @Override
    public int hashCode() {
        int h = currentId.hashCode();
        for (Map.Entry<String, byte[]> e : keys.entrySet()) {
            h = 31 * h + e.getKey().hashCode() ^ Arrays.hashCode(e.getValue());
        }
        return h;
    }

    @Override
    public String toString() {
        return "KeyRing{current=" + currentId + ", ids=" + keys.keySet() + ", keys=***}";
    }
}
