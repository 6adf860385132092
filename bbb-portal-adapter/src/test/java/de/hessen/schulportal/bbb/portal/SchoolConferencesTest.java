// SPDX-License-Identifier: Apache-2.0
package de.hessen.schulportal.bbb.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.hessen.schulportal.bbb.client.BbbClient;
import de.hessen.schulportal.bbb.client.SignedUrl;
import de.hessen.schulportal.bbb.client.meeting.CreateMeetingRequest;
import de.hessen.schulportal.bbb.client.meeting.GuestStatus;
import de.hessen.schulportal.bbb.client.meeting.JoinMeetingRequest;
import de.hessen.schulportal.bbb.client.meeting.Role;
import de.hessen.schulportal.bbb.portal.Decision.Outcome;
import de.hessen.schulportal.bbb.portal.JoinOutcome.Kind;
import de.hessen.schulportal.bbb.testkit.BbbSimulator;
import de.hessen.schulportal.bbb.testkit.BbbSimulatorExtension;
import de.hessen.schulportal.bbb.testkit.SimulatedAttendee;
import de.hessen.schulportal.bbb.testkit.SimulatedMeeting;
import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** End to end against the bbb-testkit simulator: the facade, the client and a server that judges like bbb-web. */
@ExtendWith(BbbSimulatorExtension.class)
class SchoolConferencesTest {
    static BbbSimulator sim;
    static BbbClient bbb;
    static SchoolConferences conferences;
    static final School SCHOOL = School.of("6021", "Goethe-Schule Musterstadt");
    static final AtomicInteger ROOMS = new AtomicInteger();
    static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @BeforeAll
    static void setUp() {
        bbb = BbbClient.builder().baseUrl(sim.baseUrl()).secret(sim.secret()).build();
        conferences = SchoolConferences.builder()
                .tenants(TenantDirectory.single(bbb))
                .pseudonyms(Pseudonyms.of(PseudonymsTest.KEY))
                .build();
    }

    @AfterAll
    static void tearDown() {
        bbb.close();
    }

    static Room room(RoomKind kind, RoomOptions options) {
        return Room.builder(SCHOOL, "room-" + ROOMS.incrementAndGet(), kind).title("Klasse 7b – Mathematik")
                .options(options).build();
    }

    static Person person(String id, SchoolRole role, Relation relation) {
        return Person.builder(id, role, relation).firstName("Vorname" + id).lastName("Nachname" + id).build();
    }

    /** Opens the session URL as a browser would: without the join answer's cookie, which stays on the server. */
    static void open(JoinOutcome outcome) {
        assertThat(outcome.kind()).as(outcome.toString()).isEqualTo(Kind.SESSION);
        try {
            HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(outcome.sessionUrl().orElseThrow()).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
            assertThat(r.body()).contains(outcome.guestStatus().orElseThrow() == GuestStatus.WAIT
                    ? "data-state=\"guestWait\"" : "data-state=\"client\"");
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The parameters of the last join the simulator received for the outcome's meeting: what the adapter sent. */
    static Map<String, String> query(JoinOutcome outcome) {
        List<Map<String, String>> joins = joins(outcome.meetingId());
        assertThat(joins).as("a join of meeting " + outcome.meetingId()).isNotEmpty();
        return joins.get(joins.size() - 1);
    }

    /** The parameters of every join the simulator received for a meeting, in order. */
    static List<Map<String, String>> joins(String meetingId) {
        List<Map<String, String>> out = new ArrayList<>();
        for (var r : sim.requests()) {
            if (r.callName().orElse("").equals("join")) {
                Map<String, String> params = parse(r.rawQuery().orElse(""));
                if (meetingId.equals(params.get("meetingID"))) {
                    out.add(params);
                }
            }
        }
        return out;
    }

    static void open(SignedUrl url) {
        try {
            HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(url.toUri()).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).as(r.body()).isEqualTo(302);
            assertThat(r.headers().firstValue("Location").orElseThrow()).contains("html5client/join?sessionToken=");
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static Map<String, String> query(SignedUrl url) {
        return parse(url.toUri().getRawQuery());
    }

    static Map<String, String> parse(String raw) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            out.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                    URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return out;
    }

    static SimulatedMeeting meeting(Room room) {
        return sim.meeting(conferences.meetingId(room)).orElseThrow();
    }

    @Test
    void lesson_studentsWaitUntilTeacherStarts_thenJoinAsViewers() {
        Room lesson = room(RoomKind.LESSON, RoomOptions.defaults());
        Person teacher = person("t1", SchoolRole.TEACHER, Relation.ORGANISER);
        Person kim = person("s1", SchoolRole.STUDENT, Relation.MEMBER);
        Person ali = person("s2", SchoolRole.STUDENT, Relation.MEMBER);

        JoinOutcome early = conferences.join(lesson, kim);
        assertThat(early.kind()).isEqualTo(Kind.WAIT_FOR_START);
        assertThat(early.sessionUrl()).isEmpty();
        assertThat(early.decision().outcome()).isEqualTo(Outcome.VIEWER);
        assertThat(sim.meeting(conferences.meetingId(lesson))).as("a student never creates the meeting").isEmpty();

        JoinOutcome t = conferences.join(lesson, teacher);
        assertThat(t.kind()).isEqualTo(Kind.SESSION);
        assertThat(t.bbbRole()).contains(Role.MODERATOR);
        assertThat(t.hasStartedMeeting()).isTrue();
        SimulatedMeeting created = meeting(lesson);
        assertThat(created.createParameters())
                .containsEntry("endWhenNoModerator", "true")
                .containsEntry("muteOnStart", "true")
                .containsEntry("webcamsOnlyForModerator", "true")
                .containsEntry("record", "false")
                .containsEntry("guestPolicy", "ALWAYS_ACCEPT")
                .containsEntry("allowPromoteGuestToModerator", "false")
                .doesNotContainKey("notifyRecordingIsOn");
        assertThat(created.createParameters().get("disabledFeatures").split(","))
                .contains("privateChat", "learningDashboard");
        assertThat(created.metadata()).containsOnlyKeys("bbb-origin", "bbb-origin-version", "room-kind", "room-lobby",
                        "room-record", "room-settings", "room-school")
                .containsEntry("room-school", Pseudonyms.of(PseudonymsTest.KEY).schoolId(lesson.school()))
                .containsEntry("room-kind", "lesson").containsEntry("room-lobby", "false").containsEntry("room-record", "false");
        assertThat(created.metadata().get("room-settings")).matches("[0-9a-f]{16}");
        assertThat(created.name()).isEqualTo("Klasse 7b – Mathematik");

        assertThat(meeting(lesson).attendees()).as("the teacher joined on the server at the click")
                .extracting(SimulatedAttendee::role).containsExactly("MODERATOR");
        open(t);
        JoinOutcome k = conferences.join(lesson, kim);
        JoinOutcome a = conferences.join(lesson, ali);
        assertThat(k.bbbRole()).contains(Role.VIEWER);
        assertThat(k.isViaLobby()).isFalse();
        assertThat(k.hasStartedMeeting()).isFalse();
        open(k);
        open(a);

        List<SimulatedAttendee> attendees = meeting(lesson).attendees();
        assertThat(attendees).extracting(SimulatedAttendee::role).containsExactly("MODERATOR", "VIEWER", "VIEWER");
        assertThat(attendees).extracting(SimulatedAttendee::fullName)
                .containsExactly("Vornamet1 Nachnamet1 (Lehrkraft)", "Vornames1 N.", "Vornames2 N.");
        assertThat(attendees).extracting(SimulatedAttendee::userId).allMatch(id -> id.matches("(te|st)-[a-z2-7]{26}"));
        assertThat(attendees).noneMatch(SimulatedAttendee::isGuest);

        RoomStatus status = conferences.status(lesson);
        assertThat(status.isRunning()).isTrue();
        assertThat(status.moderatorCount()).isEqualTo(1);
        assertThat(status.viewerCount()).isEqualTo(2);
        assertThat(status.participantCount()).isEqualTo(3);
        assertThat(status.countsBySchoolRole()).containsEntry(SchoolRole.TEACHER, 1).containsEntry(SchoolRole.STUDENT, 2)
                .containsEntry(SchoolRole.PARENT, 0);
        assertThat(status.unidentified()).isZero();
        assertThat(status.isRecording()).isFalse();

        assertThat(conferences.end(lesson)).isTrue();
        assertThat(conferences.status(lesson).isRunning()).isFalse();
        assertThat(conferences.join(lesson, kim).kind()).isEqualTo(Kind.WAIT_FOR_START);
    }

    @Test
    void staffDeniedInLesson_withReason_andNoServerCall() {
        Room lesson = room(RoomKind.LESSON, RoomOptions.defaults());
        sim.clearRequests();
        JoinOutcome o = conferences.join(lesson, person("x", SchoolRole.STAFF, Relation.MEMBER));
        assertThat(o.kind()).isEqualTo(Kind.DENIED);
        assertThat(o.decision().reason()).isEqualTo("A staff member may not join a lesson.");
        assertThat(o.sessionUrl()).isEmpty();
        assertThat(sim.requestCount()).isZero();
        assertThat(conferences.join(lesson, person("y", SchoolRole.TEACHER, Relation.NONE)).kind()).isEqualTo(Kind.DENIED);
    }

    @Test
    void parentsEvening_parentWaitsInLobby_teacherAdmitsOneFamily() {
        Room consultation = room(RoomKind.CONSULTATION, RoomOptions.defaults());
        Person teacher = person("t2", SchoolRole.TEACHER, Relation.ORGANISER);
        Person mother = person("p1", SchoolRole.PARENT, Relation.MEMBER);
        Person father = person("p2", SchoolRole.PARENT, Relation.MEMBER);

        assertThat(conferences.join(consultation, mother).kind()).isEqualTo(Kind.WAIT_FOR_START);
        open(conferences.join(consultation, teacher));
        assertThat(meeting(consultation).guestPolicy()).isEqualTo("ASK_MODERATOR");

        JoinOutcome m = conferences.join(consultation, mother);
        JoinOutcome f = conferences.join(consultation, father);
        assertThat(m.isViaLobby()).isTrue();
        assertThat(m.bbbRole()).contains(Role.VIEWER);
        assertThat(query(m)).containsEntry("guest", "true");
        open(m);
        open(f);
        SimulatedMeeting waiting = meeting(consultation);
        assertThat(waiting.lobby()).extracting(SimulatedAttendee::fullName)
                .containsExactly("Vornamep1 Nachnamep1 (Eltern)", "Vornamep2 Nachnamep2 (Eltern)");
        assertThat(waiting.attendees()).hasSize(1);

        String motherId = waiting.lobby().get(0).userId();
        assertThat(sim.approveGuest(conferences.meetingId(consultation), motherId)).isTrue();
        SimulatedMeeting admitted = meeting(consultation);
        assertThat(admitted.attendees()).extracting(SimulatedAttendee::userId).contains(motherId);
        assertThat(admitted.lobby()).hasSize(1);
        RoomStatus status = conferences.status(consultation);
        assertThat(status.countsBySchoolRole()).containsEntry(SchoolRole.PARENT, 1).containsEntry(SchoolRole.TEACHER, 1);
    }

    /**
     * A running meeting keeps the guest policy it was created with. Allowing guests (or sending
     * everyone to the lobby) after the start must not hand out links that enter directly.
     */
    @Test
    void optionsChangedWhileRunning_guestIsRefused_notLetInWithoutLobby() {
        Room closed = room(RoomKind.LESSON, RoomOptions.defaults());
        open(conferences.join(closed, person("t20", SchoolRole.TEACHER, Relation.ORGANISER)));
        assertThat(meeting(closed).guestPolicy()).isEqualTo("ALWAYS_ACCEPT");

        Room nowOpen = closed.toBuilder().options(RoomOptions.builder().guestsAllowed(true).build()).build();
        Person interpreter = Person.builder("g20", SchoolRole.GUEST, Relation.INVITED_GUEST).firstName("Jana").lastName("Roth")
                .build();
        JoinOutcome g = conferences.join(nowOpen, interpreter);
        assertThat(g.kind()).isEqualTo(Kind.DENIED);
        assertThat(g.sessionUrl()).isEmpty();
        assertThat(g.decision().reasonCode()).isEqualTo(Decision.LOBBY_NOT_AVAILABLE);
        assertThat(g.decision().reason(java.util.Locale.GERMAN)).contains("ohne Warteraum");

        Room everyoneToLobby = closed.toBuilder().options(RoomOptions.builder().everyoneToLobby(true).build()).build();
        assertThat(conferences.join(everyoneToLobby, person("s20", SchoolRole.STUDENT, Relation.MEMBER)).decision().reasonCode())
                .isEqualTo(Decision.LOBBY_NOT_AVAILABLE);
        // The decision was made for a room that allows guests; the meeting runs without: members are
        // refused too, and so is a second teacher, until the meeting is started anew.
        JoinOutcome member = conferences.join(nowOpen, person("s21", SchoolRole.STUDENT, Relation.MEMBER));
        assertThat(member.kind()).isEqualTo(Kind.DENIED);
        assertThat(member.decision().reasonCode()).isEqualTo(Decision.ROOM_SETTINGS_DIFFER);
        assertThat(member.decision().reason(java.util.Locale.GERMAN)).contains("mit anderen Einstellungen");
        JoinOutcome colleague = conferences.join(nowOpen, person("t21", SchoolRole.TEACHER, Relation.MEMBER));
        assertThat(colleague.decision().reasonCode()).isEqualTo(Decision.ROOM_SETTINGS_DIFFER);
        assertThat(colleague.sessionUrl()).isEmpty();
        // The room as it was created still works.
        assertThat(conferences.join(closed, person("s21", SchoolRole.STUDENT, Relation.MEMBER)).kind()).isEqualTo(Kind.SESSION);
        assertThat(meeting(closed).attendees()).extracting(SimulatedAttendee::role).containsExactly("MODERATOR", "VIEWER");
        conferences.end(nowOpen);
        open(conferences.join(nowOpen, person("t20", SchoolRole.TEACHER, Relation.ORGANISER)));
        JoinOutcome later = conferences.join(nowOpen, interpreter);
        assertThat(later.isViaLobby()).isTrue();
        open(later);
        assertThat(meeting(nowOpen).lobby()).extracting(SimulatedAttendee::fullName).containsExactly("Jana Roth (Gast)");
    }

    /**
     * Issue 12 item 6: the same room ID asked for as another kind never enters the running meeting.
     * Two defences: the kind is part of the meeting ID, and a meeting is judged by the kind read
     * back from its metadata.
     */
    @Test
    void otherKind_neverEntersTheRunningMeeting() {
        Room staff = Room.builder(SCHOOL, "lehrerzimmer", RoomKind.STAFF_MEETING).build();
        Room asLesson = Room.builder(SCHOOL, "lehrerzimmer", RoomKind.LESSON).build();
        open(conferences.join(staff, person("t30", SchoolRole.TEACHER, Relation.MEMBER)));
        assertThat(conferences.meetingId(asLesson)).isNotEqualTo(conferences.meetingId(staff));
        JoinOutcome pupil = conferences.join(asLesson, person("s30", SchoolRole.STUDENT, Relation.MEMBER));
        assertThat(pupil.kind()).isEqualTo(Kind.WAIT_FOR_START);
        assertThat(pupil.meetingId()).isNotEqualTo(conferences.meetingId(staff));
        assertThat(meeting(staff).attendees()).hasSize(1);
    }

    /** The read-back alone refuses a kind mismatch: a meeting whose metadata says another kind. */
    @Test
    void kindReadBack_refusesEveryJoin_whenTheRunningMeetingIsAnotherKind() throws Exception {
        Room lesson = room(RoomKind.LESSON, RoomOptions.defaults());
        // Created under the lesson's meeting ID as another kind, as an older adapter without the
        // kind in the meeting ID would have done for a staff meeting of the same room ID.
        CreateMeetingRequest asLesson = conferences.createRequest(lesson);
        Map<String, String> meta = new LinkedHashMap<>(asLesson.metadata());
        meta.put("room-kind", "staff_meeting");
        long createTime = bbb.create(CreateMeetingRequest.builder(asLesson.meetingId(), "Dienstbesprechung").meta(meta)
                .build()).createTime();
        open(bbb.joinUrl(JoinMeetingRequest.builder(asLesson.meetingId(), "Petra Schmidt", Role.MODERATOR).userId("te-x")
                .createTime(createTime).build()));

        for (Person p : List.of(person("s31", SchoolRole.STUDENT, Relation.MEMBER),
                person("t31", SchoolRole.TEACHER, Relation.ORGANISER))) {
            JoinOutcome o = conferences.join(lesson, p);
            assertThat(o.kind()).as(p.toString()).isEqualTo(Kind.DENIED);
            assertThat(o.decision().reasonCode()).isEqualTo(Decision.ROOM_KIND_DIFFERS);
            assertThat(o.decision().reason()).contains("another kind of room");
            assertThat(o.decision().reason(java.util.Locale.GERMAN)).contains("andere Art von Raum");
            JoinOutcome later = conferences.async().join(lesson, p).get(10, TimeUnit.SECONDS);
            assertThat(later.decision().reasonCode()).as("async").isEqualTo(Decision.ROOM_KIND_DIFFERS);
            assertThat(later.sessionUrl()).isEmpty();
        }
        assertThat(meeting(lesson).attendees()).hasSize(1);
    }

    /** Recording switched off while the meeting runs: the join is judged by how the meeting was created. */
    @Test
    void recordingTurnedOffWhileRunning_viewerIsRefused_andListensOnlyInTheRoomAsCreated() {
        SchoolConferences strict = SchoolConferences.builder().tenants(TenantDirectory.single(bbb))
                .pseudonyms(Pseudonyms.of(PseudonymsTest.KEY)).nonConsentingListenOnly(true).build();
        Room recorded = room(RoomKind.TUTORING, RoomOptions.builder().recordingAllowed(true).build());
        open(strict.join(recorded, person("t21", SchoolRole.TEACHER, Relation.ORGANISER)));
        assertThat(meeting(recorded).metadata()).containsEntry("room-record", "true");
        Room nowUnrecorded = recorded.toBuilder().options(RoomOptions.defaults()).build();
        assertThat(strict.join(nowUnrecorded, person("s22", SchoolRole.STUDENT, Relation.MEMBER)).decision().reasonCode())
                .isEqualTo(Decision.ROOM_SETTINGS_DIFFER);
        assertThat(query(strict.join(recorded, person("s22", SchoolRole.STUDENT, Relation.MEMBER))))
                .containsEntry("userdata-bbb_force_listen_only", "true");
    }

    /** Issue 13: null is a NullPointerException naming the parameter, in the facade and its async view. */
    @Test
    void nullArguments_throwNullPointerExceptionNamingTheParameter() {
        Room lesson = room(RoomKind.LESSON, RoomOptions.defaults());
        Person kim = person("s40", SchoolRole.STUDENT, Relation.MEMBER);
        assertThatThrownBy(() -> conferences.join(null, kim)).isInstanceOf(NullPointerException.class).hasMessage("room");
        assertThatThrownBy(() -> conferences.join(lesson, null)).isInstanceOf(NullPointerException.class)
                .hasMessage("person");
        assertThatThrownBy(() -> conferences.async().join(lesson, null)).isInstanceOf(NullPointerException.class)
                .hasMessage("person");
        assertThatThrownBy(() -> conferences.async().end(null)).isInstanceOf(NullPointerException.class)
                .hasMessage("room");
        assertThatThrownBy(() -> conferences.status(null)).isInstanceOf(NullPointerException.class).hasMessage("room");
        assertThatThrownBy(() -> SchoolConferences.builder().runningMeetingCache(Duration.ofMinutes(2)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("runningMeetingCache");
    }

    @Test
    void reservedMetadataKeys_cannotBeSetByCallers() {
        for (String key : List.of("room-kind", "room-lobby", "room-record")) {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> MetadataPolicy.defaults().allow(key))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("reserved");
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> conferences.createRequest(room(RoomKind.LESSON,
                    RoomOptions.builder().metadata(key, "true").build())))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(key);
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> SchoolConferences.builder().metadata(key, "x"))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("reserved");
        }
    }

    @Test
    void invitedGuest_onlyThroughLobby_andOnlyWhereAllowed() {
        Room closed = room(RoomKind.TUTORING, RoomOptions.defaults());
        Person interpreter = Person.builder("g1", SchoolRole.GUEST, Relation.INVITED_GUEST).firstName("Jana").lastName("Roth").build();
        assertThat(conferences.join(closed, interpreter).kind()).isEqualTo(Kind.DENIED);

        Room open = room(RoomKind.TUTORING, RoomOptions.builder().guestsAllowed(true).build());
        open(conferences.join(open, person("t3", SchoolRole.TEACHER, Relation.ORGANISER)));
        JoinOutcome g = conferences.join(open, interpreter);
        assertThat(g.isViaLobby()).isTrue();
        open(g);
        assertThat(meeting(open).lobby()).singleElement()
                .satisfies(a -> assertThat(a.fullName()).isEqualTo("Jana Roth (Gast)"))
                .satisfies(a -> assertThat(a.role()).isEqualTo("VIEWER"));
    }

    @Test
    void twoTeachersStartingAtOnce_oneMeeting_bothModerators() throws Exception {
        Room lesson = room(RoomKind.LESSON, RoomOptions.defaults());
        ExecutorService pool = Executors.newFixedThreadPool(2);
        CountDownLatch go = new CountDownLatch(1);
        try {
            List<Future<JoinOutcome>> results = new ArrayList<>();
            for (String id : new String[] {"ta", "tb"}) {
                results.add(pool.submit(() -> {
                    go.await();
                    return conferences.join(lesson, person(id, SchoolRole.TEACHER, Relation.MEMBER));
                }));
            }
            go.countDown();
            JoinOutcome a = results.get(0).get(10, TimeUnit.SECONDS);
            JoinOutcome b = results.get(1).get(10, TimeUnit.SECONDS);
            assertThat(List.of(a.hasStartedMeeting(), b.hasStartedMeeting())).containsExactlyInAnyOrder(true, false);
            assertThat(joins(a.meetingId())).extracting(j -> j.get("createTime")).hasSize(2).containsOnly(
                    Long.toString(meeting(lesson).createTime()));
            open(a);
            open(b);
        } finally {
            pool.shutdownNow();
        }
        String meetingId = conferences.meetingId(lesson);
        assertThat(sim.meetings()).filteredOn(m -> m.meetingId().equals(meetingId)).hasSize(1);
        assertThat(meeting(lesson).attendees()).extracting(SimulatedAttendee::role).containsExactly("MODERATOR", "MODERATOR");
    }

    @Test
    void recordingAllowed_nonConsentingPersonJoinsWithoutVideoRecording() {
        Room recorded = room(RoomKind.TUTORING, RoomOptions.builder().recordingAllowed(true).build());
        Person teacher = Person.builder("t4", SchoolRole.TEACHER, Relation.ORGANISER).firstName("Petra").lastName("Schmidt")
                .recordingConsent(true).build();
        Person noConsent = person("s4", SchoolRole.STUDENT, Relation.MEMBER);
        Person consent = noConsent.toBuilder().recordingConsent(true).build();

        JoinOutcome t = conferences.join(recorded, teacher);
        assertThat(t.isRecordingRestricted()).isFalse();
        open(t);
        assertThat(meeting(recorded).createParameters())
                .containsEntry("record", "true")
                .containsEntry("notifyRecordingIsOn", "true")
                .containsEntry("autoStartRecording", "false")
                .containsEntry("recordFullDurationMedia", "false");
        assertThat(meeting(recorded).isRecording()).isTrue();

        JoinOutcome n = conferences.join(recorded, noConsent);
        assertThat(n.isRecordingRestricted()).isTrue();
        open(n);
        SimulatedAttendee restricted = meeting(recorded).attendees().get(1);
        assertThat(restricted.customData()).containsEntry("bbb_record_video", "false")
                .doesNotContainKey("bbb_force_listen_only");
        assertThat(meeting(recorded).attendees().get(0).customData()).doesNotContainKey("bbb_record_video");
        assertThat(query(conferences.join(recorded, consent)))
                .doesNotContainKey("userdata-bbb_record_video");
        assertThat(conferences.status(recorded).isRecording()).isTrue();

        SchoolConferences strict = SchoolConferences.builder().tenants(TenantDirectory.single(bbb))
                .pseudonyms(Pseudonyms.of(PseudonymsTest.KEY)).nonConsentingListenOnly(true).build();
        assertThat(query(strict.join(recorded, noConsent)))
                .containsEntry("userdata-bbb_record_video", "false")
                .containsEntry("userdata-bbb_force_listen_only", "true");
        Room unrecorded = room(RoomKind.TUTORING, RoomOptions.defaults());
        assertThat(query(strict.join(unrecorded, teacher.toBuilder().recordingConsent(false).build())))
                .doesNotContainKey("userdata-bbb_force_listen_only");
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {11L, 12L, 13L, 14L, 15L, 16L, 17L, 18L})
    void property_noPersonalDataInJoinUrl_exceptFullName(long seed) {
        Random rnd = new Random(seed);
        School school = School.of("schule-" + Long.toHexString(rnd.nextLong()), "Schule " + rnd.nextInt(1000));
        RoomKind kind = RoomKind.values()[rnd.nextInt(RoomKind.values().length)];
        Room room = Room.builder(school, "raum-" + Long.toHexString(rnd.nextLong()), kind)
                .options(RoomOptions.builder().guestsAllowed(true).recordingAllowed(rnd.nextBoolean()).build()).build();
        conferences.join(room, person("org-" + seed, SchoolRole.PRINCIPAL, Relation.ORGANISER));
        open(conferences.join(room, person("org-" + seed, SchoolRole.PRINCIPAL, Relation.ORGANISER)));
        for (int i = 0; i < 10; i++) {
            SchoolRole role = SchoolRole.values()[rnd.nextInt(SchoolRole.values().length)];
            Relation relation = role == SchoolRole.GUEST ? Relation.INVITED_GUEST
                    : rnd.nextBoolean() ? Relation.MEMBER : Relation.ORGANISER;
            String personId = "person." + Long.toHexString(rnd.nextLong()) + "@schule.example";
            String first = PseudonymsTest.randomId(rnd);
            String last = "Zz" + PseudonymsTest.randomId(rnd);
            Person p = Person.builder(personId, role, relation).firstName(first).lastName(last)
                    .recordingConsent(rnd.nextBoolean()).build();
            JoinOutcome o = conferences.join(room, p);
            String at = "seed=" + seed + " i=" + i + " " + p + " " + o;
            if (o.kind() != Kind.SESSION) {
                continue;
            }
            Map<String, String> params = query(o);
            assertThat(params.keySet()).as(at).doesNotContain("avatarURL", "firstName", "lastName", "email");
            for (Map.Entry<String, String> e : params.entrySet()) {
                if (e.getKey().equals("fullName")) {
                    continue;
                }
                for (String secret : new String[] {personId, first, last, school.id(), room.id(), room.title(),
                        school.displayName().orElseThrow(), "schule.example"}) {
                    assertThat(e.getValue()).as(at + " param " + e.getKey()).doesNotContain(secret);
                }
            }
            assertThat(params.get("fullName")).as(at).doesNotContain(personId).doesNotContain(school.id());
            if (role == SchoolRole.STUDENT) {
                assertThat(params.get("fullName")).as(at).doesNotContain(last);
            }
            assertThat(params).as(at).containsKeys("createTime", "userID", "guest");
        }
        for (Map.Entry<String, String> e : meeting(room).createParameters().entrySet()) {
            if (e.getKey().equals("name")) {
                continue;
            }
            assertThat(e.getValue()).as("create " + e.getKey()).doesNotContain(school.id()).doesNotContain(room.id())
                    .doesNotContain("Schule ");
        }
    }

    @Test
    void oldLink_neverEntersALaterMeeting() {
        Room lesson = room(RoomKind.LESSON, RoomOptions.defaults());
        Person teacher = person("t5", SchoolRole.TEACHER, Relation.ORGANISER);
        JoinOutcome first = conferences.join(lesson, teacher);
        open(first);
        conferences.end(lesson);
        JoinOutcome second = conferences.join(lesson, teacher);
        assertThat(second.hasStartedMeeting()).isTrue();
        List<Map<String, String>> joins = joins(first.meetingId());
        assertThat(joins.get(joins.size() - 1).get("createTime")).isNotEqualTo(joins.get(0).get("createTime"));
        try {
            HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(first.sessionUrl().orElseThrow()).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).isEqualTo(401);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void async_sameOutcomesAsSync() throws Exception {
        Room lesson = room(RoomKind.LESSON, RoomOptions.defaults());
        Person teacher = person("t6", SchoolRole.TEACHER, Relation.ORGANISER);
        Person kim = person("s6", SchoolRole.STUDENT, Relation.MEMBER);
        assertThat(conferences.async().join(lesson, kim).get(5, TimeUnit.SECONDS).kind()).isEqualTo(Kind.WAIT_FOR_START);
        assertThat(conferences.async().status(lesson).get(5, TimeUnit.SECONDS).isRunning()).isFalse();
        assertThat(conferences.async().end(lesson).get(5, TimeUnit.SECONDS)).isFalse();
        JoinOutcome t = conferences.async().join(lesson, teacher).get(5, TimeUnit.SECONDS);
        assertThat(t.hasStartedMeeting()).isTrue();
        open(t);
        JoinOutcome k = conferences.async().join(lesson, kim).get(5, TimeUnit.SECONDS);
        assertThat(k.bbbRole()).contains(Role.VIEWER);
        open(k);
        assertThat(conferences.async().status(lesson).get(5, TimeUnit.SECONDS).participantCount()).isEqualTo(2);
        assertThat(conferences.async().join(lesson, person("z", SchoolRole.PARENT, Relation.MEMBER)).get().kind())
                .isEqualTo(Kind.DENIED);
        assertThat(conferences.async().end(lesson).get(5, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void tenants_perSchool_unknownSchoolFails() throws Exception {
        BbbSimulator other = BbbSimulator.start();
        try (BbbClient otherClient = BbbClient.builder().baseUrl(other.baseUrl()).secret(other.secret()).build()) {
            SchoolConferences split = SchoolConferences.builder()
                    .tenants(TenantDirectory.builder().school("6021", bbb).school("7000", otherClient).build())
                    .pseudonyms(Pseudonyms.of(PseudonymsTest.KEY))
                    .build();
            Room north = Room.builder(School.of("7000"), "r", RoomKind.LESSON).build();
            split.join(north, person("t7", SchoolRole.TEACHER, Relation.ORGANISER));
            assertThat(other.meeting(split.meetingId(north))).isPresent();
            assertThat(sim.meeting(split.meetingId(north))).isEmpty();
            Room unknown = Room.builder(School.of("9999"), "r", RoomKind.LESSON).build();
            Person t = person("t8", SchoolRole.TEACHER, Relation.ORGANISER);
            assertThatThrownBy(() -> split.join(unknown, t)).isInstanceOf(TenantNotFoundException.class)
                    .hasMessageContaining("9999");
            assertThat(split.async().join(unknown, t)).isCompletedExceptionally();
        } finally {
            other.close();
        }
    }

    @Test
    void perSchoolPolicy_andMetadataAllowList() {
        SchoolConferences custom = SchoolConferences.builder()
                .tenants(TenantDirectory.single(bbb))
                .pseudonyms(Pseudonyms.of(PseudonymsTest.KEY))
                .schoolPolicy("6021", RolePolicy.builder().member(RoomKind.CONFERENCE, SchoolRole.TEACHER, Outcome.MODERATOR).build())
                .metadataPolicy(MetadataPolicy.defaults().allow("school-tenant"))
                .metadata("school-tenant", "nord-3")
                .build();
        Room conference = room(RoomKind.CONFERENCE, RoomOptions.defaults());
        Person teacher = person("t9", SchoolRole.TEACHER, Relation.MEMBER);
        assertThat(custom.decide(conference, teacher).outcome()).isEqualTo(Outcome.MODERATOR);
        assertThat(conferences.decide(conference, teacher).outcome()).isEqualTo(Outcome.VIEWER);
        Room otherSchool = Room.builder(School.of("6022"), "k", RoomKind.CONFERENCE).build();
        assertThat(custom.decide(otherSchool, teacher).outcome()).isEqualTo(Outcome.VIEWER);
        assertThat(custom.createRequest(conference).metadata()).containsEntry("school-tenant", "nord-3");

        assertThatThrownBy(() -> SchoolConferences.builder().tenants(TenantDirectory.single(bbb))
                .pseudonyms(Pseudonyms.of(PseudonymsTest.KEY)).metadata("teacher", "schmidt").build())
                .hasMessageContaining("not on the allow-list");
        Room withBadMeta = room(RoomKind.LESSON, RoomOptions.builder().metadata("class-name", "7b").build());
        assertThatThrownBy(() -> conferences.createRequest(withBadMeta)).hasMessageContaining("class-name");
        assertThatThrownBy(() -> SchoolConferences.builder().pseudonyms(Pseudonyms.of(PseudonymsTest.KEY)).build())
                .isInstanceOf(NullPointerException.class).hasMessage("tenants");
    }

    @Test
    void everyoneToLobby_createsAskModerator_andViewersWait() {
        Room lobbyRoom = room(RoomKind.STAFF_MEETING, RoomOptions.builder().everyoneToLobby(true).build());
        assertThat(conferences.createRequest(lobbyRoom).parameters()).containsEntry("guestPolicy", "ASK_MODERATOR");
        open(conferences.join(lobbyRoom, person("p9", SchoolRole.PRINCIPAL, Relation.ORGANISER)));
        JoinOutcome staff = conferences.join(lobbyRoom, person("st9", SchoolRole.STAFF, Relation.MEMBER));
        assertThat(staff.isViaLobby()).isTrue();
        open(staff);
        assertThat(meeting(lobbyRoom).lobby()).hasSize(1);
        JoinOutcome teacher = conferences.join(lobbyRoom, person("te9", SchoolRole.TEACHER, Relation.MEMBER));
        assertThat(teacher.isViaLobby()).isFalse();
        assertThat(query(teacher)).containsEntry("guest", "false");
    }

    @ParameterizedTest(name = "{0}")
    @org.junit.jupiter.params.provider.EnumSource(RoomKind.class)
    void createRequest_guestPolicyAndPrivacySwitchesPerKind(RoomKind kind) {
        Map<String, String> plain = conferences.createRequest(room(kind, RoomOptions.defaults())).parameters();
        assertThat(plain).containsEntry("guestPolicy", kind == RoomKind.CONSULTATION ? "ASK_MODERATOR" : "ALWAYS_ACCEPT")
                .containsEntry("record", "false")
                .containsEntry("meetingKeepEvents", "false")
                .containsEntry("allowPromoteGuestToModerator", "false")
                .containsEntry("meta_room-kind", kind.wireValue())
                .doesNotContainKeys("autoStartRecording", "notifyRecordingIsOn", "logoutURL");
        assertThat(plain.get("disabledFeatures").split(",")).contains("learningDashboard");
        assertThat(plain.get("endWhenNoModerator")).isEqualTo(String.valueOf(kind == RoomKind.LESSON));
        assertThat(conferences.createRequest(room(kind, RoomOptions.builder().guestsAllowed(true).build())).parameters())
                .containsEntry("guestPolicy", "ASK_MODERATOR");
    }

    @Test
    void joinOutcome_toStringNeverShowsTheSessionUrl() {
        Room lesson = room(RoomKind.LESSON, RoomOptions.defaults());
        JoinOutcome t = conferences.join(lesson, person("t10", SchoolRole.TEACHER, Relation.ORGANISER));
        String raw = t.sessionUrl().orElseThrow().toString();
        String token = raw.substring(raw.indexOf("sessionToken=") + "sessionToken=".length());
        assertThat(token).hasSize(16);
        assertThat(t.toString()).doesNotContain(raw).doesNotContain(token).doesNotContain("Vorname");
        assertThat(query(t)).doesNotContainKey("avatarURL");
    }

    @Test
    void signedJoinLinks_optIn_givesASignedLinkAndCreatesWithoutTheSessionFlag() {
        SchoolConferences signed = SchoolConferences.builder().tenants(TenantDirectory.single(bbb))
                .pseudonyms(Pseudonyms.of(PseudonymsTest.KEY)).signedJoinLinks(true).build();
        Room lesson = room(RoomKind.LESSON, RoomOptions.defaults());
        assertThat(signed.createRequest(lesson).parameters()).doesNotContainKey("allowRequestsWithoutSession");
        assertThat(conferences.createRequest(lesson).parameters()).containsEntry("allowRequestsWithoutSession", "true");
        JoinOutcome t = signed.join(lesson, person("t11", SchoolRole.TEACHER, Relation.ORGANISER));
        assertThat(t.kind()).isEqualTo(Kind.SIGNED_LINK);
        assertThat(t.sessionUrl()).isEmpty();
        assertThat(query(t.signedJoinUrl().orElseThrow())).containsKeys("checksum", "createTime");
        assertThat(t.toString()).doesNotContain(t.signedJoinUrl().orElseThrow().rawUrl());
        assertThat(joins(t.meetingId())).as("a signed link is only signed, never sent").isEmpty();
        open(t.signedJoinUrl().orElseThrow());
    }
}
