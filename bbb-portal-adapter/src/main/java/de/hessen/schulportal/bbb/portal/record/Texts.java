// SPDX-License-Identifier: Apache-2.0
package de.hessen.schulportal.bbb.portal.record;

import de.hessen.schulportal.bbb.portal.RoomKind;
import de.hessen.schulportal.bbb.portal.SchoolRole;
import de.hessen.schulportal.bbb.portal.internal.Languages;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/** The fixed wording of the record, German and English; everything configurable is filled in by {@link ProcessingRecord}. */
final class Texts {
    private static final Map<String, String[]> T = new HashMap<>();

    static {
        put("title", "Verzeichnis von Verarbeitungstätigkeiten: Videokonferenzen (BigBlueButton), technischer Teil",
                "Record of processing activities: video conferences (BigBlueButton), technical part");
        put("intro", "Erzeugt aus der laufenden Konfiguration des Schulportal-Adapters (Art. 30 DSGVO, technische Angaben). "
                + "Es beschreibt, welche Daten über wen die Schule verlassen, an welches System, in welcher Form, wozu und wie lange. "
                + "Verantwortliche, Rechtsgrundlage und Auftragsverarbeitung ergänzt die Schule bzw. das Land.",
                "Generated from the running configuration of the school portal adapter (Art. 30 GDPR, technical part). "
                        + "It describes which data about whom leaves the school, to which system, in what form, for what purpose "
                        + "and for how long. The controller, the legal basis and the processing agreement are added by the school or the state.");
        put("recipients.h", "Empfangende Systeme", "Receiving systems");
        put("recipients.p", "Schul-IDs, Raum-IDs und Personen-IDs bleiben im Portal; an BigBlueButton gehen nur Pseudonyme, "
                + "Raumtitel, gekürzte Anzeigenamen und die unten genannten Metadaten.",
                "School, room and person IDs stay in the portal; BigBlueButton receives only pseudonyms, room titles, "
                        + "shortened display names and the metadata listed below.");
        put("recipient.bbb", "BigBlueButton", "BigBlueButton");
        put("recipient.bbb.default", "der für die Schule konfigurierte BigBlueButton-Dienst (Server oder Scalelite)",
                "the BigBlueButton service configured for the school (server or Scalelite)");
        put("recipient.bbb.purpose", "Durchführung von Videokonferenzen; Aufzeichnungen, wo der Raum sie erlaubt",
                "running video conferences; recordings where the room allows them");
        put("col.system", "System", "System");
        put("col.where", "Wo", "Where");
        put("col.purpose", "Zweck", "Purpose");
        put("people.h", "Personenbezogene Daten je Personengruppe", "Personal data by group of persons");
        put("people.p", "Je Gruppe: in welche Räume sie gelangt (als Mitglied), wie ihr Name in der Konferenz erscheint "
                + "(Beispiel für „Maximilian Mustermann“), ihre Nutzerkennung und was ohne Einwilligung in Aufzeichnungen gilt.",
                "Per group: which rooms it may enter (as a member), how its name appears in the conference "
                        + "(example for \"Maximilian Mustermann\"), its user ID, and what applies to recordings without consent.");
        put("col.group", "Gruppe", "Group");
        put("col.rooms", "Räume (Rolle)", "Rooms (role)");
        put("col.name", "Anzeigename", "Display name");
        put("col.form", "Form", "Form");
        put("col.userid", "Nutzerkennung", "User ID");
        put("col.consent", "Ohne Einwilligung zur Aufzeichnung", "Without recording consent");
        put("col.dashboard", "Lern-Dashboard", "Learning dashboard");
        put("people.after", "Zweck: Teilnahme an der Konferenz und Erkennen der Teilnehmenden durch die Moderation. "
                + "Der Anzeigename ist das einzige Klardatum; E-Mail-Adressen, Portal-Kennungen und Bilder werden nicht übermittelt.",
                "Purpose: taking part in the conference and letting the moderators recognise participants. "
                        + "The display name is the only datum in clear; e-mail addresses, portal IDs and pictures are not sent.");
        put("rooms.h", "Räume je Art", "Rooms by kind");
        put("rooms.p", "Die Meeting-ID ist ein Pseudonym („sp-“ und 26 Zeichen), das weder Schule noch Raum erkennen lässt. "
                + "Der Konferenzname ist der Raumtitel, den das Portal setzt: er darf keine Personennamen enthalten.",
                "The meeting ID is a pseudonym (\"sp-\" and 26 characters) that reveals neither school nor room. "
                        + "The conference name is the room title the portal sets: it must not contain names of persons.");
        put("col.kind", "Raumart", "Room kind");
        put("col.meta", "Metadaten an BigBlueButton", "Metadata sent to BigBlueButton");
        put("col.record", "Aufzeichnung", "Recording");
        put("col.kept", "Aufzeichnungen aufbewahrt", "Recordings kept");
        put("periods.h", "Speicherdauer", "Retention");
        put("col.data", "Daten", "Data");
        put("col.howlong", "Wie lange", "How long");
        put("period.meeting.what", "Anzeigename, Nutzerkennung, Chat und Notizen einer laufenden Konferenz",
                "Display name, user ID, chat and notes of a running conference");
        put("period.meeting.how", "bis zum Ende der Konferenz; die Ereignisse der Konferenz werden nicht aufbewahrt (meetingKeepEvents=false)",
                "until the conference ends; its events are not kept (meetingKeepEvents=false)");
        put("period.meeting.kept", "bis zum Ende der Konferenz; BigBlueButton bewahrt ihre Ereignisse nach seiner eigenen Einstellung auf",
                "until the conference ends; BigBlueButton keeps its events according to its own setting");
        put("period.recording.what", "Aufzeichnungen (Bild, Ton, Chat, Notizen, Whiteboard mit Anzeigenamen)",
                "Recordings (video, audio, chat, notes, whiteboard with display names)");
        put("period.recording.how", "je Raumart wie oben; die Löschung läuft als Aufbewahrungsjob (Trockenlauf und Ausführung)",
                "per room kind as above; deletion runs as the retention job (dry run and apply)");
        put("period.recording.none", "keine automatische Löschung konfiguriert: Aufzeichnungen bleiben, bis sie von Hand gelöscht werden",
                "no automatic deletion configured: recordings stay until deleted by hand");
        put("period.audit.what", "Protokoll der Entscheidungen (Audit)", "Log of decisions (audit)");
        put("period.audit.how", "nur Pseudonyme und Schlüssel, keine Namen; Aufbewahrung nach dem Log-Konzept des Portals",
                "pseudonyms and keys only, no names; kept according to the portal's logging concept");
        put("never.h", "Was die Schule nicht verlässt", "What does not leave the school");
        put("never.p", "Schul-ID, Raum-ID, Personen-ID, E-Mail-Adresse, Nachname von Schülerinnen und Schülern (sofern oben nicht "
                + "anders angegeben), Klassenzugehörigkeit, Avatar-Bilder. Metadaten nur von der Erlaubnisliste, nur kurze "
                + "Maschinenwerte ohne Namen.",
                "School ID, room ID, person ID, e-mail address, surnames of pupils (unless stated otherwise above), class "
                        + "membership, avatar pictures. Metadata only from the allow-list, only short machine values without names.");
        put("footer", "Dieses Dokument wurde aus der Konfiguration erzeugt; ändert sich eine Richtlinie, ändert es sich mit.",
                "This document was generated from the configuration; when a policy changes, it changes with it.");
        put("outcome.MODERATOR", "Moderation", "moderator");
        put("outcome.VIEWER", "Teilnahme", "viewer");
        put("outcome.LOBBY", "Warteraum", "lobby");
        put("outcome.DENIED", "kein Zutritt", "denied");
        put("rooms.none", "keine", "none");
        put("rooms.organiserOnly", "nur als Organisator", "only as organiser");
        put("form.full", "voller Name", "full name");
        put("form.initial", "Vorname und Initial", "first name and initial");
        put("form.first", "nur Vorname", "first name only");
        put("form.other", "eigene Form", "own form");
        put("form.marker", "gekennzeichnet", "marked");
        put("userid.pseudonym", "Pseudonym", "pseudonym");
        put("userid.room", "je Raum verschieden", "different in every room");
        put("userid.school", "in allen Räumen der Schule gleich", "the same in all rooms of the school");
        put("consent.webcam", "Kamera nicht in der Aufzeichnung", "webcam not in the recording");
        put("consent.listenOnly", "nur Zuhören in aufgezeichneten Konferenzen", "listen only in recorded conferences");
        put("consent.voice", "Stimme ist im Tonmix der Aufzeichnung", "voice is in the recording's audio mix");
        put("dashboard.excluded", "ausgeschlossen", "excluded");
        put("dashboard.included", "enthalten, falls eingeschaltet", "included if switched on");
        put("dashboard.off", "Lern-Dashboard aus", "learning dashboard off");
        put("record.always", "immer aufzeichenbar", "always recordable");
        put("record.optIn", "nur wenn der Raum es erlaubt", "only where the room allows it");
        put("record.notice", "Hinweis an alle", "notice to everyone");
        put("record.manualStart", "Start von Hand", "started by hand");
        put("kept.zero", "nicht (Löschung beim nächsten Lauf)", "not at all (deleted at the next run)");
        put("kept.day", "Tag", "day");
        put("kept.days", "Tage", "days");
        put("group.STUDENT", "Schülerinnen und Schüler", "Pupils");
        put("group.PARENT", "Eltern", "Parents");
        put("group.TEACHER", "Lehrkräfte", "Teachers");
        put("group.PRINCIPAL", "Schulleitung", "School leadership");
        put("group.STAFF", "Schulpersonal", "School staff");
        put("group.GUEST", "Gäste", "Guests");
        put("kind.LESSON", "Unterricht", "lesson");
        put("kind.TUTORING", "Förderung", "tutoring");
        put("kind.CONSULTATION", "Sprechstunde", "consultation");
        put("kind.STAFF_MEETING", "Dienstbesprechung", "staff meeting");
        put("kind.CONFERENCE", "Konferenz", "conference");
    }

    private final int index;

    private Texts(int index) {
        this.index = index;
    }

    private static void put(String key, String german, String english) {
        T.put(key, new String[] {german, english});
    }

    static Texts of(Locale locale) {
        return new Texts(Languages.isGerman(locale) ? 0 : 1);
    }

    String lang() {
        return index == 0 ? "de" : "en";
    }

    String get(String key) {
        String[] t = T.get(key);
        if (t == null) {
            throw new IllegalStateException("no text for " + key);
        }
        return t[index];
    }

    String group(SchoolRole role) {
        return get("group." + role.name());
    }

    String kind(RoomKind kind) {
        return get("kind." + kind.name());
    }
}
