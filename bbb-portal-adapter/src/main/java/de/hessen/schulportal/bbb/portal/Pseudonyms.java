// SPDX-License-Identifier: Apache-2.0
package de.hessen.schulportal.bbb.portal;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.Base64;
import java.util.Locale;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Keyed pseudonyms for BigBlueButton meeting and user IDs: HMAC-SHA256 with a key only the portal
 * holds, encoded in lower-case base32 and truncated to 130 bits.
 *
 * <ul>
 *   <li>Meeting ID: {@code <prefix>} + HMAC("meeting", school ID, room ID). Stable for a room, so
 *       everyone who opens the room lands in the same meeting; reveals neither school nor room.</li>
 *   <li>User ID: a role tag ({@code te-}, {@code st-}, ...; see {@link #roleTag(SchoolRole)}) +
 *       HMAC("user", school ID, [room ID,] person ID). By default the room is part of the input
 *       ({@link Scope#ROOM}), so the same person gets unlinkable IDs in different rooms and schools;
 *       with {@link Scope#SCHOOL} the ID is the same across the rooms of one school and still
 *       unlinkable across schools.</li>
 * </ul>
 * The role tag lets {@link SchoolConferences#status(Room)} count participants by school role
 * without any lookup. It tells BigBlueButton in which capacity someone joined, which the display
 * name and the BBB role largely reveal anyway; it never identifies the person.
 *
 * <p>Every input field is length-prefixed, so no two different inputs share an HMAC input.
 * Without the key, a pseudonym cannot be linked to the person, room or school, and with the key
 * only by recomputing it from known IDs (a dictionary over the portal's IDs): keep the key as
 * secret as the BigBlueButton shared secret. <b>Key rotation is not transparent:</b> a new key gives
 * every room a new meeting ID (running meetings can then only be ended, not joined, through the
 * adapter), every school a new pseudonym and every person new user IDs. Keep the old keys for as
 * long as recordings made under them may exist: retention and room erasure
 * ({@code RecordingRetention.Builder.previousPseudonyms}) find those recordings only through them.
 *
 * <p>Immutable and thread-safe. {@link #toString()} never shows the key.
 */
public final class Pseudonyms {
    /** Which IDs take part in a user pseudonym. */
    public enum Scope {
        /** School, room and person: unlinkable across rooms. The default. */
        ROOM,
        /** School and person: the same across the rooms of a school, unlinkable across schools. */
        SCHOOL
    }

    /** Minimum key length in bytes. */
    public static final int MIN_KEY_BYTES = 32;
    private static final int HASH_CHARS = 26;
    private static final char[] BASE32 = "abcdefghijklmnopqrstuvwxyz234567".toCharArray();

    private final SecretKeySpec key;
    private final String meetingPrefix;
    private final Scope userScope;
    /** Initialised with the key once; each hash works on a clone (never used itself, so never shared mid-hash). */
    private final Mac prototype;

    private Pseudonyms(byte[] key, String meetingPrefix, Scope userScope) {
        this.key = new SecretKeySpec(key, "HmacSHA256");
        this.meetingPrefix = meetingPrefix;
        this.userScope = userScope;
        this.prototype = newMac(this.key);
    }

    /**
     * Pseudonyms with the default meeting prefix {@code sp-} and {@link Scope#ROOM}.
     *
     * @param key at least 32 random bytes; copied
     * @return the pseudonyms
     * @throws IllegalArgumentException if the key is shorter than 32 bytes or all one byte value
     */
    public static Pseudonyms of(byte[] key) {
        return of(key, "sp-", Scope.ROOM);
    }

    /**
     * Pseudonyms with the key given in Base64 (standard or URL alphabet), as it is kept in a
     * secret store.
     *
     * @param base64Key at least 32 bytes once decoded
     * @return the pseudonyms
     * @throws IllegalArgumentException if the text is not Base64 or the key is too short
     */
    public static Pseudonyms fromBase64(String base64Key) {
        Checks.required("base64Key", base64Key);
        byte[] raw;
        try {
            raw = base64Key.indexOf('-') >= 0 || base64Key.indexOf('_') >= 0
                    ? Base64.getUrlDecoder().decode(base64Key.strip()) : Base64.getDecoder().decode(base64Key.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("pseudonym key is not valid Base64", e);
        }
        try {
            return of(raw);
        } finally {
            Arrays.fill(raw, (byte) 0);
        }
    }

    /**
     * Pseudonyms with an own meeting prefix and user scope.
     *
     * @param key at least 32 random bytes; copied
     * @param meetingPrefix {@code [a-z0-9-]}, at most 16 characters, may be empty; tells meetings
     *                      of this portal apart on a shared server
     * @param userScope which IDs key a user pseudonym
     * @return the pseudonyms
     * @throws IllegalArgumentException if a value breaks a rule
     */
    public static Pseudonyms of(byte[] key, String meetingPrefix, Scope userScope) {
        Checks.required("key", key);
        Checks.required("meetingPrefix", meetingPrefix);
        Checks.required("userScope", userScope);
        if (key.length < MIN_KEY_BYTES) {
            throw new IllegalArgumentException("pseudonym key must be at least " + MIN_KEY_BYTES + " bytes, was "
                    + key.length + " (generate it with SecureRandom)");
        }
        boolean allSame = true;
        for (byte b : key) {
            allSame &= b == key[0];
        }
        if (allSame) {
            throw new IllegalArgumentException("pseudonym key must be random, not one repeated byte value");
        }
        if (!meetingPrefix.matches("[a-z0-9-]{0,16}")) {
            throw new IllegalArgumentException("meetingPrefix must match [a-z0-9-]{0,16}");
        }
        return new Pseudonyms(key.clone(), meetingPrefix, userScope);
    }

    /**
     * The meeting ID of a room: {@code prefix} + 26 base32 characters, keyed by school, room ID
     * and room kind (the same room ID as another kind is another meeting).
     *
     * @param room the room
     * @return the meeting ID, valid for BigBlueButton (letters, digits, '-')
     */
    public String meetingId(Room room) {
        Checks.required("room", room);
        // The kind is part of the room's identity: the same room ID asked for as another kind is
        // another meeting, so a lesson can never land in a running staff meeting of that name.
        return meetingPrefix + hash("meeting", room.school().id(), room.id(), room.kind().wireValue());
    }

    /**
     * The pseudonym of a school: {@code sc-} + 26 base32 characters, keyed by the school's ID. The
     * adapter writes it into every meeting's metadata ({@code room-school}), so recordings can be
     * told apart by school (retention per school) without the school's ID leaving the portal.
     *
     * @param school the school
     * @return the pseudonym, a valid metadata value
     * @throws NullPointerException if the school is null
     */
    public String schoolId(School school) {
        Checks.required("school", school);
        return "sc-" + hash("school", school.id());
    }

    /**
     * The user ID of a person in a room: role tag + 26 base32 characters.
     *
     * @param room the room
     * @param person the person
     * @return the user ID
     */
    public String userId(Room room, Person person) {
        Checks.required("room", room);
        Checks.required("person", person);
        String h = userScope == Scope.ROOM
                ? hash("user-in-room", room.school().id(), room.id(), person.id())
                : hash("user", room.school().id(), person.id());
        return roleTag(person.role()) + h;
    }

    /**
     * The user scope.
     *
     * @return the scope
     */
    public Scope userScope() {
        return userScope;
    }

    /**
     * The tag that starts the user IDs of a role: {@code pr-}, {@code te-}, {@code st-},
     * {@code pa-}, {@code sf-}, {@code gu-}.
     *
     * @param role the role
     * @return the tag
     */
    public static String roleTag(SchoolRole role) {
        return switch (Checks.required("role", role)) {
            case PRINCIPAL -> "pr-";
            case TEACHER -> "te-";
            case STUDENT -> "st-";
            case PARENT -> "pa-";
            case STAFF -> "sf-";
            case GUEST -> "gu-";
        };
    }

    static SchoolRole roleOfUserId(String userId) {
        if (userId == null || userId.length() != 3 + HASH_CHARS) {
            return null;
        }
        SchoolRole found = null;
        for (SchoolRole role : SchoolRole.values()) {
            if (userId.startsWith(roleTag(role))) {
                if (found != null) {
                    throw new IllegalStateException("two roles share the user ID tag " + roleTag(role));
                }
                found = role;
            }
        }
        return found;
    }

    private static Mac newMac(SecretKeySpec key) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available in this JVM", e);
        }
    }

    /**
     * A MAC ready for one hash: a clone of the initialised prototype (a provider lookup and key set-up
     * per call cost more than the hash of a few short fields), or a new one from a provider whose MAC
     * cannot be cloned.
     */
    private Mac mac() {
        try {
            return (Mac) prototype.clone();
        } catch (CloneNotSupportedException e) {
            return newMac(key);
        }
    }

    private String hash(String domain, String... fields) {
        Mac mac = mac();
        update(mac, domain);
        for (String f : fields) {
            update(mac, f);
        }
        return base32(mac.doFinal()).substring(0, HASH_CHARS);
    }

    private static void update(Mac mac, String field) {
        byte[] bytes = field.getBytes(StandardCharsets.UTF_8);
        mac.update(ByteBuffer.allocate(4).putInt(bytes.length).array());
        mac.update(bytes);
    }

    private static String base32(byte[] data) {
        StringBuilder sb = new StringBuilder((data.length * 8 + 4) / 5);
        int buffer = 0;
        int bits = 0;
        for (byte b : data) {
            buffer = (buffer << 8) | (b & 0xff);
            bits += 8;
            while (bits >= 5) {
                sb.append(BASE32[(buffer >> (bits - 5)) & 31]);
                bits -= 5;
            }
        }
        if (bits > 0) {
            sb.append(BASE32[(buffer << (5 - bits)) & 31]);
        }
        return sb.toString();
    }

    @Override
    public String toString() {
        return "Pseudonyms{meetingPrefix=" + meetingPrefix + ", userScope="
                + userScope.name().toLowerCase(Locale.ROOT) + ", key=***}";
    }
}
