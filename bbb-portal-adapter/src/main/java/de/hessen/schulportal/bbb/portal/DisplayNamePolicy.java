package de.hessen.schulportal.bbb.portal;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * How a person's name is shown in the meeting. The display name is the only personal datum the
 * adapter sends to BigBlueButton, so it is as short as the role allows.
 *
 * <p>{@link #standard()}:
 * <table>
 *   <caption>Default display names</caption>
 *   <tr><th>role</th><th>format</th><th>example</th></tr>
 *   <tr><td>STUDENT</td><td>first name and initial</td><td>Kim Y.</td></tr>
 *   <tr><td>PARENT</td><td>full name, marked</td><td>Aylin Yilmaz (Eltern)</td></tr>
 *   <tr><td>GUEST</td><td>full name, marked</td><td>Dr. Jana Roth (Gast)</td></tr>
 *   <tr><td>PRINCIPAL, TEACHER, STAFF</td><td>full name</td><td>Petra Schmidt</td></tr>
 * </table>
 *
 * <p>Immutable.
 */
public final class DisplayNamePolicy {
    /** How the names are combined. */
    public enum Format {
        /** First and last name: {@code Petra Schmidt}. */
        FULL_NAME,
        /** First name and the initial of the last name: {@code Kim Y.}. */
        FIRST_NAME_INITIAL,
        /** First name only: {@code Kim}. */
        FIRST_NAME
    }

    private static final DisplayNamePolicy STANDARD = builder().build();

    private final Map<SchoolRole, Format> formats;
    private final Map<SchoolRole, String> suffixes;

    private DisplayNamePolicy(Builder b) {
        this.formats = Collections.unmodifiableMap(new EnumMap<>(b.formats));
        this.suffixes = Collections.unmodifiableMap(new EnumMap<>(b.suffixes));
    }

    /**
     * The standard policy described above.
     *
     * @return the policy
     */
    public static DisplayNamePolicy standard() {
        return STANDARD;
    }

    /**
     * A builder starting from the standard policy.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The display name for a person, in the role in which they join.
     *
     * @param person the person
     * @return the name, at most 150 characters, without control characters
     */
    public String displayName(Person person) {
        Checks.required("person", person);
        String first = person.firstName();
        String last = person.lastName();
        String name;
        switch (formats.get(person.role())) {
            case FULL_NAME:
                name = last.isEmpty() ? first : first + ' ' + last;
                break;
            case FIRST_NAME_INITIAL:
                name = last.isEmpty() ? first
                        : first + ' ' + new String(Character.toChars(Character.toUpperCase(last.codePointAt(0)))) + '.';
                break;
            default:
                name = first;
                break;
        }
        String suffix = suffixes.getOrDefault(person.role(), "");
        return suffix.isEmpty() ? name : name + ' ' + suffix;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DisplayNamePolicy && ((DisplayNamePolicy) o).formats.equals(formats)
                && ((DisplayNamePolicy) o).suffixes.equals(suffixes);
    }

    @Override
    public int hashCode() {
        return Objects.hash(formats, suffixes);
    }

    @Override
    public String toString() {
        return "DisplayNamePolicy{formats=" + formats + ", suffixes=" + suffixes + '}';
    }

    /** Collects a {@link DisplayNamePolicy}. Not thread-safe. */
    public static final class Builder {
        private final Map<SchoolRole, Format> formats = new EnumMap<>(SchoolRole.class);
        private final Map<SchoolRole, String> suffixes = new EnumMap<>(SchoolRole.class);

        private Builder() {
            for (SchoolRole role : SchoolRole.values()) {
                formats.put(role, Format.FULL_NAME);
            }
            formats.put(SchoolRole.STUDENT, Format.FIRST_NAME_INITIAL);
            suffixes.put(SchoolRole.PARENT, "(Eltern)");
            suffixes.put(SchoolRole.GUEST, "(Gast)");
        }

        /**
         * The format for a role.
         *
         * @param role the role
         * @param format the format
         * @return this builder
         */
        public Builder format(SchoolRole role, Format format) {
            formats.put(Checks.required("role", role), Checks.required("format", format));
            return this;
        }

        /**
         * A marker appended to the names of a role, e.g. {@code (Gast)}. An empty string removes it.
         * Guests are always marked: their suffix may be changed but not removed.
         *
         * @param role the role
         * @param suffix at most 20 characters, no control characters
         * @return this builder
         * @throws IllegalArgumentException if the suffix breaks a rule or would unmark guests
         */
        public Builder suffix(SchoolRole role, String suffix) {
            Checks.required("role", role);
            Checks.optionalText("suffix", suffix, 20);
            if (role == SchoolRole.GUEST && suffix.isEmpty()) {
                throw new IllegalArgumentException("suffix of GUEST must not be empty: guests are always marked as guests");
            }
            if (suffix.isEmpty()) {
                suffixes.remove(role);
            } else {
                suffixes.put(role, suffix);
            }
            return this;
        }

        /**
         * Builds the policy.
         *
         * @return the policy
         */
        public DisplayNamePolicy build() {
            return new DisplayNamePolicy(this);
        }
    }
}
