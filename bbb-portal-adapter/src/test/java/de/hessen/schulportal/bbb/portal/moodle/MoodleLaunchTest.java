// SPDX-License-Identifier: Apache-2.0
package de.hessen.schulportal.bbb.portal.moodle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.hessen.schulportal.bbb.portal.Person;
import de.hessen.schulportal.bbb.portal.Relation;
import de.hessen.schulportal.bbb.portal.Room;
import de.hessen.schulportal.bbb.portal.RoomKind;
import de.hessen.schulportal.bbb.portal.SchoolRole;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The plugin's form becomes the adapter's room and person (issue 13: the mapping lives in portal.moodle). */
class MoodleLaunchTest {
    static Map<String, String> form() {
        Map<String, String> f = new HashMap<>();
        f.put("site", "6021");
        f.put("course", "314");
        f.put("courseName", "Mathematik 7b");
        f.put("userId", "2001");
        f.put("username", "p.schmidt");
        f.put("firstName", "Petra");
        f.put("lastName", "Schmidt");
        f.put("roles", "klassenlehrer:editingteacher, student");
        f.put("consent", "1");
        f.put("lang", "de");
        return f;
    }

    @Test
    void form_becomesRoomAndPerson() {
        MoodleLaunch launch = MoodleLaunch.fromForm(form());
        Room room = launch.room();
        assertThat(room.school().id()).isEqualTo("6021");
        assertThat(room.id()).isEqualTo("moodle-course-314");
        assertThat(room.kind()).isEqualTo(RoomKind.LESSON);
        assertThat(room.title()).isEqualTo("Mathematik 7b");
        assertThat(room.options().isGuestsAllowed()).isFalse();
        Person p = launch.person(MoodleRoleMapping.defaults());
        assertThat(p.id()).isEqualTo("moodle:6021:2001");
        assertThat(p.role()).isEqualTo(SchoolRole.TEACHER);
        assertThat(p.relation()).isEqualTo(Relation.ORGANISER);
        assertThat(p.hasRecordingConsent()).isTrue();
        assertThat(launch.roles()).containsExactly(MoodleRole.of("klassenlehrer", "editingteacher"), MoodleRole.of("student"));
        assertThat(launch.language()).isEqualTo(Locale.GERMAN);
        assertThat(launch.toString()).doesNotContain("Petra").doesNotContain("Schmidt").doesNotContain("p.schmidt")
                .contains("course=314");
        assertThat(launch).isEqualTo(MoodleLaunch.fromForm(form())).hasSameHashCodeAs(MoodleLaunch.fromForm(form()));
    }

    @Test
    void optionalFields_haveTheirDefaults_andKindAndGuestsAreRead() {
        Map<String, String> f = form();
        f.remove("lang");
        f.remove("consent");
        f.remove("lastName");
        assertThat(MoodleLaunch.fromForm(f).language()).isEqualTo(Locale.ENGLISH);
        assertThat(MoodleLaunch.fromForm(f).hasRecordingConsent()).isFalse();
        f.put("kind", "staff_meeting");
        f.put("guests", "1");
        MoodleLaunch launch = MoodleLaunch.fromForm(f);
        assertThat(launch.kind()).isEqualTo(RoomKind.STAFF_MEETING);
        assertThat(launch.room().options().isGuestsAllowed()).isTrue();
        assertThat(launch.person(MoodleRoleMapping.defaults()).lastName()).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "site||site is required",
        "course||course is required",
        "course|../x|course must match",
        "courseName||courseName is required",
        "kind|LESSON|kind must be one of",
        "guests|yes|guests must be 0 or 1",
        "consent|2|consent must be 0 or 1",
        "userId|abc|userId must be a number",
        "userId|0|userId must be positive",
        "roles||roles is required",
    })
    void badFields_areNamedWithTheRule(String field, String value, String message) {
        Map<String, String> f = form();
        if (value == null) {
            f.remove(field);
        } else {
            f.put(field, value);
        }
        assertThatThrownBy(() -> MoodleLaunch.fromForm(f)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(message);
    }

    @Test
    void nulls_andTooManyRoles_andNamesPosingAsRoles_areRefused() {
        assertThatThrownBy(() -> MoodleLaunch.fromForm(null)).isInstanceOf(NullPointerException.class).hasMessage("form");
        assertThatThrownBy(() -> MoodleLaunch.fromForm(form()).person(null)).isInstanceOf(NullPointerException.class)
                .hasMessage("mapping");
        Map<String, String> f = form();
        f.put("roles", String.join(",", java.util.Collections.nCopies(33, "student")));
        assertThatThrownBy(() -> MoodleLaunch.fromForm(f)).hasMessageContaining("roles must be at most 32");
        Map<String, String> posing = form();
        posing.put("firstName", "Kim (Lehrkraft)");
        assertThatThrownBy(() -> MoodleLaunch.fromForm(posing).person(MoodleRoleMapping.defaults()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("firstName must not");
        assertThat(List.of(MoodleLaunch.fromForm(form()).user().userId())).containsExactly(2001L);
    }
}
