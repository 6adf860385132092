// SPDX-License-Identifier: Apache-2.0
package de.hessen.schulportal.bbb.portal;

import de.hessen.schulportal.bbb.portal.Decision.Outcome;
import java.util.Locale;

/**
 * Renders a {@link Decision}'s reason as a sentence, in English or German. The sentences name
 * roles and room kinds, never a person, so they may go into the UI and the audit log.
 */
final class Reasons {
    private Reasons() {
    }

    static String english(Decision d) {
        String where = englishKind(d.kind());
        String text;
        switch (d.reasonCode()) {
            case Decision.NO_RELATION:
                return "A person without a relation to the room is never admitted.";
            case Decision.GUEST_CANNOT_ORGANISE:
                return "A guest can never organise or moderate a room; invite them as an invited guest instead.";
            case Decision.GUESTS_NOT_ALLOWED:
                return "This room does not allow guests.";
            case Decision.EVERYONE_TO_LOBBY:
                return "This room sends everyone except moderators to the lobby, where a moderator admits them.";
            case Decision.LOBBY_NOT_AVAILABLE:
                return "This meeting was started without a lobby; the room's new settings apply from its next meeting.";
            case Decision.ROOM_KIND_DIFFERS:
                return "The running meeting of this room was started as another kind of room, so it cannot be"
                        + " joined as a " + where + '.';
            case Decision.ROOM_SETTINGS_DIFFER:
                return "The running meeting of this room was started with other settings (guests, lobby, recording or"
                        + " roles); the room's new settings apply from its next meeting.";
            case Decision.ORGANISER:
                return "The organiser of a room always moderates it and may start it.";
            case Decision.INVITED_GUEST:
                text = d.outcome() == Outcome.LOBBY
                        ? "Guests wait in the lobby of a " + where + " until a moderator admits them."
                        : "Guests may not join a " + where + '.';
                break;
            default:
                String who = englishRole(d.role());
                text = switch (d.outcome()) {
                    case MODERATOR -> "As a member, " + who + " moderates a " + where + " and may start it.";
                    case VIEWER -> "As a member, " + who + " joins a " + where + " as a viewer once a moderator has started it.";
                    case LOBBY -> "As a member, " + who + " waits in the lobby of a " + where + " until a moderator admits them.";
                    case DENIED -> who.substring(0, 1).toUpperCase(Locale.ROOT) + who.substring(1) + " may not join a " + where + '.';
                };
                break;
        }
        return d.overridden() ? text + " (rule set for this school or room)" : text;
    }

    static String german(Decision d) {
        // Every room kind is a feminine noun ("die Unterrichtsstunde"), so one set of articles fits
        // all; the roles are plural forms, which keeps the sentences gender-fair.
        String where = germanKind(d.kind());
        String text;
        switch (d.reasonCode()) {
            case Decision.NO_RELATION:
                return "Wer keinen Bezug zu diesem Raum hat, wird nicht eingelassen.";
            case Decision.GUEST_CANNOT_ORGANISE:
                return "Gäste können einen Raum weder organisieren noch moderieren; laden Sie sie als Gast ein.";
            case Decision.GUESTS_NOT_ALLOWED:
                return "Dieser Raum lässt keine Gäste zu.";
            case Decision.EVERYONE_TO_LOBBY:
                return "In diesem Raum warten alle außer den Moderierenden im Warteraum, bis sie eingelassen werden.";
            case Decision.LOBBY_NOT_AVAILABLE:
                return "Diese Sitzung wurde ohne Warteraum gestartet; die neuen Einstellungen des Raums gelten ab der nächsten Sitzung.";
            case Decision.ROOM_KIND_DIFFERS:
                return "Die laufende Sitzung dieses Raums wurde als andere Art von Raum gestartet; sie kann nicht als "
                        + where + " betreten werden.";
            case Decision.ROOM_SETTINGS_DIFFER:
                return "Die laufende Sitzung dieses Raums wurde mit anderen Einstellungen (Gäste, Warteraum, Aufzeichnung"
                        + " oder Rollen) gestartet; die neuen Einstellungen des Raums gelten ab der nächsten Sitzung.";
            case Decision.ORGANISER:
                return "Wer einen Raum organisiert, moderiert ihn immer und darf ihn starten.";
            case Decision.INVITED_GUEST:
                text = d.outcome() == Outcome.LOBBY
                        ? "Gäste warten im Warteraum einer " + where + ", bis sie eingelassen werden."
                        : "Gäste dürfen nicht an einer " + where + " teilnehmen.";
                break;
            default:
                String who = germanRole(d.role());
                text = switch (d.outcome()) {
                    case MODERATOR -> who + " moderieren eine " + where + " und dürfen sie starten.";
                    case VIEWER -> who + " nehmen an einer " + where + " teil, sobald sie gestartet wurde.";
                    case LOBBY -> who + " warten im Warteraum einer " + where + ", bis sie eingelassen werden.";
                    case DENIED -> who + " dürfen nicht an einer " + where + " teilnehmen.";
                };
                break;
        }
        return d.overridden() ? text + " (Regel dieser Schule oder dieses Raums)" : text;
    }

    private static String englishRole(SchoolRole role) {
        return switch (role) {
            case PRINCIPAL -> "a principal";
            case TEACHER -> "a teacher";
            case STUDENT -> "a student";
            case PARENT -> "a parent";
            case STAFF -> "a staff member";
            case GUEST -> "a guest";
        };
    }

    private static String englishKind(RoomKind kind) {
        return switch (kind) {
            case LESSON -> "lesson";
            case TUTORING -> "tutoring session";
            case CONSULTATION -> "consultation";
            case STAFF_MEETING -> "staff meeting";
            case CONFERENCE -> "conference";
        };
    }

    private static String germanRole(SchoolRole role) {
        return switch (role) {
            case PRINCIPAL -> "Mitglieder der Schulleitung";
            case TEACHER -> "Lehrkräfte";
            case STUDENT -> "Schülerinnen und Schüler";
            case PARENT -> "Eltern";
            case STAFF -> "Mitarbeitende der Schule";
            case GUEST -> "Gäste";
        };
    }

    private static String germanKind(RoomKind kind) {
        return switch (kind) {
            case LESSON -> "Unterrichtsstunde";
            case TUTORING -> "Förderstunde";
            case CONSULTATION -> "Sprechstunde";
            case STAFF_MEETING -> "Dienstbesprechung";
            case CONFERENCE -> "Konferenz";
        };
    }
}
