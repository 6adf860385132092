// SPDX-License-Identifier: Apache-2.0
package de.hessen.schulportal.bbb.portal;

import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

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
 *   <tr><td>TEACHER</td><td>full name, marked</td><td>Petra Schmidt (Lehrkraft)</td></tr>
 *   <tr><td>PRINCIPAL</td><td>full name, marked</td><td>Ina Berg (Schulleitung)</td></tr>
 *   <tr><td>STAFF</td><td>full name</td><td>Ole Lund</td></tr>
 * </table>
 *
 * <p><b>Roles are marked positively.</b> A role is shown by the policy's marker, a suffix in
 * brackets such as {@code (Gast)} or {@code (Lehrkraft)}; a name can neither contain brackets nor
 * look like a marker, so only the policy can write one. Words inside names are not judged: people
 * are called "Anna Lehrer" or "Thomas Gast", and a pupil who calls herself "Lehrerin K." is still
 * shown without the teachers' marker. Every first and last name is brought to a normal form and
 * checked; a name that breaks a rule is refused with an {@link IllegalArgumentException} that names
 * the field and the rule (never the name):
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
 *   <li>No word that mixes scripts beyond UTS #39's "highly restrictive" level (one script, or Latin
 *       with Han, Hiragana, Katakana, Bopomofo or Hangul): a Lisu {@code ꓡ} or Cherokee {@code Ꮮ}
 *       in a Latin word is refused.</li>
 *   <li>No name whose UTS #39 confusable skeleton (lower case, without accents) contains the
 *       skeleton of one of this policy's markers: nothing that reads as {@code (Gast)} outside the
 *       policy's own suffix.</li>
 * </ol>
 * The first five rules apply when a {@link Person} is built, the last when the name is made.
 * Markers must therefore begin with an opening and end with a closing bracket (Ps, Pe).
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
    /** The confusable skeletons of every marker: no name may look like one. */
    private final List<String> markerSkeletons;

    private DisplayNamePolicy(Builder b) {
        this.formats = Collections.unmodifiableMap(new EnumMap<>(b.formats));
        this.suffixes = Collections.unmodifiableMap(new EnumMap<>(b.suffixes));
        this.markerSkeletons = suffixes.values().stream().map(TextRules::skeleton).distinct()
                .collect(java.util.stream.Collectors.toUnmodifiableList());
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
     * @throws IllegalArgumentException if a name looks like one of this policy's markers
     */
    public String displayName(Person person) {
        Checks.required("person", person);
        Format format = formats.get(person.role());
        // Person has normalised and checked both names; only the markers of this policy are left.
        String first = person.firstName();
        String last = person.lastName();
        notAMarker("firstName", first);
        notAMarker("lastName", last);
        notAMarker("firstName and lastName", first + ' ' + last);
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

    private void notAMarker(String field, String name) {
        String skeleton = TextRules.skeleton(name);
        for (String marker : markerSkeletons) {
            if (skeleton.contains(marker)) {
                throw new IllegalArgumentException(field + " must not look like a role marker of the display-name policy"
                        + " (compared by Unicode confusable skeleton, UTS #39): markers are added by the policy only");
            }
        }
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

    /**
     * Collects a {@link DisplayNamePolicy}, starting from the defaults: students by first name and
     * initial, every other role by full name; parents, guests, teachers and principals marked. Each
     * setter returns this builder and replaces what was set before for the role; a {@code null}
     * argument throws {@link NullPointerException} naming it. Not thread-safe.
     */
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
            suffixes.put(SchoolRole.TEACHER, "(Lehrkraft)");
            suffixes.put(SchoolRole.PRINCIPAL, "(Schulleitung)");
        }

        /**
         * The format for a role.
         *
         * @throws NullPointerException if an argument is null
         */
        public Builder format(SchoolRole role, Format format) {
            formats.put(Checks.required("role", role), Checks.required("format", format));
            return this;
        }

        /**
         * A marker appended to the names of a role, e.g. {@code (Gast)}. An empty string removes it.
         * Guests are always marked: their suffix may be changed but not removed. A marker is in
         * brackets, because names cannot contain brackets: that is what keeps it the policy's own.
         *
         * @param role the role
         * @param suffix at most 20 characters, no control or invisible characters, beginning with an
         *     opening bracket (Unicode category Ps) and ending with a closing one (Pe); or empty
         * @throws NullPointerException if an argument is null
         * @throws IllegalArgumentException if the suffix breaks a rule or would unmark guests
         */
        public Builder suffix(SchoolRole role, String suffix) {
            Checks.required("role", role);
            Checks.optionalText("suffix", suffix, 20);
            TextRules.requireVisible("suffix", suffix);
            if (role == SchoolRole.GUEST && suffix.isEmpty()) {
                throw new IllegalArgumentException("suffix of GUEST must not be empty: guests are always marked as guests");
            }
            if (!suffix.isEmpty() && (Character.getType(suffix.codePointAt(0)) != Character.START_PUNCTUATION
                    || Character.getType(suffix.codePointBefore(suffix.length())) != Character.END_PUNCTUATION)) {
                throw new IllegalArgumentException("suffix must begin with an opening bracket and end with a closing one"
                        + " (Unicode categories Ps, Pe), e.g. (Gast): names cannot contain brackets, so nobody can fake it");
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
