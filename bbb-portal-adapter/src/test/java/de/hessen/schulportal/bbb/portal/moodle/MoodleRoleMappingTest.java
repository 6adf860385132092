// SPDX-License-Identifier: Apache-2.0
package de.hessen.schulportal.bbb.portal.moodle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.hessen.schulportal.bbb.portal.Decision.Outcome;
import de.hessen.schulportal.bbb.portal.Person;
import de.hessen.schulportal.bbb.portal.Relation;
import de.hessen.schulportal.bbb.portal.RolePolicy;
import de.hessen.schulportal.bbb.portal.Room;
import de.hessen.schulportal.bbb.portal.RoomKind;
import de.hessen.schulportal.bbb.portal.RoomOptions;
import de.hessen.schulportal.bbb.portal.School;
import de.hessen.schulportal.bbb.portal.SchoolRole;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MoodleRoleMappingTest {
    @ParameterizedTest(name = "{0}/{1} -> {2}/{3}")
    @CsvSource({
        "editingteacher, editingteacher, true, TEACHER, ORGANISER",
        "teacher, teacher, true, TEACHER, MEMBER",
        "student, student, true, STUDENT, MEMBER",
        "manager, manager, true, STAFF, MEMBER",
        "coursecreator, coursecreator, true, TEACHER, MEMBER",
        "guest, guest, true, GUEST, INVITED_GUEST",
        "guest, guest, false, GUEST, NONE",
        "user, user, true, GUEST, NONE",
        "frontpage, frontpage, true, GUEST, NONE",
        "parent, '', true, PARENT, MEMBER",
        "klassenlehrer, editingteacher, true, TEACHER, ORGANISER",
        "EditingTeacher, EDITINGTEACHER, true, TEACHER, ORGANISER",
        "hausmeister, '', true, GUEST, NONE",
    })
    void resolve_defaults(String shortname, String archetype, boolean guests, SchoolRole role, Relation relation) {
        MoodleRoleMapping.Assignment a = MoodleRoleMapping.defaults().resolve(List.of(MoodleRole.of(shortname, archetype)), guests);
        assertThat(a).isEqualTo(MoodleRoleMapping.Assignment.of(role, relation));
    }

    @Test
    void resolve_severalRoles_strongestWins() {
        MoodleRoleMapping m = MoodleRoleMapping.defaults();
        assertThat(m.resolve(List.of(MoodleRole.of("student"), MoodleRole.of("editingteacher")), false))
                .isEqualTo(MoodleRoleMapping.Assignment.of(SchoolRole.TEACHER, Relation.ORGANISER));
        assertThat(m.resolve(List.of(MoodleRole.of("manager"), MoodleRole.of("teacher")), false))
                .isEqualTo(MoodleRoleMapping.Assignment.of(SchoolRole.TEACHER, Relation.MEMBER));
        assertThat(m.resolve(List.of(), true)).isEqualTo(MoodleRoleMapping.Assignment.of(SchoolRole.GUEST, Relation.NONE));
    }

    @Test
    void builder_perSite_andGuestOrganiserRejected() {
        MoodleRoleMapping m = MoodleRoleMapping.builder()
                .shortname("schulleitung", SchoolRole.PRINCIPAL, Relation.ORGANISER)
                .archetype("manager", SchoolRole.STAFF, Relation.NONE)
                .build();
        assertThat(m.resolve(List.of(MoodleRole.of("schulleitung", "manager")), false))
                .isEqualTo(MoodleRoleMapping.Assignment.of(SchoolRole.PRINCIPAL, Relation.ORGANISER));
        assertThat(m.resolve(List.of(MoodleRole.of("manager")), false).relation()).isEqualTo(Relation.NONE);
        assertThatThrownBy(() -> MoodleRoleMapping.builder().archetype("guest", SchoolRole.GUEST, Relation.ORGANISER).build())
                .hasMessageContaining("guest cannot organise");
    }

    @Test
    void toPerson_feedsTheSamePolicy() {
        MoodleUser user = MoodleUser.of("schulmoodle-6021", 4711, "kyilmaz", "Kim", "Yilmaz");
        Person p = MoodleRoleMapping.defaults().toPerson(user, List.of(MoodleRole.of("student")), false, false);
        assertThat(p.id()).isEqualTo("moodle:schulmoodle-6021:4711");
        assertThat(p.role()).isEqualTo(SchoolRole.STUDENT);
        assertThat(p.isAuthenticated()).isTrue();
        Room course = Room.builder(School.of("6021"), "course-17", RoomKind.LESSON).options(RoomOptions.defaults()).build();
        assertThat(RolePolicy.defaults().decide(course, p).outcome()).isEqualTo(Outcome.VIEWER);
        Person guest = MoodleRoleMapping.defaults().toPerson(MoodleUser.of("schulmoodle-6021", 1, "guest", "Jana", ""),
                List.of(MoodleRole.of("guest")), false, false);
        assertThat(guest.isAuthenticated()).isFalse();
        assertThat(RolePolicy.defaults().decide(course, guest).outcome()).isEqualTo(Outcome.DENIED);
        assertThat(user.toString()).doesNotContain("Kim").doesNotContain("kyilmaz");
    }
}
