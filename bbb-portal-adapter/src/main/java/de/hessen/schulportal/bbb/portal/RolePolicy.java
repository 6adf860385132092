// SPDX-License-Identifier: Apache-2.0
package de.hessen.schulportal.bbb.portal;

import de.hessen.schulportal.bbb.portal.Decision.Outcome;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Who may do what in which kind of room: the data-driven, explainable heart of the adapter.
 *
 * <p>The policy is a table over ({@link RoomKind}, {@link SchoolRole}, {@link Relation}) with an
 * {@link Outcome} in every cell. {@link #defaults()} holds the table agreed for Hessian schools:
 *
 * <pre>
 * role as MEMBER | LESSON    | TUTORING  | CONSULTATION | STAFF_MEETING | CONFERENCE
 * PRINCIPAL      | moderator | moderator | moderator    | moderator     | moderator
 * TEACHER        | moderator | moderator | moderator    | moderator     | viewer
 * STAFF          | denied    | viewer    | viewer       | viewer        | viewer
 * STUDENT        | viewer    | viewer    | viewer       | denied        | viewer
 * PARENT         | denied    | viewer    | lobby        | denied        | viewer
 * GUEST          | lobby     | lobby     | lobby        | lobby         | lobby
 * </pre>
 *
 * <p>Fixed rules that no table may break (checked by {@link Builder#build()}):
 * <ul>
 *   <li>an {@link Relation#ORGANISER} is always a moderator, except a {@link SchoolRole#GUEST}, who
 *       is denied (a guest cannot organise);</li>
 *   <li>{@link Relation#NONE} is always denied;</li>
 *   <li>a guest (role {@code GUEST} or relation {@code INVITED_GUEST}) is never a moderator and
 *       never enters directly: lobby or denied.</li>
 * </ul>
 * At decision time the room's options apply on top: guests are denied where the room does not
 * allow guests, and viewers go to the lobby where the room sends everyone to the lobby.
 *
 * <p>Immutable and thread-safe.
 */
public final class RolePolicy {
    private static final RolePolicy DEFAULTS = defaultBuilder().build();

    private final Map<RoomKind, Map<Relation, Map<SchoolRole, Outcome>>> cells;
    private final Set<Cell> overridden;

    private RolePolicy(Builder b) {
        this.cells = copy(b.cells);
        this.overridden = Set.copyOf(b.overridden);
    }

    /**
     * The default policy described above.
     *
     * @return the shared default policy
     */
    public static RolePolicy defaults() {
        return DEFAULTS;
    }

    /**
     * A builder starting from the default table, to override single cells.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return DEFAULTS.toBuilder();
    }

    /**
     * A builder with this policy's table.
     *
     * @return a new builder
     */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.cells = copy(cells);
        b.overridden.addAll(overridden);
        return b;
    }

    /**
     * This policy with member cells of one room kind replaced, as a room or a school needs it.
     *
     * @param kind the room kind
     * @param memberOutcomes outcomes for roles joining as {@link Relation#MEMBER}
     * @return the new policy
     * @throws IllegalArgumentException if the result would break a fixed rule
     */
    public RolePolicy withOverrides(RoomKind kind, Map<SchoolRole, Outcome> memberOutcomes) {
        Checks.required("kind", kind);
        Checks.required("memberOutcomes", memberOutcomes);
        if (memberOutcomes.isEmpty()) {
            return this;
        }
        Builder b = toBuilder();
        memberOutcomes.forEach((role, outcome) -> b.set(kind, role, Relation.MEMBER, outcome));
        return b.build();
    }

    /**
     * The raw table cell, before the room's options apply.
     *
     * @param kind the room kind
     * @param role the school role
     * @param relation the relation
     * @return the outcome in the table
     */
    public Outcome cell(RoomKind kind, SchoolRole role, Relation relation) {
        return cells.get(Checks.required("kind", kind)).get(Checks.required("relation", relation))
                .get(Checks.required("role", role));
    }

    /**
     * Decides for a person in a room: the table cell, the room's member overrides, then the room's
     * options (guests allowed, everyone to the lobby).
     *
     * @param room the room
     * @param person the person, with the role and relation in which they join
     * @return the decision with its reason
     */
    public Decision decide(Room room, Person person) {
        Checks.required("room", room);
        Checks.required("person", person);
        RolePolicy effective = room.options().memberOverrides().isEmpty()
                ? this : withOverrides(room.kind(), room.options().memberOverrides());
        return effective.decide(room.kind(), person.role(), person.relation(), room.options());
    }

    private Decision decide(RoomKind kind, SchoolRole role, Relation relation, RoomOptions options) {
        Outcome outcome = cell(kind, role, relation);
        boolean override = overridden.contains(new Cell(kind, relation, role));
        if (relation == Relation.NONE) {
            return new Decision(Outcome.DENIED, Decision.NO_RELATION, role, kind, false);
        }
        if (role == SchoolRole.GUEST && relation == Relation.ORGANISER) {
            return new Decision(Outcome.DENIED, Decision.GUEST_CANNOT_ORGANISE, role, kind, false);
        }
        boolean guest = role == SchoolRole.GUEST || relation == Relation.INVITED_GUEST;
        if (guest && outcome == Outcome.LOBBY && !options.isGuestsAllowed()) {
            return new Decision(Outcome.DENIED, Decision.GUESTS_NOT_ALLOWED, role, kind, false);
        }
        if (outcome == Outcome.VIEWER && options.isEveryoneToLobby()) {
            return new Decision(Outcome.LOBBY, Decision.EVERYONE_TO_LOBBY, role, kind, false);
        }
        if (relation == Relation.ORGANISER) {
            return new Decision(outcome, Decision.ORGANISER, role, kind, false);
        }
        return new Decision(outcome, guest ? Decision.INVITED_GUEST : Decision.ROLE_TABLE, role, kind, override);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RolePolicy && ((RolePolicy) o).cells.equals(cells);
    }

    @Override
    public int hashCode() {
        return cells.hashCode();
    }

    @Override
    public String toString() {
        return "RolePolicy{overriddenCells=" + overridden.size() + '}';
    }

    private static Map<RoomKind, Map<Relation, Map<SchoolRole, Outcome>>> copy(
            Map<RoomKind, Map<Relation, Map<SchoolRole, Outcome>>> source) {
        Map<RoomKind, Map<Relation, Map<SchoolRole, Outcome>>> out = new EnumMap<>(RoomKind.class);
        source.forEach((kind, byRelation) -> {
            Map<Relation, Map<SchoolRole, Outcome>> r = new EnumMap<>(Relation.class);
            byRelation.forEach((relation, byRole) -> r.put(relation, new EnumMap<>(byRole)));
            out.put(kind, r);
        });
        return out;
    }

    private static Builder defaultBuilder() {
        Builder b = new Builder();
        for (RoomKind kind : RoomKind.values()) {
            Map<Relation, Map<SchoolRole, Outcome>> byRelation = new EnumMap<>(Relation.class);
            for (Relation relation : Relation.values()) {
                Map<SchoolRole, Outcome> byRole = new EnumMap<>(SchoolRole.class);
                for (SchoolRole role : SchoolRole.values()) {
                    byRole.put(role, fixedDefault(relation, role));
                }
                byRelation.put(relation, byRole);
            }
            b.cells.put(kind, byRelation);
        }
        Outcome m = Outcome.MODERATOR;
        Outcome v = Outcome.VIEWER;
        Outcome l = Outcome.LOBBY;
        Outcome d = Outcome.DENIED;
        //                 LESSON TUTORING CONSULTATION STAFF_MEETING CONFERENCE
        b.row(SchoolRole.PRINCIPAL, m, m, m, m, m);
        b.row(SchoolRole.TEACHER, m, m, m, m, v);
        b.row(SchoolRole.STAFF, d, v, v, v, v);
        b.row(SchoolRole.STUDENT, v, v, v, d, v);
        b.row(SchoolRole.PARENT, d, v, l, d, v);
        b.row(SchoolRole.GUEST, l, l, l, l, l);
        return b;
    }

    private static Outcome fixedDefault(Relation relation, SchoolRole role) {
        return switch (relation) {
            case ORGANISER -> role == SchoolRole.GUEST ? Outcome.DENIED : Outcome.MODERATOR;
            case INVITED_GUEST -> Outcome.LOBBY;
            case NONE, MEMBER -> Outcome.DENIED;
        };
    }

    private record Cell(RoomKind kind, Relation relation, SchoolRole role) {
    }

    /**
     * Changes cells of a policy. Each setter returns this builder and replaces the cells it names; a
     * {@code null} argument throws {@link NullPointerException} naming it. Not thread-safe.
     * {@link #build()} checks the fixed rules.
     *
     * <pre>{@code
     * RolePolicy policy = RolePolicy.builder()
     *         .member(RoomKind.CONFERENCE, SchoolRole.TEACHER, Outcome.MODERATOR)   // teachers chair conferences here
     *         .member(RoomKind.LESSON, SchoolRole.PARENT, Outcome.LOBBY)            // parents may sit in, if admitted
     *         .build();
     * }</pre>
     */
    public static final class Builder {
        private Map<RoomKind, Map<Relation, Map<SchoolRole, Outcome>>> cells = new EnumMap<>(RoomKind.class);
        private final Set<Cell> overridden = new java.util.HashSet<>();

        private Builder() {
        }

        private void row(SchoolRole role, Outcome... perKind) {
            RoomKind[] kinds = RoomKind.values();
            for (int i = 0; i < kinds.length; i++) {
                cells.get(kinds[i]).get(Relation.MEMBER).put(role, perKind[i]);
            }
        }

        /** Sets one cell of the table: the outcome for {@code role} joining a {@code kind} room in {@code relation}. */
        public Builder set(RoomKind kind, SchoolRole role, Relation relation, Outcome outcome) {
            Checks.required("kind", kind);
            Checks.required("role", role);
            Checks.required("relation", relation);
            Checks.required("outcome", outcome);
            cells.get(kind).get(relation).put(role, outcome);
            overridden.add(new Cell(kind, relation, role));
            return this;
        }

        /** Sets the outcome for a role joining a kind of room as {@link Relation#MEMBER}. */
        public Builder member(RoomKind kind, SchoolRole role, Outcome outcome) {
            return set(kind, role, Relation.MEMBER, outcome);
        }

        /** Sets the outcome for a role joining every kind of room as {@link Relation#MEMBER}. */
        public Builder member(SchoolRole role, Outcome outcome) {
            for (RoomKind kind : RoomKind.values()) {
                member(kind, role, outcome);
            }
            return this;
        }

        /**
         * Validates the fixed rules and builds the policy.
         *
         * @return the policy
         * @throws IllegalArgumentException listing every cell that breaks a fixed rule
         */
        public RolePolicy build() {
            List<String> problems = new ArrayList<>();
            for (RoomKind kind : RoomKind.values()) {
                for (Relation relation : Relation.values()) {
                    for (SchoolRole role : SchoolRole.values()) {
                        Outcome o = cells.get(kind).get(relation).get(role);
                        String at = kind + "/" + role + "/" + relation + "=" + o;
                        boolean guest = role == SchoolRole.GUEST || relation == Relation.INVITED_GUEST;
                        if (relation == Relation.NONE && o != Outcome.DENIED) {
                            problems.add(at + ": NONE must always be DENIED");
                        } else if (guest && (o == Outcome.MODERATOR || o == Outcome.VIEWER)) {
                            problems.add(at + ": a guest is never a moderator and only enters through the LOBBY (or is DENIED)");
                        } else if (relation == Relation.ORGANISER && role != SchoolRole.GUEST && o != Outcome.MODERATOR) {
                            problems.add(at + ": an ORGANISER is always a MODERATOR");
                        } else if (relation == Relation.ORGANISER && role == SchoolRole.GUEST && o != Outcome.DENIED) {
                            problems.add(at + ": a GUEST cannot be an ORGANISER");
                        }
                    }
                }
            }
            if (!problems.isEmpty()) {
                throw new IllegalArgumentException("role policy breaks fixed rules: " + String.join("; ", problems));
            }
            return new RolePolicy(this);
        }
    }
}
