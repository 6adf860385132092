// SPDX-License-Identifier: Apache-2.0
package de.hessen.schulportal.bbb.portal;

import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Which metadata keys may reach BigBlueButton. Metadata is stored with the meeting and with
 * recordings and is visible to the BigBlueButton operator, so the adapter sends only allow-listed
 * keys with short machine values ({@code [A-Za-z0-9._:-]}, 1 to 64 characters): no names, no
 * e-mail addresses (no {@code @}), no free text.
 *
 * <p>Immutable. {@link #defaults()} allows {@code bbb-origin}, {@code bbb-origin-version} and
 * {@code bbb-origin-server-name}. The adapter itself always writes {@code room-kind},
 * {@code room-lobby}, {@code room-record}, {@code room-settings} and {@code room-school} (the room's
 * kind, whether the meeting was created with a lobby and as recordable, a digest of its
 * policy-relevant settings, by which joins are judged, and the school's pseudonym, by which
 * retention finds a school's recordings); these keys are reserved and cannot be allowed.
 */
public final class MetadataPolicy {
    private static final Pattern KEY = Pattern.compile("[a-z][a-z0-9-]{0,63}");
    private static final Pattern VALUE = Pattern.compile("[A-Za-z0-9._:-]{1,64}");
    private static final MetadataPolicy DEFAULTS = new MetadataPolicy(
            Set.of("bbb-origin", "bbb-origin-version", "bbb-origin-server-name"));
    /** Keys the adapter writes itself; a caller's value would hide what the adapter relies on. */
    static final Set<String> RESERVED = Set.of(MeetingRequests.META_KIND, MeetingRequests.META_LOBBY,
            MeetingRequests.META_RECORD, MeetingRequests.META_SETTINGS, MeetingRequests.META_SCHOOL);

    private final Set<String> allowedKeys;

    private MetadataPolicy(Set<String> allowedKeys) {
        this.allowedKeys = Collections.unmodifiableSet(new LinkedHashSet<>(allowedKeys));
    }

    /**
     * The default allow-list.
     *
     * @return the policy
     */
    public static MetadataPolicy defaults() {
        return DEFAULTS;
    }

    /**
     * The default allow-list plus more keys, e.g. {@code school-tenant} for Scalelite reporting.
     *
     * @param keys lower-case keys matching {@code [a-z][a-z0-9-]*}, at most 64 characters
     * @return the policy
     * @throws IllegalArgumentException if a key breaks the rule or is reserved ({@code room-kind},
     *         {@code room-lobby}, {@code room-record}, {@code room-settings}, {@code room-school})
     */
    public MetadataPolicy allow(String... keys) {
        Set<String> all = new LinkedHashSet<>(allowedKeys);
        for (String k : Checks.required("keys", keys)) {
            checkKey(k);
            if (RESERVED.contains(k)) {
                throw new IllegalArgumentException("metadata key '" + k + "' is reserved: the adapter sets it itself");
            }
            all.add(k);
        }
        return new MetadataPolicy(all);
    }

    /**
     * The allowed keys.
     *
     * @return the keys
     */
    public Set<String> allowedKeys() {
        return allowedKeys;
    }

    /**
     * Checks one entry against the allow-list and the value rule.
     *
     * @param key the key
     * @param value the value
     * @throws IllegalArgumentException naming the key and the rule it breaks
     */
    public void check(String key, String value) {
        checkEntry(key, value);
        if (!allowedKeys.contains(key)) {
            throw new IllegalArgumentException("metadata key '" + key + "' is not on the allow-list " + allowedKeys
                    + ": metadata reaches the BigBlueButton operator and recordings, so only allow-listed keys are sent");
        }
    }

    static void checkEntry(String key, String value) {
        checkKey(key);
        if (RESERVED.contains(key)) {
            throw new IllegalArgumentException("metadata key '" + key + "' is reserved: the adapter sets it itself");
        }
        Checks.required("metadata value of '" + key + "'", value);
        if (!VALUE.matcher(value).matches()) {
            throw new IllegalArgumentException("metadata value of '" + key
                    + "' must be a short machine value [A-Za-z0-9._:-]{1,64}: no names, e-mail addresses or free text");
        }
    }

    private static void checkKey(String key) {
        Checks.required("metadata key", key);
        if (!KEY.matcher(key).matches()) {
            throw new IllegalArgumentException("metadata key '" + key
                    + "' must match [a-z][a-z0-9-]* and be at most 64 characters (BigBlueButton lower-cases keys and drops others)");
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MetadataPolicy && ((MetadataPolicy) o).allowedKeys.equals(allowedKeys);
    }

    @Override
    public int hashCode() {
        return allowedKeys.hashCode();
    }

    @Override
    public String toString() {
        return "MetadataPolicy" + allowedKeys;
    }
}
