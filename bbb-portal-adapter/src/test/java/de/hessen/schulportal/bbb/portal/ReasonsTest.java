// SPDX-License-Identifier: Apache-2.0
package de.hessen.schulportal.bbb.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.hessen.schulportal.bbb.portal.Decision.Outcome;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

/** The reason sentences, in English and German, for every cell and every fixed rule. */
class ReasonsTest {
    private static final RoomOptions GUESTS = RoomOptions.builder().guestsAllowed(true).build();

    private static Decision decide(RoomKind kind, SchoolRole role, Relation relation, RoomOptions options) {
        return RolePolicy.defaults().decide(RolePolicyTest.room(kind, options), RolePolicyTest.person(role, relation));
    }

    @ParameterizedTest(name = "{0} {1} in {2}")
    @CsvSource(delimiter = '|', value = {
        "STUDENT|MEMBER|LESSON|Schülerinnen und Schüler nehmen an einer Unterrichtsstunde teil, sobald sie gestartet wurde."
                + "|As a member, a student joins a lesson as a viewer once a moderator has started it.",
        "PARENT|MEMBER|LESSON|Eltern dürfen nicht an einer Unterrichtsstunde teilnehmen.|A parent may not join a lesson.",
        "PARENT|MEMBER|CONSULTATION|Eltern warten im Warteraum einer Sprechstunde, bis sie eingelassen werden."
                + "|As a member, a parent waits in the lobby of a consultation until a moderator admits them.",
        "TEACHER|MEMBER|STAFF_MEETING|Lehrkräfte moderieren eine Dienstbesprechung und dürfen sie starten."
                + "|As a member, a teacher moderates a staff meeting and may start it.",
        "STAFF|MEMBER|LESSON|Mitarbeitende der Schule dürfen nicht an einer Unterrichtsstunde teilnehmen."
                + "|A staff member may not join a lesson.",
        "PRINCIPAL|MEMBER|CONFERENCE|Mitglieder der Schulleitung moderieren eine Konferenz und dürfen sie starten."
                + "|As a member, a principal moderates a conference and may start it.",
        "GUEST|INVITED_GUEST|TUTORING|Gäste warten im Warteraum einer Förderstunde, bis sie eingelassen werden."
                + "|Guests wait in the lobby of a tutoring session until a moderator admits them.",
        "TEACHER|ORGANISER|LESSON|Wer einen Raum organisiert, moderiert ihn immer und darf ihn starten."
                + "|The organiser of a room always moderates it and may start it.",
        "STUDENT|NONE|LESSON|Wer keinen Bezug zu diesem Raum hat, wird nicht eingelassen."
                + "|A person without a relation to the room is never admitted.",
        "GUEST|ORGANISER|LESSON|Gäste können einen Raum weder organisieren noch moderieren; laden Sie sie als Gast ein."
                + "|A guest can never organise or moderate a room; invite them as an invited guest instead.",
    })
    void sentences_inBothLanguages(SchoolRole role, Relation relation, RoomKind kind, String german, String english) {
        Decision d = decide(kind, role, relation, GUESTS);
        assertThat(d.reason(Locale.GERMANY)).isEqualTo(german);
        assertThat(d.reason(Locale.forLanguageTag("de-AT"))).isEqualTo(german);
        assertThat(d.reason(Locale.ENGLISH)).isEqualTo(english);
        assertThat(d.reason(Locale.FRENCH)).as("other languages fall back to English").isEqualTo(english);
        assertThat(d.reason()).isEqualTo(english);
    }

    @Test
    void roomRules_haveTheirOwnSentences() {
        Decision noGuests = decide(RoomKind.LESSON, SchoolRole.GUEST, Relation.INVITED_GUEST, RoomOptions.defaults());
        assertThat(noGuests.reasonCode()).isEqualTo(Decision.GUESTS_NOT_ALLOWED);
        assertThat(noGuests.reason(Locale.GERMAN)).isEqualTo("Dieser Raum lässt keine Gäste zu.");
        assertThat(noGuests.reason()).isEqualTo("This room does not allow guests.");
        Decision lobby = decide(RoomKind.CONFERENCE, SchoolRole.STUDENT, Relation.MEMBER,
                RoomOptions.builder().everyoneToLobby(true).build());
        assertThat(lobby.reasonCode()).isEqualTo(Decision.EVERYONE_TO_LOBBY);
        assertThat(lobby.reason(Locale.GERMAN))
                .isEqualTo("In diesem Raum warten alle außer den Moderierenden im Warteraum, bis sie eingelassen werden.");
        assertThat(lobby.reason())
                .isEqualTo("This room sends everyone except moderators to the lobby, where a moderator admits them.");
        Decision overridden = RolePolicy.defaults().withOverrides(RoomKind.CONFERENCE, Map.of(SchoolRole.TEACHER, Outcome.MODERATOR))
                .decide(RolePolicyTest.room(RoomKind.CONFERENCE, RoomOptions.defaults()),
                        RolePolicyTest.person(SchoolRole.TEACHER, Relation.MEMBER));
        assertThat(overridden.reason(Locale.GERMAN)).endsWith(" (Regel dieser Schule oder dieses Raums)");
        assertThat(overridden.reason()).endsWith(" (rule set for this school or room)");
    }

    /** Issue 12 item 6: a running meeting created as another kind or with other settings. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "room-kind-differs|Die laufende Sitzung dieses Raums wurde als andere Art von Raum gestartet; sie kann nicht als"
                + " Unterrichtsstunde betreten werden.|The running meeting of this room was started as another kind of room,"
                + " so it cannot be joined as a lesson.",
        "room-settings-differ|Die laufende Sitzung dieses Raums wurde mit anderen Einstellungen (Gäste, Warteraum,"
                + " Aufzeichnung oder Rollen) gestartet; die neuen Einstellungen des Raums gelten ab der nächsten Sitzung."
                + "|The running meeting of this room was started with other settings (guests, lobby, recording or roles);"
                + " the room's new settings apply from its next meeting.",
    })
    void runningMeetingRefusals_inBothLanguages(String code, String german, String english) {
        Decision d = new Decision(Outcome.DENIED, code, SchoolRole.STUDENT, RoomKind.LESSON, false);
        assertThat(d.reasonCode()).isEqualTo(code);
        assertThat(d.reason(Locale.GERMAN)).isEqualTo(german);
        assertThat(d.reason()).isEqualTo(english);
        assertThat(Decision.ROOM_KIND_DIFFERS).isEqualTo("room-kind-differs");
        assertThat(Decision.ROOM_SETTINGS_DIFFER).isEqualTo("room-settings-differ");
    }

    @Test
    void lobbyNotAvailable_inBothLanguages() {
        Decision d = new Decision(Outcome.DENIED, Decision.LOBBY_NOT_AVAILABLE, SchoolRole.PARENT, RoomKind.CONSULTATION, false);
        assertThat(d.reason(Locale.GERMAN)).isEqualTo("Diese Sitzung wurde ohne Warteraum gestartet; die neuen Einstellungen"
                + " des Raums gelten ab der nächsten Sitzung.");
        assertThat(d.reason()).isEqualTo(
                "This meeting was started without a lobby; the room's new settings apply from its next meeting.");
    }

    /** A school whose table denies guests in lessons: the guest sentence for a refusal, not the lobby one, marked as the school's rule. */
    @ParameterizedTest
    @EnumSource(value = Relation.class, names = {"MEMBER", "INVITED_GUEST"})
    void guestDeniedByTheTable_inBothLanguages(Relation relation) {
        RolePolicy noGuestsInLessons = RolePolicy.defaults().toBuilder()
                .set(RoomKind.LESSON, SchoolRole.GUEST, relation, Outcome.DENIED).build();
        Decision d = noGuestsInLessons.decide(RolePolicyTest.room(RoomKind.LESSON, GUESTS),
                RolePolicyTest.person(SchoolRole.GUEST, relation));
        assertThat(d.outcome()).isEqualTo(Outcome.DENIED);
        assertThat(d.reasonCode()).isEqualTo(Decision.INVITED_GUEST);
        assertThat(d.reason(Locale.GERMAN))
                .isEqualTo("Gäste dürfen nicht an einer Unterrichtsstunde teilnehmen. (Regel dieser Schule oder dieses Raums)");
        assertThat(d.reason()).isEqualTo("Guests may not join a lesson. (rule set for this school or room)");
    }

    @Test
    void reason_withoutALocale_namesTheParameter() {
        Decision d = decide(RoomKind.LESSON, SchoolRole.STUDENT, Relation.MEMBER, GUESTS);
        assertThatThrownBy(() -> d.reason(null)).isInstanceOf(NullPointerException.class).hasMessage("locale");
    }

    /** Every member cell says something different in each language, and nothing about the person. */
    @ParameterizedTest
    @EnumSource(Relation.class)
    void everyCell_hasADistinctSentenceWithoutPersonalData(Relation relation) {
        Set<String> german = new HashSet<>();
        Set<String> english = new HashSet<>();
        int cells = 0;
        for (RoomKind kind : RoomKind.values()) {
            for (SchoolRole role : SchoolRole.values()) {
                Decision d = decide(kind, role, relation, GUESTS);
                for (String s : new String[] {d.reason(Locale.GERMAN), d.reason(Locale.ENGLISH)}) {
                    assertThat(s).isNotBlank().doesNotContain("Kim").doesNotContain("Yilmaz").doesNotContain("p-1")
                            .doesNotContain("null").endsWith(".");
                }
                german.add(d.outcome() + d.reason(Locale.GERMAN));
                english.add(d.outcome() + d.reason(Locale.ENGLISH));
                cells++;
            }
        }
        // The two languages distinguish exactly the same situations.
        assertThat(german).hasSameSizeAs(english);
        if (relation == Relation.MEMBER) {
            assertThat(german).as("each member cell names its role and room kind").hasSize(cells);
        }
    }
}
