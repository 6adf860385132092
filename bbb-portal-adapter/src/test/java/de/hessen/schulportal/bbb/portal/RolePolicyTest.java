// SPDX-License-Identifier: Apache-2.0
package de.hessen.schulportal.bbb.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.hessen.schulportal.bbb.client.meeting.Role;
import de.hessen.schulportal.bbb.portal.Decision.Outcome;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

class RolePolicyTest {
    static final School SCHOOL = School.of("6021");

    static Room room(RoomKind kind, RoomOptions options) {
        return Room.builder(SCHOOL, "room-" + kind, kind).options(options).build();
    }

    static Person person(SchoolRole role, Relation relation) {
        return Person.builder("p-1", role, relation).firstName("Kim").lastName("Yilmaz").build();
    }

    /** The issue's table, verbatim; guests with a room that allows guests. */
    @ParameterizedTest(name = "{0} as member of {1}: {2}")
    @CsvSource({
        "PRINCIPAL, LESSON, MODERATOR", "PRINCIPAL, TUTORING, MODERATOR", "PRINCIPAL, CONSULTATION, MODERATOR",
        "PRINCIPAL, STAFF_MEETING, MODERATOR", "PRINCIPAL, CONFERENCE, MODERATOR",
        "TEACHER, LESSON, MODERATOR", "TEACHER, TUTORING, MODERATOR", "TEACHER, CONSULTATION, MODERATOR",
        "TEACHER, STAFF_MEETING, MODERATOR", "TEACHER, CONFERENCE, VIEWER",
        "STAFF, LESSON, DENIED", "STAFF, TUTORING, VIEWER", "STAFF, CONSULTATION, VIEWER",
        "STAFF, STAFF_MEETING, VIEWER", "STAFF, CONFERENCE, VIEWER",
        "STUDENT, LESSON, VIEWER", "STUDENT, TUTORING, VIEWER", "STUDENT, CONSULTATION, VIEWER",
        "STUDENT, STAFF_MEETING, DENIED", "STUDENT, CONFERENCE, VIEWER",
        "PARENT, LESSON, DENIED", "PARENT, TUTORING, VIEWER", "PARENT, CONSULTATION, LOBBY",
        "PARENT, STAFF_MEETING, DENIED", "PARENT, CONFERENCE, VIEWER",
        "GUEST, LESSON, LOBBY", "GUEST, TUTORING, LOBBY", "GUEST, CONSULTATION, LOBBY",
        "GUEST, STAFF_MEETING, LOBBY", "GUEST, CONFERENCE, LOBBY",
    })
    void decide_memberTable_matchesIssue(SchoolRole role, RoomKind kind, Outcome expected) {
        Relation relation = role == SchoolRole.GUEST ? Relation.INVITED_GUEST : Relation.MEMBER;
        Decision d = RolePolicy.defaults().decide(room(kind, RoomOptions.builder().guestsAllowed(true).build()),
                person(role, relation));
        assertThat(d.outcome()).isEqualTo(expected);
        assertThat(d.isAllowedToStart()).isEqualTo(expected == Outcome.MODERATOR);
        assertThat(d.isViaLobby()).isEqualTo(expected == Outcome.LOBBY);
        assertThat(d.bbbRole()).isEqualTo(expected == Outcome.MODERATOR ? java.util.Optional.of(Role.MODERATOR)
                : expected == Outcome.DENIED ? java.util.Optional.empty() : java.util.Optional.of(Role.VIEWER));
        assertThat(d.reason()).isNotBlank().doesNotContain("Kim").doesNotContain("Yilmaz");
        if (role == SchoolRole.GUEST) {
            assertThat(d.reasonCode()).isEqualTo(Decision.INVITED_GUEST);
        } else {
            assertThat(d.reasonCode()).isEqualTo(Decision.ROLE_TABLE);
            assertThat(RolePolicy.defaults().cell(kind, role, Relation.MEMBER)).isEqualTo(expected);
        }
    }

    static Stream<Arguments> kindsAndRoles() {
        List<Arguments> out = new ArrayList<>();
        for (RoomKind k : RoomKind.values()) {
            for (SchoolRole r : SchoolRole.values()) {
                out.add(Arguments.of(k, r));
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "organiser {1} in {0}")
    @MethodSource("kindsAndRoles")
    void decide_organiser_alwaysModeratorExceptGuest(RoomKind kind, SchoolRole role) {
        Decision d = RolePolicy.defaults().decide(room(kind, RoomOptions.builder().guestsAllowed(true).build()),
                person(role, Relation.ORGANISER));
        if (role == SchoolRole.GUEST) {
            assertThat(d.outcome()).isEqualTo(Outcome.DENIED);
            assertThat(d.reasonCode()).isEqualTo(Decision.GUEST_CANNOT_ORGANISE);
        } else {
            assertThat(d.outcome()).isEqualTo(Outcome.MODERATOR);
            assertThat(d.isAllowedToStart()).isTrue();
            assertThat(d.reasonCode()).isEqualTo(Decision.ORGANISER);
        }
    }

    @ParameterizedTest(name = "NONE {1} in {0}")
    @MethodSource("kindsAndRoles")
    void decide_none_alwaysDenied(RoomKind kind, SchoolRole role) {
        RoomOptions open = RoomOptions.builder().guestsAllowed(true).everyoneToLobby(true).recordingAllowed(true).build();
        Decision d = RolePolicy.defaults().decide(room(kind, open), person(role, Relation.NONE));
        assertThat(d.outcome()).isEqualTo(Outcome.DENIED);
        assertThat(d.reasonCode()).isEqualTo(Decision.NO_RELATION);
        assertThat(d.isAllowedToStart()).isFalse();
    }

    @ParameterizedTest(name = "guest {1} in {0}, guests not allowed")
    @MethodSource("kindsAndRoles")
    void decide_invitedGuest_deniedWhereRoomForbidsGuests(RoomKind kind, SchoolRole role) {
        Decision d = RolePolicy.defaults().decide(room(kind, RoomOptions.defaults()), person(role, Relation.INVITED_GUEST));
        assertThat(d.outcome()).isEqualTo(Outcome.DENIED);
        assertThat(d.reasonCode()).isEqualTo(Decision.GUESTS_NOT_ALLOWED);
        Decision allowed = RolePolicy.defaults().decide(room(kind, RoomOptions.builder().guestsAllowed(true).build()),
                person(role, Relation.INVITED_GUEST));
        assertThat(allowed.outcome()).isEqualTo(Outcome.LOBBY);
    }

    @ParameterizedTest
    @EnumSource(RoomKind.class)
    void decide_guestRoleAsMember_onlyLobbyAndOnlyIfAllowed(RoomKind kind) {
        assertThat(RolePolicy.defaults().decide(room(kind, RoomOptions.defaults()), person(SchoolRole.GUEST, Relation.MEMBER))
                .outcome()).isEqualTo(Outcome.DENIED);
        assertThat(RolePolicy.defaults().decide(room(kind, RoomOptions.builder().guestsAllowed(true).build()),
                person(SchoolRole.GUEST, Relation.MEMBER)).outcome()).isEqualTo(Outcome.LOBBY);
    }

    @ParameterizedTest(name = "everyone to lobby: {1} in {0}")
    @MethodSource("kindsAndRoles")
    void decide_everyoneToLobby_viewersWaitModeratorsDoNot(RoomKind kind, SchoolRole role) {
        RoomOptions lobby = RoomOptions.builder().everyoneToLobby(true).guestsAllowed(true).build();
        Relation relation = role == SchoolRole.GUEST ? Relation.INVITED_GUEST : Relation.MEMBER;
        Outcome table = RolePolicy.defaults().decide(room(kind, RoomOptions.builder().guestsAllowed(true).build()),
                person(role, relation)).outcome();
        Decision d = RolePolicy.defaults().decide(room(kind, lobby), person(role, relation));
        Outcome expected = table == Outcome.VIEWER ? Outcome.LOBBY : table;
        assertThat(d.outcome()).isEqualTo(expected);
        if (table == Outcome.VIEWER) {
            assertThat(d.reasonCode()).isEqualTo(Decision.EVERYONE_TO_LOBBY);
        }
    }

    @Test
    void build_guestModerator_rejected() {
        assertThatThrownBy(() -> RolePolicy.builder().member(RoomKind.LESSON, SchoolRole.GUEST, Outcome.MODERATOR).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("LESSON/GUEST/MEMBER=MODERATOR")
                .hasMessageContaining("never a moderator");
        assertThatThrownBy(() -> RolePolicy.builder().set(RoomKind.TUTORING, SchoolRole.TEACHER, Relation.INVITED_GUEST,
                Outcome.VIEWER).build()).hasMessageContaining("TUTORING/TEACHER/INVITED_GUEST=VIEWER");
        assertThatThrownBy(() -> RolePolicy.builder().set(RoomKind.LESSON, SchoolRole.GUEST, Relation.ORGANISER,
                Outcome.MODERATOR).build()).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void build_noneAdmitted_rejected() {
        for (Outcome o : new Outcome[] {Outcome.MODERATOR, Outcome.VIEWER, Outcome.LOBBY}) {
            assertThatThrownBy(() -> RolePolicy.builder().set(RoomKind.CONFERENCE, SchoolRole.PRINCIPAL, Relation.NONE, o)
                    .build())
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("CONFERENCE/PRINCIPAL/NONE=" + o)
                    .hasMessageContaining("NONE must always be DENIED");
        }
    }

    @Test
    void build_organiserNotModerator_rejected() {
        assertThatThrownBy(() -> RolePolicy.builder().set(RoomKind.LESSON, SchoolRole.STUDENT, Relation.ORGANISER,
                Outcome.VIEWER).build()).hasMessageContaining("ORGANISER is always a MODERATOR");
    }

    @Test
    void withOverrides_changesOnlyThatKind_andValidates() {
        RolePolicy p = RolePolicy.defaults().withOverrides(RoomKind.CONFERENCE, Map.of(SchoolRole.TEACHER, Outcome.MODERATOR));
        assertThat(p.cell(RoomKind.CONFERENCE, SchoolRole.TEACHER, Relation.MEMBER)).isEqualTo(Outcome.MODERATOR);
        assertThat(p.cell(RoomKind.LESSON, SchoolRole.TEACHER, Relation.MEMBER)).isEqualTo(Outcome.MODERATOR);
        assertThat(RolePolicy.defaults().cell(RoomKind.CONFERENCE, SchoolRole.TEACHER, Relation.MEMBER))
                .isEqualTo(Outcome.VIEWER);
        Decision d = p.decide(room(RoomKind.CONFERENCE, RoomOptions.defaults()), person(SchoolRole.TEACHER, Relation.MEMBER));
        assertThat(d.reason()).contains("rule set for this school or room");
        assertThatThrownBy(() -> RolePolicy.defaults().withOverrides(RoomKind.LESSON,
                Map.of(SchoolRole.GUEST, Outcome.VIEWER))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void roomOverride_appliesToThatRoom() {
        Room lessonWithParents = room(RoomKind.LESSON, RoomOptions.builder().memberOverride(SchoolRole.PARENT, Outcome.LOBBY).build());
        assertThat(RolePolicy.defaults().decide(lessonWithParents, person(SchoolRole.PARENT, Relation.MEMBER)).outcome())
                .isEqualTo(Outcome.LOBBY);
        assertThatThrownBy(() -> RoomOptions.builder().memberOverride(SchoolRole.GUEST, Outcome.MODERATOR))
                .hasMessageContaining("never a moderator");
    }

    static LongStream seeds() {
        return LongStream.range(0, 20).map(i -> 0x5eed0000L + i);
    }

    /** Random policies built from random cell changes: whatever passes build() keeps the invariants. */
    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void property_anyBuiltPolicy_guestNeverModerator_noneNeverAdmitted(long seed) {
        Random rnd = new Random(seed);
        RolePolicy.Builder b = RolePolicy.builder();
        for (int i = 0; i < 40; i++) {
            b.set(pick(rnd, RoomKind.values()), pick(rnd, SchoolRole.values()), pick(rnd, Relation.values()),
                    pick(rnd, Outcome.values()));
        }
        RolePolicy p;
        try {
            p = b.build();
        } catch (IllegalArgumentException rejected) {
            p = RolePolicy.builder().member(pick(rnd, RoomKind.values()), SchoolRole.STAFF, pick(rnd, Outcome.values())).build();
        }
        for (int i = 0; i < 200; i++) {
            RoomOptions o = RoomOptions.builder().guestsAllowed(rnd.nextBoolean()).everyoneToLobby(rnd.nextBoolean()).build();
            SchoolRole role = pick(rnd, SchoolRole.values());
            Relation relation = pick(rnd, Relation.values());
            Decision d = p.decide(room(pick(rnd, RoomKind.values()), o), person(role, relation));
            String at = "seed=" + seed + " " + role + "/" + relation + " " + o + " -> " + d;
            if (role == SchoolRole.GUEST || relation == Relation.INVITED_GUEST) {
                assertThat(d.outcome()).as(at).isIn(Outcome.LOBBY, Outcome.DENIED);
                if (!o.isGuestsAllowed()) {
                    assertThat(d.outcome()).as(at).isEqualTo(Outcome.DENIED);
                }
            }
            if (relation == Relation.NONE) {
                assertThat(d.outcome()).as(at).isEqualTo(Outcome.DENIED);
            }
            assertThat(d.isAllowedToStart()).as(at).isEqualTo(d.outcome() == Outcome.MODERATOR);
        }
    }

    static <T> T pick(Random rnd, T[] values) {
        return values[rnd.nextInt(values.length)];
    }
}
