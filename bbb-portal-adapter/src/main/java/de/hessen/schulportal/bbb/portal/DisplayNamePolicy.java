// SPDX-License-Identifier: Apache-2.0
package de.hessen.schulportal.bbb.portal;

import java.util.Collections;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * How a person's name is shown in the meeting. The display name is the only personal datum the
 * adapter sends to BigBlueButton, so it is as short as the role allows.
 *
 * <p>{@link #defaults()}:
 * <table>
 *   <caption>Default display names</caption>
 *   <tr><th>role</th><th>format</th><th>example</th></tr>
 *   <tr><td>STUDENT</td><td>first name and initial</td><td>Kim Y.</td></tr>
 *   <tr><td>PARENT</td><td>full name, marked</td><td>Aylin Yilmaz (Eltern)</td></tr>
 *   <tr><td>GUEST</td><td>full name, marked</td><td>Dr. Jana Roth (Gast)</td></tr>
 *   <tr><td>PRINCIPAL, TEACHER, STAFF</td><td>full name</td><td>Petra Schmidt</td></tr>
 * </table>
 *
 * <p><b>The rule for names.</b> Markers such as {@code (Gast)} and role words belong to the policy
 * alone; a name must not imitate them, hide them or push them out of sight. Every first and last
 * name is brought to a normal form and then checked; a name that breaks a rule is refused with an
 * {@link IllegalArgumentException} that names the field and the rule (never the name):
 * <ol>
 *   <li>Normal form: Unicode NFKC (full-width letters, ligatures and other compatibility forms
 *       become the letters they look like), every run of white space one space, none at the ends.</li>
 *   <li>No invisible, control or direction-changing characters: Unicode general categories Cc, Cf,
 *       Co, Cn, Cs, Zl and Zp, every default-ignorable code point (this catches the Hangul fillers
 *       and Khmer inherent vowels, which are letters by category) and the blank Braille pattern
 *       U+2800 (a symbol that shows as blank space). A zero-width (non-)joiner between two letters
 *       stays allowed: Persian, Arabic and Indic names need it.</li>
 *   <li>No combining mark at the start of a word, and at most three on one character.</li>
 *   <li>No brackets of any script (categories Ps and Pe).</li>
 *   <li>No word that mixes Latin, Greek and Cyrillic letters.</li>
 *   <li>No role word or marker as a word: German and English words for guests, parents,
 *       teachers, principals, moderators and administrators ("Gast", "Eltern", "Lehrkraft",
 *       "Lehrer", "Schulleitung", "Moderator", "guest", "teacher", …) and the words of this
 *       policy's own markers, compared without case and accents.</li>
 * </ol>
 * The first five rules apply when a {@link Person} is built, the last also against this policy's
 * markers when the name is made.
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

    private static final DisplayNamePolicy DEFAULTS = builder().build();

    private final Map<SchoolRole, Format> formats;
    private final Map<SchoolRole, String> suffixes;
    /** The skeletons of the words of every marker: no name may contain them. */
    private final Set<String> markerWords;

    private DisplayNamePolicy(Builder b) {
        this.formats = Collections.unmodifiableMap(new EnumMap<>(b.formats));
        this.suffixes = Collections.unmodifiableMap(new EnumMap<>(b.suffixes));
        Set<String> words = new HashSet<>();
        suffixes.values().forEach(s -> words.addAll(TextRules.words(s)));
        this.markerWords = Set.copyOf(words);
    }

    /**
     * The default policy described above.
     *
     * @return the policy
     */
    public static DisplayNamePolicy defaults() {
        return DEFAULTS;
    }

    /**
     * A builder starting from the default policy.
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
     * @throws NullPointerException if the person is null
     * @throws IllegalArgumentException if a name contains a word of one of this policy's markers
     */
    public String displayName(Person person) {
        Checks.required("person", person);
        Format format = formats.get(person.role());
        String first = TextRules.name("firstName", person.firstName(), 64, false, markerWords, true);
        // A last name shown only as its initial cannot pose as a role, so real surnames such as
        // "Lehrer" or "Gast" pass there; shown in full they could.
        String last = TextRules.name("lastName", person.lastName(), 64, true, markerWords, format == Format.FULL_NAME);
        String name;
        switch (format) {
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
         * @throws NullPointerException if an argument is null
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
         * @param suffix at most 20 characters, no control or invisible characters
         * @return this builder
         * @throws NullPointerException if an argument is null
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
