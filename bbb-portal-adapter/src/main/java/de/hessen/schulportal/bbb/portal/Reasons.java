// SPDX-License-Identifier: Apache-2.0
package de.hessen.schulportal.bbb.portal;

import de.hessen.schulportal.bbb.portal.Decision.Outcome;
import de.hessen.schulportal.bbb.portal.internal.Languages;
import java.util.Locale;

/**
 * Renders a {@link Decision}'s reason as a sentence, in German for a locale whose language is
 * {@code de}, in English for every other ({@link Languages#isGerman}). The sentences name roles and room kinds, never a person,
 * so they may go into the UI and the audit log. Each sentence stands once, German beside English,
 * so a new reason or role cannot be worded in one language and forgotten in the other.
 */
final class Reasons {
    private Reasons() {
    }

    static String sentence(Decision d, Locale locale) {
        // Every room kind is a feminine noun ("die Unterrichtsstunde"), so one set of German
        // articles fits all; the German roles are plural forms, which keeps the sentences gender-fair.
        boolean de = Languages.isGerman(locale);
        String where = kind(d.kind(), de);
        String text;
        switch (d.reasonCode()) {
            case Decision.NO_RELATION:
                return pick(de, "Wer keinen Bezug zu diesem Raum hat, wird nicht eingelassen.",
                        "A person without a relation to the room is never admitted.");
            case Decision.GUEST_CANNOT_ORGANISE:
                return pick(de, "Gäste können einen Raum weder organisieren noch moderieren; laden Sie sie als Gast ein.",
                        "A guest can never organise or moderate a room; invite them as an invited guest instead.");
            case Decision.GUESTS_NOT_ALLOWED:
                return pick(de, "Dieser Raum lässt keine Gäste zu.", "This room does not allow guests.");
            case Decision.EVERYONE_TO_LOBBY:
                return pick(de, "In diesem Raum warten alle außer den Moderierenden im Warteraum, bis sie eingelassen werden.",
                        "This room sends everyone except moderators to the lobby, where a moderator admits them.");
            case Decision.LOBBY_NOT_AVAILABLE:
                return pick(de, "Diese Sitzung wurde ohne Warteraum gestartet; die neuen Einstellungen des Raums gelten ab der"
                        + " nächsten Sitzung.",
                        "This meeting was started without a lobby; the room's new settings apply from its next meeting.");
            case Decision.ROOM_KIND_DIFFERS:
                return pick(de, "Die laufende Sitzung dieses Raums wurde als andere Art von Raum gestartet; sie kann nicht als "
                        + where + " betreten werden.",
                        "The running meeting of this room was started as another kind of room, so it cannot be"
                        + " joined as a " + where + '.');
            case Decision.ROOM_SETTINGS_DIFFER:
                return pick(de, "Die laufende Sitzung dieses Raums wurde mit anderen Einstellungen (Gäste, Warteraum, Aufzeichnung"
                        + " oder Rollen) gestartet; die neuen Einstellungen des Raums gelten ab der nächsten Sitzung.",
                        "The running meeting of this room was started with other settings (guests, lobby, recording or"
                        + " roles); the room's new settings apply from its next meeting.");
            case Decision.ORGANISER:
                return pick(de, "Wer einen Raum organisiert, moderiert ihn immer und darf ihn starten.",
                        "The organiser of a room always moderates it and may start it.");
            case Decision.INVITED_GUEST:
                text = d.outcome() == Outcome.LOBBY
                        ? pick(de, "Gäste warten im Warteraum einer " + where + ", bis sie eingelassen werden.",
                                "Guests wait in the lobby of a " + where + " until a moderator admits them.")
                        : pick(de, "Gäste dürfen nicht an einer " + where + " teilnehmen.",
                                "Guests may not join a " + where + '.');
                break;
            default:
                String who = role(d.role(), de);
                text = switch (d.outcome()) {
                    case MODERATOR -> pick(de, who + " moderieren eine " + where + " und dürfen sie starten.",
                            "As a member, " + who + " moderates a " + where + " and may start it.");
                    case VIEWER -> pick(de, who + " nehmen an einer " + where + " teil, sobald sie gestartet wurde.",
                            "As a member, " + who + " joins a " + where + " as a viewer once a moderator has started it.");
                    case LOBBY -> pick(de, who + " warten im Warteraum einer " + where + ", bis sie eingelassen werden.",
                            "As a member, " + who + " waits in the lobby of a " + where + " until a moderator admits them.");
                    case DENIED -> pick(de, who + " dürfen nicht an einer " + where + " teilnehmen.",
                            who.substring(0, 1).toUpperCase(Locale.ROOT) + who.substring(1) + " may not join a " + where + '.');
                };
                break;
        }
        return d.overridden()
                ? text + pick(de, " (Regel dieser Schule oder dieses Raums)", " (rule set for this school or room)")
                : text;
    }

    private static String pick(boolean de, String german, String english) {
        return de ? german : english;
    }

    private static String role(SchoolRole role, boolean de) {
        return switch (role) {
            case PRINCIPAL -> pick(de, "Mitglieder der Schulleitung", "a principal");
            case TEACHER -> pick(de, "Lehrkräfte", "a teacher");
            case STUDENT -> pick(de, "Schülerinnen und Schüler", "a student");
            case PARENT -> pick(de, "Eltern", "a parent");
            case STAFF -> pick(de, "Mitarbeitende der Schule", "a staff member");
            case GUEST -> pick(de, "Gäste", "a guest");
        };
    }

    private static String kind(RoomKind kind, boolean de) {
        return switch (kind) {
            case LESSON -> pick(de, "Unterrichtsstunde", "lesson");
            case TUTORING -> pick(de, "Förderstunde", "tutoring session");
            case CONSULTATION -> pick(de, "Sprechstunde", "consultation");
            case STAFF_MEETING -> pick(de, "Dienstbesprechung", "staff meeting");
            case CONFERENCE -> pick(de, "Konferenz", "conference");
        };
    }
}
