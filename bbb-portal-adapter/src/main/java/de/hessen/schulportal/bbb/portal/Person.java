// SPDX-License-Identifier: Apache-2.0
package de.hessen.schulportal.bbb.portal;

import java.util.Objects;

/**
 * A person who wants to enter a room, in the capacity (role and relation) in which they join.
 *
 * <p>Immutable. {@link #toString()} prints neither the names nor the person ID, which may be a
 * login name: keep personal data out of logs.
 *
 * <pre>{@code
 * Person kim = Person.builder("u-4711", SchoolRole.STUDENT, Relation.MEMBER)
 *         .firstName("Kim").lastName("Yilmaz")
 *         .build();
 * }</pre>
 */
public final class Person {
    private final String id;
    private final String firstName;
    private final String lastName;
    private final SchoolRole role;
    private final Relation relation;
    private final boolean recordingConsent;
    private final boolean authenticated;

    private Person(Builder b) {
        this.id = Checks.text("person id", b.id, 256);
        this.role = Checks.required("role", b.role);
        this.relation = Checks.required("relation", b.relation);
        this.firstName = TextRules.name("firstName", b.firstName, 64, false);
        this.lastName = TextRules.name("lastName", b.lastName, 64, true);
        this.recordingConsent = b.recordingConsent;
        this.authenticated = b.authenticated == null ? role != SchoolRole.GUEST : b.authenticated;
    }

    /**
     * Starts a person.
     *
     * @param id the portal's ID of the person: not blank, at most 256 characters; never sent to
     *           BigBlueButton (only its keyed pseudonym is)
     * @param role the school role in which they join
     * @param relation their relation to the room
     * @return a new builder
     */
    public static Builder builder(String id, SchoolRole role, Relation relation) {
        return new Builder(id, role, relation);
    }

    /**
     * A builder with this person's values.
     *
     * @return a new builder
     */
    public Builder toBuilder() {
        Builder b = new Builder(id, role, relation).firstName(firstName).lastName(lastName)
                .recordingConsent(recordingConsent);
        b.authenticated = authenticated;
        return b;
    }

    /**
     * The portal's person ID.
     *
     * @return the ID
     */
    public String id() {
        return id;
    }

    /**
     * The first name in its normal form: NFKC, white space collapsed to single spaces (see
     * {@link DisplayNamePolicy} for the rule names must follow).
     *
     * @return the first name
     */
    public String firstName() {
        return firstName;
    }

    /**
     * The last name in its normal form (as {@link #firstName()}); empty if unknown.
     *
     * @return the last name
     */
    public String lastName() {
        return lastName;
    }

    /**
     * The school role in which the person joins.
     *
     * @return the role
     */
    public SchoolRole role() {
        return role;
    }

    /**
     * The relation to the room.
     *
     * @return the relation
     */
    public Relation relation() {
        return relation;
    }

    /**
     * Whether the person (or, for minors, their guardians) consented to being recorded.
     *
     * @return the flag; default {@code false}
     */
    public boolean hasRecordingConsent() {
        return recordingConsent;
    }

    /**
     * Whether the person is logged in to the portal (and not, say, an external guest with a link).
     *
     * @return the flag; default {@code true} for every role but {@link SchoolRole#GUEST}
     */
    public boolean isAuthenticated() {
        return authenticated;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof Person)) {
            return false;
        }
        Person p = (Person) o;
        return p.id.equals(id) && p.firstName.equals(firstName) && p.lastName.equals(lastName) && p.role == role
                && p.relation == relation && p.recordingConsent == recordingConsent && p.authenticated == authenticated;
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, firstName, lastName, role, relation, recordingConsent, authenticated);
    }

    /**
     * The role, relation and flags; never the names or the ID.
     *
     * @return a log-safe description
     */
    @Override
    public String toString() {
        return "Person{role=" + role + ", relation=" + relation + ", recordingConsent=" + recordingConsent
                + ", authenticated=" + authenticated + '}';
    }

    /**
     * Collects a {@link Person}. Each setter returns this builder and replaces the value set before;
     * the names are checked and normalised at {@link #build()}, which names the field and the rule
     * it breaks. Not thread-safe.
     */
    public static final class Builder {
        private final String id;
        private final SchoolRole role;
        private final Relation relation;
        private String firstName;
        private String lastName = "";
        private boolean recordingConsent;
        private Boolean authenticated;

        private Builder(String id, SchoolRole role, Relation relation) {
            this.id = id;
            this.role = role;
            this.relation = relation;
        }

        /**
         * The first name. Required. Checked and normalised at {@link #build()} by the rule
         * described at {@link DisplayNamePolicy}.
         *
         * @param value not blank, at most 64 characters in normal form
         */
        public Builder firstName(String value) {
            this.firstName = value;
            return this;
        }

        /**
         * The last name. Default empty. Checked and normalised like the first name.
         *
         * @param value at most 64 characters in normal form
         */
        public Builder lastName(String value) {
            this.lastName = Checks.required("lastName", value);
            return this;
        }

        /**
         * First and last name from a name written in one field, as Moodle's {@code fullName} and
         * other portals send it; replaces both. After NFKC, every Unicode space (categories Zs, Zl,
         * Zp, and U+200B) separates words, so a no-break or ideographic space cannot glue first and
         * last name into one "first name". {@code "Yilmaz, Kim"} (surname, comma, first names) is
         * understood; otherwise the first word is the first name and all other words form the last
         * name. When unsure this shows less: with {@link DisplayNamePolicy.Format#FIRST_NAME_INITIAL}
         * {@code "Kim Sophie Yilmaz"} becomes {@code "Kim S."} and {@code "María García López"}
         * {@code "María G."}, never a surname in full. A surname written first without a comma
         * ({@code "Yilmaz Kim"}) cannot be told apart and is taken for the first name. Each part is
         * cut to 64 characters (one-field names come from systems with longer fields; Moodle allows
         * 100 per name). Checked at {@link #build()} like {@link #firstName} and {@link #lastName}.
         *
         * @param value the name in one field
         * @throws NullPointerException if {@code value} is null
         */
        public Builder fullName(String value) {
            String[] parts = TextRules.splitFullName(Checks.required("fullName", value), 64);
            this.firstName = parts[0];
            this.lastName = parts[1];
            return this;
        }

        /** Whether the person consented to being recorded. Default {@code false}. */
        public Builder recordingConsent(boolean value) {
            this.recordingConsent = value;
            return this;
        }

        /** Whether the person is logged in to the portal. Default {@code true}, except for guests. */
        public Builder authenticated(boolean value) {
            this.authenticated = value;
            return this;
        }

        /**
         * Validates and builds the person.
         *
         * @return the person
         * @throws NullPointerException if the ID, role, relation or first name is missing
         * @throws IllegalArgumentException naming the field and the rule it breaks
         */
        public Person build() {
            return new Person(this);
        }
    }
}
