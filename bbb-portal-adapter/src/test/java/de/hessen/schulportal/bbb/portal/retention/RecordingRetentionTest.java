// SPDX-License-Identifier: Apache-2.0
package de.hessen.schulportal.bbb.portal.retention;

import static de.hessen.schulportal.bbb.portal.retention.SimulatedSchools.GOETHE;
import static de.hessen.schulportal.bbb.portal.retention.SimulatedSchools.KEY;
import static de.hessen.schulportal.bbb.portal.retention.SimulatedSchools.OLD_KEY;
import static de.hessen.schulportal.bbb.portal.retention.SimulatedSchools.SCHILLER;
import static de.hessen.schulportal.bbb.portal.retention.SimulatedSchools.recordedRoom;
import static org.assertj.core.api.Assertions.assertThat;

import de.hessen.schulportal.bbb.client.recording.GetRecordingsRequest;
import de.hessen.schulportal.bbb.client.recording.Recording;
import de.hessen.schulportal.bbb.portal.Pseudonyms;
import de.hessen.schulportal.bbb.portal.Room;
import de.hessen.schulportal.bbb.portal.RoomKind;
import de.hessen.schulportal.bbb.portal.SchoolConferences;
import de.hessen.schulportal.bbb.portal.audit.AuditEvent;
import de.hessen.schulportal.bbb.portal.retention.RetentionReport.Action;
import de.hessen.schulportal.bbb.portal.retention.RetentionReport.Entry;
import de.hessen.schulportal.bbb.portal.retention.RetentionReport.Result;
import de.hessen.schulportal.bbb.testkit.SimulatorMode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Retention and erasure against the simulator as bbb-web (paged getRecordings, deleted recordings
 * kept in state deleted) and as Scalelite (no paging, deleted recordings gone), with the clock
 * moved forward.
 */
class RecordingRetentionTest {
    private static final Set<de.hessen.schulportal.bbb.portal.School> SCHOOLS = Set.of(GOETHE, SCHILLER);

    private static Set<String> liveRecordIds(SimulatedSchools s) {
        Set<String> ids = new java.util.HashSet<>();
        for (var c : List.of(s.goethe, s.schiller)) {
            c.getRecordings(GetRecordingsRequest.builder().limit(100).build()).recordings().stream()
                    .map(Recording::recordId).forEach(ids::add);
        }
        return ids;
    }

    @ParameterizedTest
    @EnumSource(SimulatorMode.class)
    void dryRunThenApply_deletesWhatIsPastItsPeriod_asTheClockMoves(SimulatorMode mode) {
        try (SimulatedSchools s = new SimulatedSchools(mode)) {
            SchoolConferences conferences = s.conferences(KEY);
            Room lesson = recordedRoom(GOETHE, "7b-mathe", RoomKind.LESSON);
            Room conference = recordedRoom(GOETHE, "gesamtkonferenz", RoomKind.CONFERENCE);
            Room schillerConference = recordedRoom(SCHILLER, "gesamtkonferenz", RoomKind.CONFERENCE);
            s.record(conferences, lesson);
            s.record(conferences, conference);
            s.record(conferences, schillerConference);
            s.recordForeign("fremd-1");
            s.processRecordings();
            List<AuditEvent> events = new CopyOnWriteArrayList<>();
            RecordingRetention retention = RecordingRetention.builder().tenants(s.tenants).pseudonyms(Pseudonyms.of(KEY))
                    .policy(RetentionPolicy.builder().keep(RoomKind.CONFERENCE, Duration.ofDays(30)).build())
                    .clock(s.clock).auditListener(events::add).pageSize(1).build();

            // Day 1: the lesson (period 0) is due; the conferences are not; the foreign one is not seen.
            s.sim.clock().advance(Duration.ofDays(1));
            RetentionReport plan = retention.plan(SCHOOLS);
            assertThat(plan.entries()).hasSize(3).allMatch(e -> e.school().startsWith("sc-"));
            assertThat(plan.entries()).filteredOn(e -> e.action() == Action.DELETE).singleElement().satisfies(e -> {
                assertThat(e.meetingId()).isEqualTo(conferences.meetingId(lesson));
                assertThat(e.kind()).isEqualTo("lesson");
                assertThat(e.result()).isEqualTo(Result.PLANNED);
                assertThat(e.age().orElseThrow()).isBetween(Duration.ofDays(1), Duration.ofDays(1).plusMinutes(10));
            });
            assertThat(plan.toText()).contains(conferences.meetingId(lesson)).contains("lesson").contains("1d")
                    .doesNotContain("6021").doesNotContain("Goethe").doesNotContain("7b-mathe");
            assertThat(liveRecordIds(s)).hasSize(4); // the dry run deleted nothing
            assertThat(events).isEmpty();

            RetentionReport applied = retention.apply(SCHOOLS);
            assertThat(applied.count(Result.DELETED)).isEqualTo(1);
            assertThat(liveRecordIds(s)).hasSize(3);
            assertThat(events).singleElement().satisfies(e -> {
                assertThat(e.name()).isEqualTo(AuditEvent.RECORDING_DELETED);
                assertThat(e.field("meeting")).contains(conferences.meetingId(lesson));
                assertThat(e.field("kind")).contains("lesson");
                assertThat(e.field("school")).contains(Pseudonyms.of(KEY).schoolId(GOETHE));
            });

            // A rerun finds nothing more to do.
            assertThat(retention.apply(SCHOOLS).entries()).hasSize(2).allMatch(e -> e.action() == Action.KEEP);

            // Day 31: the conferences are due; the foreign recording still untouched.
            s.sim.clock().advance(Duration.ofDays(30));
            RetentionReport later = retention.apply(SCHOOLS);
            assertThat(later.count(Result.DELETED)).isEqualTo(2);
            assertThat(liveRecordIds(s)).singleElement().satisfies(id ->
                    assertThat(s.goethe.getRecordings(GetRecordingsRequest.builder().recordIds(id).build()).recordings())
                            .singleElement().extracting(Recording::meetingId).isEqualTo("fremd-1"));
        }
    }

    @ParameterizedTest
    @EnumSource(SimulatorMode.class)
    void foreignRecordings_onlyWhenAsked(SimulatorMode mode) {
        try (SimulatedSchools s = new SimulatedSchools(mode)) {
            s.recordForeign("fremd-1");
            s.record(s.conferences(KEY), recordedRoom(GOETHE, "ag-robotik", RoomKind.TUTORING));
            s.processRecordings();
            s.sim.clock().advance(Duration.ofDays(400));
            RecordingRetention.Builder b = RecordingRetention.builder().tenants(s.tenants).pseudonyms(Pseudonyms.of(KEY))
                    .policy(RetentionPolicy.builder().keep(RoomKind.TUTORING, Duration.ofDays(9999)).build()).clock(s.clock);
            assertThat(b.build().apply(Set.of(GOETHE)).entries()).singleElement()
                    .satisfies(e -> assertThat(e.action()).isEqualTo(Action.KEEP));
            assertThat(liveRecordIds(s)).hasSize(2);

            RetentionReport asked = b.foreignRecordings(Duration.ofDays(365)).build().apply(Set.of(GOETHE));
            assertThat(asked.entries()).filteredOn(e -> e.result() == Result.DELETED).singleElement()
                    .satisfies(e -> assertThat(e.meetingId()).isEqualTo("fremd-1"));
            assertThat(liveRecordIds(s)).hasSize(1);
        }
    }

    @ParameterizedTest
    @EnumSource(SimulatorMode.class)
    void twoInstancesAtOnce_eachRecordingDeletedOnce_noFailure(SimulatorMode mode) throws Exception {
        try (SimulatedSchools s = new SimulatedSchools(mode)) {
            SchoolConferences conferences = s.conferences(KEY);
            for (int i = 0; i < 4; i++) {
                s.record(conferences, recordedRoom(GOETHE, "klasse-" + i, RoomKind.LESSON));
            }
            s.processRecordings();
            s.sim.clock().advance(Duration.ofHours(1));
            RecordingRetention retention = RecordingRetention.builder().tenants(s.tenants).pseudonyms(Pseudonyms.of(KEY))
                    .clock(s.clock).build();
            CountDownLatch go = new CountDownLatch(1);
            List<CompletableFuture<RetentionReport>> runs = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                runs.add(CompletableFuture.supplyAsync(() -> {
                    try {
                        go.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    return retention.apply(Set.of(GOETHE));
                }));
            }
            go.countDown();
            List<Entry> all = runs.stream().map(CompletableFuture::join).flatMap(r -> r.entries().stream()).toList();
            assertThat(all).extracting(Entry::result).doesNotContain(Result.FAILED, Result.PLANNED);
            assertThat(all.stream().filter(e -> e.result() == Result.DELETED).map(Entry::recordId)
                    .collect(Collectors.toSet())).hasSize(4);
            assertThat(liveRecordIds(s)).isEmpty();
            // A rerun after all that: nothing left, nothing fails.
            assertThat(retention.apply(Set.of(GOETHE)).entries()).isEmpty();
        }
    }

    @ParameterizedTest
    @EnumSource(SimulatorMode.class)
    void eraseRoom_deletesEveryMeetingIdTheRoomHasHad_underOldAndNewKeys_everyKind(SimulatorMode mode) {
        try (SimulatedSchools s = new SimulatedSchools(mode)) {
            SchoolConferences before = s.conferences(OLD_KEY);
            SchoolConferences after = s.conferences(KEY);
            s.record(before, recordedRoom(GOETHE, "kurs-bio-q1", RoomKind.LESSON));
            s.record(after, recordedRoom(GOETHE, "kurs-bio-q1", RoomKind.LESSON));
            s.record(after, recordedRoom(GOETHE, "kurs-bio-q1", RoomKind.CONSULTATION));
            Room other = recordedRoom(GOETHE, "kurs-chemie", RoomKind.LESSON);
            s.record(after, other);
            Room sameIdOtherSchool = recordedRoom(SCHILLER, "kurs-bio-q1", RoomKind.LESSON);
            s.record(after, sameIdOtherSchool);
            s.processRecordings();
            List<AuditEvent> events = new CopyOnWriteArrayList<>();
            RecordingRetention retention = RecordingRetention.builder().tenants(s.tenants).pseudonyms(Pseudonyms.of(KEY))
                    .previousPseudonyms(Pseudonyms.of(OLD_KEY)).clock(s.clock).auditListener(events::add).build();

            RetentionReport erased = retention.eraseRoom(GOETHE, "kurs-bio-q1");
            assertThat(erased.mode()).isEqualTo(RetentionReport.Mode.ERASE);
            assertThat(erased.entries()).hasSize(3).allMatch(e -> e.result() == Result.DELETED);
            assertThat(erased.entries()).extracting(Entry::kind).containsExactlyInAnyOrder("lesson", "lesson", "consultation");
            assertThat(events).hasSize(3).allMatch(e -> e.name().equals(AuditEvent.RECORDING_ERASED));
            assertThat(liveRecordIds(s)).hasSize(2);
            assertThat(s.goethe.getRecordings(GetRecordingsRequest.builder().meetingIds(after.meetingId(other)).build())
                    .recordings()).hasSize(1);

            // Without the old key, its recording would have stayed: the key list matters.
            s.record(before, recordedRoom(GOETHE, "kurs-bio-q1", RoomKind.LESSON));
            s.processRecordings();
            RecordingRetention newKeyOnly = RecordingRetention.builder().tenants(s.tenants).pseudonyms(Pseudonyms.of(KEY))
                    .clock(s.clock).build();
            assertThat(newKeyOnly.eraseRoom(GOETHE, "kurs-bio-q1").entries()).isEmpty();
            assertThat(retention.eraseRoom(GOETHE, "kurs-bio-q1").count(Result.DELETED)).isEqualTo(1);
            // Erasing again: nothing left, no error.
            assertThat(retention.eraseRoom(GOETHE, "kurs-bio-q1").entries()).isEmpty();
        }
    }
}
