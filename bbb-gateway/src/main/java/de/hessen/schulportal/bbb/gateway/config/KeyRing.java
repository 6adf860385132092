// SPDX-License-Identifier: Apache-2.0
package de.hessen.schulportal.bbb.gateway.config;

import de.hessen.schulportal.bbb.portal.Pseudonyms;
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
 * KeyRing later = KeyRing.of("2025b", Map.of("2025b", newKey));   // 2025a retired
 * }</pre>
 */
public final class KeyRing {
    /** Key IDs: 1 to 16 of {@code [A-Za-z0-9_-]}; they travel in every sealed token, so short is better. */
    public static final Pattern KEY_ID = Pattern.compile("[A-Za-z0-9_-]{1,16}");
    /** The least key length in bytes (256 bits), the keyed pseudonyms' rule. */
    public static final int MIN_KEY_BYTES = Pseudonyms.MIN_KEY_BYTES;
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
     * the environment) and for programs and tests: build a new ring and swap it in; rings are values.
     * A key must be one the keyed pseudonyms accept ({@link Pseudonyms#of(byte[])}: at least
     * {@value #MIN_KEY_BYTES} bytes, not one repeated byte value), so the one rule lives there.
     *
     * <p>The messages are safe to log and show: a key ID is named only if it matches {@link #KEY_ID}
     * (one that does not may be a key pasted in the wrong place), otherwise by its position in
     * {@code keys}; a key never.
     *
     * @param currentId the ID of the key that seals from now on; must be a key of {@code keys}
     * @param keys key ID → raw key bytes; copied, in the map's order
     * @return the ring
     * @throws NullPointerException if an argument, ID or key is null
     * @throws IllegalArgumentException naming the key ID (or its position) and the rule it breaks (ID
     *     pattern, the key rule, current ID not among the keys); never a key
     */
    public static KeyRing of(String currentId, Map<String, byte[]> keys) {
        Objects.requireNonNull(currentId, "currentId");
        Objects.requireNonNull(keys, "keys");
        Map<String, byte[]> copy = new LinkedHashMap<>();
        int position = 0;
        for (Map.Entry<String, byte[]> e : keys.entrySet()) {
            position++;
            String id = Objects.requireNonNull(e.getKey(), "key ID");
            String named = KEY_ID.matcher(id).matches() ? "key " + id : "key number " + position;
            byte[] key = Objects.requireNonNull(e.getValue(), named);
            if (!KEY_ID.matcher(id).matches()) {
                throw new IllegalArgumentException("the ID of " + named + " must match " + KEY_ID.pattern());
            }
            try {
                Pseudonyms.of(key);
            } catch (IllegalArgumentException rule) {
                // Pseudonyms' message names the rule ("pseudonym key must be …"), never the key.
                throw new IllegalArgumentException(named + ": " + rule.getMessage(), rule);
            }
            copy.put(id, key.clone());
        }
        if (!copy.containsKey(currentId)) {
            throw new IllegalArgumentException("the current key ID " + (KEY_ID.matcher(currentId).matches() ? "'" + currentId + "' " : "")
                    + "must name one of the keys " + copy.keySet());
        }
        return new KeyRing(currentId, Collections.unmodifiableMap(copy));
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
     * The ID of the key that seals.
     *
     * @return the ID
     */
    public String currentId() {
        return currentId;
    }

    /**
     * A copy of the current key: what seals and pseudonymises.
     *
     * @return the key bytes
     */
    public byte[] currentKey() {
        return keys.get(currentId).clone();
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
