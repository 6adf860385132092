// SPDX-License-Identifier: Apache-2.0
package de.hessen.schulportal.bbb.portal.record;

import de.hessen.schulportal.bbb.client.meeting.CreateMeetingRequest;
import de.hessen.schulportal.bbb.client.meeting.JoinMeetingRequest;
import de.hessen.schulportal.bbb.portal.Person;
import de.hessen.schulportal.bbb.portal.Relation;
import de.hessen.schulportal.bbb.portal.Room;
import de.hessen.schulportal.bbb.portal.RoomKind;
import de.hessen.schulportal.bbb.portal.RoomOptions;
import de.hessen.schulportal.bbb.portal.School;
import de.hessen.schulportal.bbb.portal.SchoolConferences;
import de.hessen.schulportal.bbb.portal.SchoolRole;
import de.hessen.schulportal.bbb.portal.retention.RetentionPolicy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The technical part of a record of processing activities (Art. 30 GDPR) for the video-conference
 * service, generated from the running configuration: which data about whom (pupils, teachers,
 * parents, guests, school leadership, staff) leaves the school, to which system, in what form
 * (pseudonym, initial, full name), for what purpose and for how long. In German and English, as
 * Markdown or HTML.
 *
 * <p><b>It follows the code, not a description of it.</b> Every row is read from what the adapter
 * would send: the display name and user ID of a sample person from
 * {@link SchoolConferences#joinRequest(Room, Person)}, the rooms each group may enter from the role
 * policy ({@link SchoolConferences#policyFor(School)}), the metadata, lobby and recording settings
 * of each room kind from {@link SchoolConferences#createRequest(Room)}, the periods from the
 * {@link RetentionPolicy}. Change a policy and the record changes with it.
 *
 * <pre>{@code
 * ProcessingRecord record = ProcessingRecord.builder(conferences)
 *         .retention(RetentionPolicy.defaults())
 *         .recipient("BigBlueButton-Cluster Nord (bbb-nord.schulportal.hessen.de)")
 *         .build();
 * Files.writeString(Path.of("vvt-bbb.html"), record.toHtml(Locale.GERMAN));
 * }</pre>
 *
 * <p>Immutable and thread-safe. It describes the general configuration; schools with an own role
 * policy get their record with {@link Builder#school(School)}.
 */
public final class ProcessingRecord {
    private static final String FIRST = "Maximilian";
    private static final String LAST = "Mustermann";
    private static final List<SchoolRole> GROUPS = List.of(SchoolRole.STUDENT, SchoolRole.PARENT, SchoolRole.TEACHER,
            SchoolRole.PRINCIPAL, SchoolRole.STAFF, SchoolRole.GUEST);

    private final SchoolConferences conferences;
    private final RetentionPolicy retention;
    private final List<String> recipients;
    private final List<Flow> flows;
    private final School school;

    private ProcessingRecord(Builder b) {
        this.conferences = b.conferences;
        this.retention = b.retention;
        this.recipients = List.copyOf(b.recipients);
        this.flows = List.copyOf(b.flows);
        this.school = b.school;
    }

    /**
     * Starts a record of the adapter's configuration.
     *
     * @param conferences the configured facade, as the portal uses it
     * @return a new builder
     * @throws NullPointerException if the facade is null
     */
    public static Builder builder(SchoolConferences conferences) {
        return new Builder(Objects.requireNonNull(conferences, "conferences"));
    }

    /**
     * Starts a record of flows only, for a component without the portal adapter (the gateway
     * describes itself with {@link Builder#flow(Flow)}).
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder(null);
    }

    /**
     * The record as Markdown.
     *
     * @param locale German ({@code de}) or anything else for English
     * @return the Markdown text
     * @throws NullPointerException naming {@code locale} if it is {@code null}
     */
    public String toMarkdown(Locale locale) {
        return Render.markdown(blocks(Texts.of(locale)));
    }

    /**
     * The record as a complete HTML page (UTF-8, no scripts, no external resources).
     *
     * @param locale German ({@code de}) or anything else for English
     * @return the HTML text
     * @throws NullPointerException naming {@code locale} if it is {@code null}
     */
    public String toHtml(Locale locale) {
        Texts t = Texts.of(locale);
        return Render.html(t.get("title"), t.lang(), blocks(t));
    }

    @Override
    public String toString() {
        return "ProcessingRecord{" + (conferences == null ? "flows only" : conferences) + ", retention=" + retention + ", recipients=" + recipients.size()
                + ", flows=" + flows.size() + '}';
    }

    // ---- the content ------------------------------------------------------------------------

    private List<Render.Block> blocks(Texts t) {
        List<Render.Block> out = new ArrayList<>();
        out.add(Render.heading(1, t.get("title")));
        out.add(Render.para(t.get("intro")));
        out.add(Render.heading(2, t.get("recipients.h")));
        out.add(Render.para(t.get("recipients.p")));
        List<List<String>> rec = new ArrayList<>();
        rec.add(List.of(t.get("recipient.bbb"), recipients.isEmpty() ? t.get("recipient.bbb.default") : String.join("; ", recipients),
                t.get("recipient.bbb.purpose")));
        for (Flow f : flows) {
            rec.add(List.of(f.system, f.text(t.lang(), "where"), f.text(t.lang(), "purpose")));
        }
        out.add(Render.table(List.of(t.get("col.system"), t.get("col.where"), t.get("col.purpose")), rec));

        if (conferences != null) {
            adapterSections(t, out);
        }
        out.add(Render.heading(2, t.get("periods.h")));
        List<List<String>> periods = new ArrayList<>();
        if (conferences != null) {
            boolean keepsEvents = !"false".equals(conferences.createRequest(Room.builder(sampleSchool(), "record-sample-room",
                    RoomKind.LESSON).title("Raum").build()).parameters().get("meetingKeepEvents"));
            periods.add(List.of(t.get("period.meeting.what"), t.get(keepsEvents ? "period.meeting.kept" : "period.meeting.how")));
        }
        periods.add(List.of(t.get("period.recording.what"), retention == null ? t.get("period.recording.none")
                : t.get("period.recording.how")));
        periods.add(List.of(t.get("period.audit.what"), t.get("period.audit.how")));
        out.add(Render.table(List.of(t.get("col.data"), t.get("col.howlong")), periods));

        for (Flow f : flows) {
            out.add(Render.heading(2, f.system));
            out.add(Render.para(f.text(t.lang(), "intro")));
            out.add(Render.table(List.of(t.get("col.data"), t.get("col.form"), t.get("col.purpose")), f.rows(t.lang())));
        }

        out.add(Render.heading(2, t.get("never.h")));
        out.add(Render.para(t.get("never.p")));
        out.add(Render.para(t.get("footer")));
        return out;
    }

    private void adapterSections(Texts t, List<Render.Block> out) {
        out.add(Render.heading(2, t.get("people.h")));
        out.add(Render.para(t.get("people.p")));
        List<List<String>> people = new ArrayList<>();
        for (SchoolRole role : GROUPS) {
            people.add(personRow(t, role));
        }
        out.add(Render.table(List.of(t.get("col.group"), t.get("col.rooms"), t.get("col.name"), t.get("col.form"),
                t.get("col.userid"), t.get("col.consent"), t.get("col.dashboard")), people));
        out.add(Render.para(t.get("people.after")));

        out.add(Render.heading(2, t.get("rooms.h")));
        out.add(Render.para(t.get("rooms.p")));
        List<List<String>> rooms = new ArrayList<>();
        for (RoomKind kind : RoomKind.values()) {
            rooms.add(roomRow(t, kind));
        }
        out.add(Render.table(List.of(t.get("col.kind"), t.get("col.meta"), t.get("col.record"), t.get("col.kept")), rooms));
    }

    private School sampleSchool() {
        return school != null ? school : School.of("record-of-processing");
    }

    private Room sampleRoom(RoomKind kind, SchoolRole role) {
        return Room.builder(sampleSchool(), "record-sample-room", kind).title("Raum")
                .options(RoomOptions.builder().guestsAllowed(role == SchoolRole.GUEST).recordingAllowed(true).build())
                .build();
    }

    private static Person sample(SchoolRole role, Relation relation) {
        return Person.builder("record-sample-" + role.name().toLowerCase(Locale.ROOT), role, relation).firstName(FIRST)
                .lastName(LAST).recordingConsent(false).build();
    }

    private List<String> personRow(Texts t, SchoolRole role) {
        Relation relation = role == SchoolRole.GUEST ? Relation.INVITED_GUEST : Relation.MEMBER;
        Person person = sample(role, relation);
        List<String> where = new ArrayList<>();
        JoinMeetingRequest seen = null;
        for (RoomKind kind : RoomKind.values()) {
            Room room = sampleRoom(kind, role);
            Optional<JoinMeetingRequest> join = conferences.joinRequest(room, person);
            if (join.isPresent()) {
                seen = seen == null ? join.get() : seen;
                where.add(t.kind(kind) + " (" + t.get("outcome." + conferences.decide(room, person).outcome().name()) + ")");
            }
        }
        // Organisers (a teacher who holds the room) always moderate; the row shows membership.
        if (seen == null) {
            Optional<JoinMeetingRequest> asOrganiser = role == SchoolRole.GUEST ? Optional.empty()
                    : conferences.joinRequest(sampleRoom(RoomKind.LESSON, role), sample(role, Relation.ORGANISER));
            if (asOrganiser.isEmpty()) {
                return List.of(t.group(role), t.get("rooms.none"), "–", "–", "–", "–", "–");
            }
            seen = asOrganiser.get();
            where.add(t.get("rooms.organiserOnly"));
        }
        Map<String, String> p = seen.parameters();
        String name = seen.fullName();
        String form = name.contains(LAST) ? t.get("form.full") : name.contains(LAST.charAt(0) + ".") ? t.get("form.initial")
                : name.contains(FIRST) ? t.get("form.first") : t.get("form.other");
        String marker = name.replace(FIRST, "").replace(LAST, "").replace(LAST.charAt(0) + ".", "").strip();
        if (!marker.isEmpty()) {
            form += ", " + t.get("form.marker") + " " + marker;
        }
        String userId = seen.parameters().getOrDefault("userID", "");
        Room a = sampleRoom(RoomKind.TUTORING, role);
        Room b = Room.builder(sampleSchool(), "record-sample-other-room", RoomKind.TUTORING).title("Raum")
                .options(a.options()).build();
        Optional<JoinMeetingRequest> other = conferences.joinRequest(b, person);
        Optional<JoinMeetingRequest> first = conferences.joinRequest(a, person);
        String scope = first.isPresent() && other.isPresent()
                && first.get().parameters().get("userID").equals(other.get().parameters().get("userID"))
                ? t.get("userid.school") : t.get("userid.room");
        String idText = t.get("userid.pseudonym") + " (" + (userId.length() > 3 ? userId.substring(0, 3) + "…" : "") + "), "
                + scope;
        List<String> consent = new ArrayList<>();
        if ("false".equals(p.get("userdata-bbb_record_video"))) {
            consent.add(t.get("consent.webcam"));
        }
        if ("true".equals(p.get("userdata-bbb_force_listen_only"))) {
            consent.add(t.get("consent.listenOnly"));
        } else {
            consent.add(t.get("consent.voice"));
        }
        String dashboard = "true".equals(p.get("excludeFromDashboard")) ? t.get("dashboard.excluded") : t.get("dashboard.included");
        return List.of(t.group(role), String.join(", ", where), name, form, idText, String.join("; ", consent), dashboard);
    }

    private List<String> roomRow(Texts t, RoomKind kind) {
        Room plain = Room.builder(sampleSchool(), "record-sample-room", kind).title("Raum").build();
        Room recorded = Room.builder(sampleSchool(), "record-sample-room", kind).title("Raum")
                .options(RoomOptions.builder().recordingAllowed(true).build()).build();
        CreateMeetingRequest c = conferences.createRequest(plain);
        CreateMeetingRequest r = conferences.createRequest(recorded);
        List<String> meta = new ArrayList<>();
        c.metadata().forEach((k, v) -> meta.add(k + (k.startsWith("room-") ? "" : "=" + v)));
        List<String> rec = new ArrayList<>();
        rec.add("true".equals(c.parameters().get("record")) ? t.get("record.always") : t.get("record.optIn"));
        if ("true".equals(r.parameters().get("notifyRecordingIsOn"))) {
            rec.add(t.get("record.notice"));
        }
        if ("false".equals(r.parameters().get("autoStartRecording"))) {
            rec.add(t.get("record.manualStart"));
        }
        List<String> disabled = Arrays.asList(c.parameters().getOrDefault("disabledFeatures", "").split(","));
        if (disabled.contains("learningDashboard")) {
            rec.add(t.get("dashboard.off"));
        }
        String kept = retention == null ? t.get("period.recording.none") : days(t, retention.period(kind));
        return List.of(t.kind(kind), String.join(", ", meta), String.join("; ", rec), kept);
    }

    private static String days(Texts t, Duration d) {
        if (d.isZero()) {
            return t.get("kept.zero");
        }
        long days = d.toDays();
        return days + " " + t.get(days == 1 ? "kept.day" : "kept.days");
    }

    /**
     * Configures a {@link ProcessingRecord}. Each setter returns this builder; {@code recipient} and
     * {@code flow} add one entry, the others replace the value set before. A {@code null} argument
     * throws {@link NullPointerException} naming it. Not thread-safe.
     */
    public static final class Builder {
        private final SchoolConferences conferences;
        private RetentionPolicy retention;
        private final List<String> recipients = new ArrayList<>();
        private final List<Flow> flows = new ArrayList<>();
        private School school;

        private Builder(SchoolConferences conferences) {
            this.conferences = conferences;
        }

        /**
         * The retention policy in force. Without one the record says that recordings are not
         * deleted automatically.
         */
        public Builder retention(RetentionPolicy value) {
            this.retention = Objects.requireNonNull(value, "retention");
            return this;
        }

        /**
         * A BigBlueButton system the data goes to, as the record should name it (operator and
         * host, never a secret).
         *
         * @param description e.g. {@code "Landes-Scalelite (bbb.schulportal.hessen.de)"}
         */
        public Builder recipient(String description) {
            recipients.add(Objects.requireNonNull(description, "recipient"));
            return this;
        }

        /**
         * A further flow to record, described by the component that makes it (the gateway adds
         * its own).
         */
        public Builder flow(Flow value) {
            flows.add(Objects.requireNonNull(value, "flow"));
            return this;
        }

        /**
         * The school whose policies the record shows (one with an own role policy). Default the
         * general configuration.
         */
        public Builder school(School value) {
            this.school = Objects.requireNonNull(value, "school");
            return this;
        }

        /**
         * Builds the record.
         *
         * @return the record
         */
        public ProcessingRecord build() {
            return new ProcessingRecord(this);
        }
    }
}
