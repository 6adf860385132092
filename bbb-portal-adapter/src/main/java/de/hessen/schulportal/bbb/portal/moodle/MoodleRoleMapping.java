// SPDX-License-Identifier: Apache-2.0
package de.hessen.schulportal.bbb.portal.moodle;

import de.hessen.schulportal.bbb.portal.Person;
import de.hessen.schulportal.bbb.portal.Relation;
import de.hessen.schulportal.bbb.portal.SchoolRole;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Maps Moodle role assignments in a course to the {@link SchoolRole} and {@link Relation} in which
 * a user joins the course's room, so a SchulMoodle bridge calls the same
 * {@link de.hessen.schulportal.bbb.portal.SchoolConferences} as the portal.
 *
 * <p>{@link #defaults()} by archetype (short names win over archetypes):
 * <table>
 *   <caption>Default Moodle role mapping</caption>
 *   <tr><th>Moodle</th><th>school role</th><th>relation</th><th>why</th></tr>
 *   <tr><td>editingteacher</td><td>TEACHER</td><td>ORGANISER</td><td>runs the course</td></tr>
 *   <tr><td>teacher (non-editing)</td><td>TEACHER</td><td>MEMBER</td><td>co-teacher; the role table decides</td></tr>
 *   <tr><td>student</td><td>STUDENT</td><td>MEMBER</td><td></td></tr>
 *   <tr><td>manager</td><td>STAFF</td><td>MEMBER</td><td>a Moodle manager administers the site; that
 *       alone is no reason to moderate (or even enter) a lesson. Map your own short name to
 *       PRINCIPAL where the school management holds the role.</td></tr>
 *   <tr><td>coursecreator</td><td>TEACHER</td><td>MEMBER</td><td>creating courses gives no rights in this one</td></tr>
 *   <tr><td>guest</td><td>GUEST</td><td>INVITED_GUEST, or NONE if the course does not allow guests</td><td></td></tr>
 *   <tr><td>user, frontpage</td><td>GUEST</td><td>NONE</td><td>any logged-in user is not a member of the course</td></tr>
 *   <tr><td>short name {@code parent}</td><td>PARENT</td><td>MEMBER</td><td>the usual custom parent role</td></tr>
 * </table>
 * A user with several roles gets the strongest relation (ORGANISER, MEMBER, INVITED_GUEST, NONE),
 * then the strongest role (PRINCIPAL, TEACHER, STAFF, STUDENT, PARENT, GUEST). Unknown roles map
 * to NONE.
 *
 * <p>Immutable and thread-safe.
 */
public final class MoodleRoleMapping {
    private static final MoodleRoleMapping DEFAULTS = new Builder().build();

    private final Map<String, Assignment> byShortname;
    private final Map<String, Assignment> byArchetype;

    private MoodleRoleMapping(Builder b) {
        this.byShortname = Collections.unmodifiableMap(new LinkedHashMap<>(b.byShortname));
        this.byArchetype = Collections.unmodifiableMap(new LinkedHashMap<>(b.byArchetype));
    }

    /**
     * The default mapping described above.
     *
     * @return the mapping
     */
    public static MoodleRoleMapping defaults() {
        return DEFAULTS;
    }

    /**
     * A builder starting from the defaults, to adapt them to a Moodle site.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The school role and relation of a user with these roles in a course.
     *
     * @param roles the user's role assignments in the course (may be empty: then NONE)
     * @param courseAllowsGuests whether the course's room lets guests in
     * @return the assignment
     */
    public Assignment resolve(Collection<MoodleRole> roles, boolean courseAllowsGuests) {
        Objects.requireNonNull(roles, "roles");
        Assignment best = Assignment.of(SchoolRole.GUEST, Relation.NONE);
        for (MoodleRole r : roles) {
            Assignment a = byShortname.get(Objects.requireNonNull(r, "role").shortname());
            if (a == null) {
                a = byArchetype.get(r.archetype());
            }
            if (a == null) {
                continue;
            }
            if (a.relation() == Relation.INVITED_GUEST && !courseAllowsGuests) {
                a = Assignment.of(a.role(), Relation.NONE);
            }
            if (a.stronger(best)) {
                best = a;
            }
        }
        return best;
    }

    /**
     * A {@link Person} for a Moodle user in a course. The person ID is
     * {@code moodle:<siteId>:<userId>}, turned into a pseudonym before it reaches BigBlueButton.
     *
     * @param user the Moodle user
     * @param roles the user's role assignments in the course
     * @param courseAllowsGuests whether the course's room lets guests in
     * @param recordingConsent whether the user consented to being recorded
     * @return the person
     */
    public Person toPerson(MoodleUser user, Collection<MoodleRole> roles, boolean courseAllowsGuests,
            boolean recordingConsent) {
        Objects.requireNonNull(user, "user");
        Assignment a = resolve(roles, courseAllowsGuests);
        return Person.builder("moodle:" + user.siteId() + ':' + user.userId(), a.role(), a.relation())
                .firstName(user.firstName())
                .lastName(user.lastName())
                .recordingConsent(recordingConsent)
                .authenticated(!"guest".equals(user.username()))
                .build();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MoodleRoleMapping && ((MoodleRoleMapping) o).byShortname.equals(byShortname)
                && ((MoodleRoleMapping) o).byArchetype.equals(byArchetype);
    }

    @Override
    public int hashCode() {
        return Objects.hash(byShortname, byArchetype);
    }

    @Override
    public String toString() {
        return "MoodleRoleMapping{shortnames=" + byShortname + ", archetypes=" + byArchetype + '}';
    }

    /** A school role with a relation. Immutable. */
    public static final class Assignment {
        private final SchoolRole role;
        private final Relation relation;

        private Assignment(SchoolRole role, Relation relation) {
            this.role = Objects.requireNonNull(role, "role");
            this.relation = Objects.requireNonNull(relation, "relation");
        }

        /**
         * An assignment.
         *
         * @param role the school role
         * @param relation the relation
         * @return the assignment
         */
        public static Assignment of(SchoolRole role, Relation relation) {
            return new Assignment(role, relation);
        }

        /**
         * The school role.
         *
         * @return the role
         */
        public SchoolRole role() {
            return role;
        }

        /**
         * The relation.
         *
         * @return the relation
         */
        public Relation relation() {
            return relation;
        }

        boolean stronger(Assignment other) {
            if (relation != other.relation) {
                return relation.ordinal() < other.relation.ordinal();
            }
            return rank(role) < rank(other.role);
        }

        private static int rank(SchoolRole r) {
            return switch (r) {
                case PRINCIPAL -> 0;
                case TEACHER -> 1;
                case STAFF -> 2;
                case STUDENT -> 3;
                case PARENT -> 4;
                case GUEST -> 5;
            };
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Assignment && ((Assignment) o).role == role && ((Assignment) o).relation == relation;
        }

        @Override
        public int hashCode() {
            return Objects.hash(role, relation);
        }

        @Override
        public String toString() {
            return role + "/" + relation;
        }
    }

    /**
     * Adapts a {@link MoodleRoleMapping} to a Moodle site. Each setter returns this builder and
     * replaces the assignment set before for that short name or archetype; {@link #build()} checks
     * the mapping as a whole. Not thread-safe.
     */
    public static final class Builder {
        private final Map<String, Assignment> byShortname = new LinkedHashMap<>();
        private final Map<String, Assignment> byArchetype = new LinkedHashMap<>();

        private Builder() {
            byArchetype.put("editingteacher", Assignment.of(SchoolRole.TEACHER, Relation.ORGANISER));
            byArchetype.put("teacher", Assignment.of(SchoolRole.TEACHER, Relation.MEMBER));
            byArchetype.put("student", Assignment.of(SchoolRole.STUDENT, Relation.MEMBER));
            byArchetype.put("manager", Assignment.of(SchoolRole.STAFF, Relation.MEMBER));
            byArchetype.put("coursecreator", Assignment.of(SchoolRole.TEACHER, Relation.MEMBER));
            byArchetype.put("guest", Assignment.of(SchoolRole.GUEST, Relation.INVITED_GUEST));
            byArchetype.put("user", Assignment.of(SchoolRole.GUEST, Relation.NONE));
            byArchetype.put("frontpage", Assignment.of(SchoolRole.GUEST, Relation.NONE));
            byShortname.put("parent", Assignment.of(SchoolRole.PARENT, Relation.MEMBER));
        }

        /**
         * Maps a role short name (it wins over the archetype).
         *
         * @param shortname the short name, case-insensitive
         * @param role the school role
         * @param relation the relation
         */
        public Builder shortname(String shortname, SchoolRole role, Relation relation) {
            byShortname.put(MoodleRole.normalise("shortname", shortname), Assignment.of(role, relation));
            return this;
        }

        /**
         * Maps an archetype.
         *
         * @param archetype the archetype, case-insensitive
         * @param role the school role
         * @param relation the relation
         */
        public Builder archetype(String archetype, SchoolRole role, Relation relation) {
            String a = MoodleRole.normalise("archetype", archetype);
            if (a.isEmpty()) {
                throw new IllegalArgumentException("archetype must not be blank");
            }
            byArchetype.put(a, Assignment.of(role, relation));
            return this;
        }

        /**
         * Builds the mapping.
         *
         * @return the mapping
         * @throws IllegalArgumentException if a guest role would be an organiser
         */
        public MoodleRoleMapping build() {
            for (Map<String, Assignment> m : java.util.List.of(byShortname, byArchetype)) {
                m.forEach((k, a) -> {
                    if (a.role() == SchoolRole.GUEST && a.relation() == Relation.ORGANISER) {
                        throw new IllegalArgumentException("Moodle role '" + k + "' maps to GUEST/ORGANISER: a guest cannot organise a room");
                    }
                });
            }
            return new MoodleRoleMapping(this);
        }
    }
}
