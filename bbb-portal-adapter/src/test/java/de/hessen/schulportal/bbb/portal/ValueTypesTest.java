// SPDX-License-Identifier: Apache-2.0
package de.hessen.schulportal.bbb.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.hessen.schulportal.bbb.client.meeting.Feature;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ValueTypesTest {
    static Person person(SchoolRole role, String first, String last) {
        return Person.builder("u-1", role, Relation.MEMBER).firstName(first).lastName(last).build();
    }

    @Test
    void displayNames_standardPerRole() {
        DisplayNamePolicy p = DisplayNamePolicy.defaults();
        assertThat(p.displayName(person(SchoolRole.STUDENT, "Kim", "Yilmaz"))).isEqualTo("Kim Y.");
        assertThat(p.displayName(person(SchoolRole.STUDENT, "Kim", "özdemir"))).isEqualTo("Kim Ö.");
        assertThat(p.displayName(person(SchoolRole.STUDENT, "Kim", ""))).isEqualTo("Kim");
        assertThat(p.displayName(person(SchoolRole.PARENT, "Aylin", "Yilmaz"))).isEqualTo("Aylin Yilmaz (Eltern)");
        assertThat(p.displayName(person(SchoolRole.GUEST, "Jana", "Roth"))).isEqualTo("Jana Roth (Gast)");
        assertThat(p.displayName(person(SchoolRole.TEACHER, "Petra", "Schmidt"))).isEqualTo("Petra Schmidt (Lehrkraft)");
        assertThat(p.displayName(person(SchoolRole.PRINCIPAL, "Ina", "Berg"))).isEqualTo("Ina Berg (Schulleitung)");
        assertThat(p.displayName(person(SchoolRole.STAFF, "Ole", "Lund"))).isEqualTo("Ole Lund");
    }

    @Test
    void displayNames_configurable_guestsStayMarked() {
        DisplayNamePolicy p = DisplayNamePolicy.builder()
                .format(SchoolRole.STUDENT, DisplayNamePolicy.Format.FIRST_NAME)
                .format(SchoolRole.TEACHER, DisplayNamePolicy.Format.FIRST_NAME_INITIAL)
                .suffix(SchoolRole.PARENT, "")
                .suffix(SchoolRole.GUEST, "(extern)")
                .build();
        assertThat(p.displayName(person(SchoolRole.STUDENT, "Kim", "Yilmaz"))).isEqualTo("Kim");
        assertThat(p.displayName(person(SchoolRole.TEACHER, "Petra", "Schmidt"))).isEqualTo("Petra S. (Lehrkraft)");
        assertThat(p.displayName(person(SchoolRole.PARENT, "Aylin", "Yilmaz"))).isEqualTo("Aylin Yilmaz");
        assertThat(p.displayName(person(SchoolRole.GUEST, "Jana", "Roth"))).isEqualTo("Jana Roth (extern)");
        assertThatThrownBy(() -> DisplayNamePolicy.builder().suffix(SchoolRole.GUEST, ""))
                .hasMessageContaining("guests are always marked");
        assertThatThrownBy(() -> DisplayNamePolicy.builder().suffix(SchoolRole.PARENT, "(El\ntern)"))
                .hasMessageContaining("control characters");
    }

    @Test
    void roomStatus_builtWithoutCounts_namesEveryRoleWithZero() {
        RoomStatus built = RoomStatus.builder().meetingId("sp-x").observedAt(Instant.EPOCH)
                .putCountsBySchoolRole(SchoolRole.TEACHER, 1).moderatorCount(1).viewerCount(2).build();
        assertThat(built.countsBySchoolRole()).hasSize(SchoolRole.values().length)
                .containsEntry(SchoolRole.TEACHER, 1).containsEntry(SchoolRole.STUDENT, 0).containsEntry(SchoolRole.GUEST, 0);
        assertThat(built.countsBySchoolRole().keySet()).containsExactly(SchoolRole.values());
        assertThat(built.participantCount()).isEqualTo(3);
        assertThat(built.isRunning()).isFalse();
        assertThat(RoomStatus.of("sp-x", null, Instant.EPOCH)).isEqualTo(RoomStatus.builder().meetingId("sp-x")
                .observedAt(Instant.EPOCH).countsBySchoolRole(Map.of()).build());
    }

    @Test
    void roomStatus_refusesNegativeCounts_namingTheField() {
        assertThatThrownBy(() -> status().moderatorCount(-1).build()).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("moderatorCount must not be negative, was -1");
        assertThatThrownBy(() -> status().viewerCount(-2).build()).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("viewerCount must not be negative, was -2");
        assertThatThrownBy(() -> status().unidentified(-3).build()).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unidentified must not be negative, was -3");
        assertThatThrownBy(() -> status().putCountsBySchoolRole(SchoolRole.STUDENT, -4).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("countsBySchoolRole[STUDENT] must not be negative, was -4");
        assertThat(status().moderatorCount(0).viewerCount(0).unidentified(0).putCountsBySchoolRole(SchoolRole.STUDENT, 0)
                .build().participantCount()).isZero();
    }

    private static RoomStatus.Builder status() {
        return RoomStatus.builder().meetingId("sp-x").observedAt(Instant.EPOCH);
    }

    @Test
    void roomStatus_hasNoCopyMethods() {
        assertThat(Arrays.stream(RoomStatus.class.getMethods()).map(Method::getName)).noneMatch(n -> n.startsWith("with"))
                .contains("builder");
    }

    @Test
    void person_validation_andToStringWithoutPersonalData() {
        Person p = Person.builder("max.mustermann@schule.de", SchoolRole.STUDENT, Relation.MEMBER)
                .firstName("Max").lastName("Mustermann").build();
        assertThat(p.toString()).doesNotContain("Max").doesNotContain("Mustermann").doesNotContain("schule.de")
                .contains("STUDENT").contains("MEMBER");
        assertThat(p.isAuthenticated()).isTrue();
        assertThat(p.hasRecordingConsent()).isFalse();
        assertThat(Person.builder("g", SchoolRole.GUEST, Relation.INVITED_GUEST).firstName("G").build().isAuthenticated())
                .isFalse();
        assertThatThrownBy(() -> Person.builder("u", SchoolRole.STUDENT, Relation.MEMBER).build())
                .isInstanceOf(NullPointerException.class).hasMessage("firstName");
        assertThatThrownBy(() -> Person.builder("u", SchoolRole.STUDENT, Relation.MEMBER).firstName("Kim\u0007").build())
                .hasMessageContaining("firstName must not contain control characters");
        // A guest must not be able to hide or reorder the "(Gast)" marker the adapter appends.
        for (String hiding : new String[] {"\u202E", "\u2066", "\u200F", "\u200B", "\uFEFF", "\u3164", "\u00AD"}) {
            assertThatThrownBy(() -> Person.builder("g", SchoolRole.GUEST, Relation.INVITED_GUEST).firstName("Jana")
                    .lastName("Roth" + hiding + "xx").build())
                    .hasMessageContaining("lastName must not contain invisible or direction-changing characters (found U+");
        }
        // Zero-width (non-)joiners belong to Persian, Arabic and Indic names.
        assertThat(Person.builder("u", SchoolRole.STUDENT, Relation.MEMBER).firstName("Mehdi").lastName("Zade\u200Ch").build()
                .lastName()).isEqualTo("Zade\u200Ch");
        assertThatThrownBy(() -> Person.builder(" ", SchoolRole.STUDENT, Relation.MEMBER).firstName("Kim").build())
                .hasMessageContaining("person id must not be blank");
        assertThat(p).isEqualTo(p.toBuilder().build()).hasSameHashCodeAs(p.toBuilder().build());
    }

    @Test
    void room_andSchool_validation() {
        School s = School.of("6021", "Goethe-Schule");
        assertThat(s.toString()).doesNotContain("Goethe");
        Room r = Room.builder(s, "7b", RoomKind.LESSON).build();
        assertThat(r.title()).isEqualTo("Unterricht");
        assertThat(r.options()).isEqualTo(RoomOptions.defaults());
        assertThatThrownBy(() -> Room.builder(s, "7b", RoomKind.LESSON).title("x").build()).hasMessageContaining("title");
        assertThatThrownBy(() -> Room.builder(s, "7b", null).build()).isInstanceOf(NullPointerException.class)
                .hasMessage("kind");
        assertThatThrownBy(() -> School.of("a\tb")).hasMessageContaining("school id");
        assertThat(r).isEqualTo(r.toBuilder().build());
    }

    @Test
    void roomBuilder_whenVaryingARoom_cannotChangeItsIdentity() {
        School s = School.of("6021");
        Room lesson = Room.builder(s, "7b", RoomKind.LESSON).build();
        // School, ID and kind go into builder(...) only: a variant is the same room with another title or options.
        assertThat(Arrays.stream(Room.Builder.class.getMethods()).filter(m -> m.getDeclaringClass() == Room.Builder.class)
                .map(Method::getName)).containsExactlyInAnyOrder("title", "options", "build");
        Room renamed = lesson.toBuilder().title("Klasse 7b").build();
        assertThat(List.of(renamed.school(), renamed.id(), renamed.kind())).containsExactly(s, "7b", RoomKind.LESSON);
        assertThat(Room.builder(s, "k", RoomKind.CONFERENCE).build().title()).isEqualTo("Konferenz");
        assertThatThrownBy(() -> Room.builder(s, null, RoomKind.LESSON)).isInstanceOf(NullPointerException.class)
                .hasMessage("room id");
        assertThatThrownBy(() -> Room.builder(null, "7b", RoomKind.LESSON)).isInstanceOf(NullPointerException.class)
                .hasMessage("school");
    }

    @Test
    void roomFactories_arePublicOnRoom_andNoBuilderWithoutTheRequiredValues() throws Throwable {
        assertThat(Arrays.stream(Room.class.getMethods()).filter(m -> Modifier.isStatic(m.getModifiers()))
                .map(m -> m.getDeclaringClass().getSimpleName() + "." + m.getName() + m.getParameterCount()))
                .containsExactlyInAnyOrder("Room.builder3", "Room.of4");
        // What any other package (or framework) may call: public members of the public type.
        Object room = MethodHandles.publicLookup().findStatic(Room.class, "of",
                        MethodType.methodType(Room.class, School.class, String.class, RoomKind.class, String.class))
                .invoke(School.of("6021"), "7b", RoomKind.LESSON, "Klasse 7b");
        assertThat(room).isEqualTo(Room.of(School.of("6021"), "7b", RoomKind.LESSON, "Klasse 7b"));
        MethodHandles.publicLookup().findStatic(Room.class, "builder",
                MethodType.methodType(Room.Builder.class, School.class, String.class, RoomKind.class));
    }

    @Test
    void metadata_allowList_andValueRule() {
        MetadataPolicy p = MetadataPolicy.defaults();
        p.check("bbb-origin", "schulportal");
        assertThatThrownBy(() -> p.check("teacher-name", "Schmidt")).hasMessageContaining("not on the allow-list");
        assertThatThrownBy(() -> p.check("bbb-origin", "kim@schule.de")).hasMessageContaining("no names, e-mail");
        assertThatThrownBy(() -> p.check("bbb-origin", "Petra Schmidt")).hasMessageContaining("short machine value");
        assertThatThrownBy(() -> p.check("my_key", "x")).hasMessageContaining("must match");
        p.allow("school-tenant").check("school-tenant", "nord-3");
        assertThatThrownBy(() -> RoomOptions.builder().metadata("bbb-origin", "Frau Müller"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void meetingSettings_defaultsPerKind() {
        MeetingSettings lesson = MeetingDefaults.defaults().settings(RoomKind.LESSON);
        assertThat(lesson.isEndWhenNoModerator()).isTrue();
        assertThat(lesson.isMuteOnStart()).isTrue();
        assertThat(lesson.isWebcamsOnlyForModerator()).isTrue();
        assertThat(lesson.disabledFeatures()).contains(Feature.PRIVATE_CHAT, Feature.LEARNING_DASHBOARD);
        for (RoomKind k : RoomKind.values()) {
            assertThat(MeetingDefaults.defaults().settings(k).disabledFeatures()).as(k.toString())
                    .contains(Feature.LEARNING_DASHBOARD, Feature.LEARNING_DASHBOARD_DOWNLOAD_SESSION_DATA);
        }
        MeetingSettings custom = lesson.toBuilder().enable(Feature.PRIVATE_CHAT).maxParticipants(40)
                .duration(Duration.ofMinutes(90)).build();
        assertThat(MeetingDefaults.defaults().with(RoomKind.LESSON, custom).settings(RoomKind.LESSON)).isEqualTo(custom);
        assertThatThrownBy(() -> MeetingSettings.builder().duration(Duration.ofSeconds(30)))
                .hasMessageContaining("whole, non-negative number of minutes");
    }
}
