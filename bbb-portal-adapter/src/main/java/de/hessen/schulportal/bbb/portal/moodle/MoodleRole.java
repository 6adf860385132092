// SPDX-License-Identifier: Apache-2.0
package de.hessen.schulportal.bbb.portal.moodle;

import java.util.Locale;
import java.util.Objects;

/**
 * A Moodle role assignment of a user in a course: the role's short name and its archetype (empty
 * for roles without one). Both are compared case-insensitively.
 *
 * <p>Immutable.
 */
public final class MoodleRole {
    private final String shortname;
    private final String archetype;

    private MoodleRole(String shortname, String archetype) {
        this.shortname = normalise("shortname", shortname);
        this.archetype = archetype == null ? "" : normalise("archetype", archetype);
    }

    /**
     * A role with an archetype, e.g. {@code of("klassenlehrer", "editingteacher")}.
     *
     * @param shortname the role's short name, not blank
     * @param archetype the archetype, or empty/{@code null} for none
     * @return the role
     */
    public static MoodleRole of(String shortname, String archetype) {
        return new MoodleRole(shortname, archetype);
    }

    /**
     * A standard role whose short name is its archetype, e.g. {@code of("student")}.
     *
     * @param shortname the short name and archetype
     * @return the role
     */
    public static MoodleRole of(String shortname) {
        return new MoodleRole(shortname, shortname);
    }

    static String normalise(String field, String value) {
        if (value == null) {
            throw new NullPointerException(field);
        }
        String v = value.strip().toLowerCase(Locale.ROOT);
        if (v.isEmpty() && field.equals("shortname")) {
            throw new IllegalArgumentException("shortname must not be blank");
        }
        if (v.length() > 100) {
            throw new IllegalArgumentException(field + " must be at most 100 characters");
        }
        return v;
    }

    /**
     * The short name, lower-case.
     *
     * @return the short name
     */
    public String shortname() {
        return shortname;
    }

    /**
     * The archetype, lower-case; empty if none.
     *
     * @return the archetype
     */
    public String archetype() {
        return archetype;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MoodleRole && ((MoodleRole) o).shortname.equals(shortname)
                && ((MoodleRole) o).archetype.equals(archetype);
    }

    @Override
    public int hashCode() {
        return Objects.hash(shortname, archetype);
    }

    @Override
    public String toString() {
        return "MoodleRole{" + shortname + (archetype.isEmpty() ? "" : "/" + archetype) + '}';
    }
}
