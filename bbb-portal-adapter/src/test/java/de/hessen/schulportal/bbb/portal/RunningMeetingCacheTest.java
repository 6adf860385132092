// SPDX-License-Identifier: Apache-2.0
package de.hessen.schulportal.bbb.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.hessen.schulportal.bbb.client.BbbClient;
import de.hessen.schulportal.bbb.portal.JoinOutcome.Kind;
import de.hessen.schulportal.bbb.testkit.BbbSimulator;
import de.hessen.schulportal.bbb.testkit.BbbSimulatorExtension;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** A class clicking "join" at once costs one getMeetingInfo, and a remembered meeting is never wrong for long. */
@ExtendWith(BbbSimulatorExtension.class)
class RunningMeetingCacheTest {
    static BbbSimulator sim;
    static final AtomicInteger ROOMS = new AtomicInteger();

    /** A clock the test moves. */
    static final class MovableClock extends Clock {
        private volatile Instant now = Instant.parse("2026-11-27T07:55:00Z");

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    final MovableClock clock = new MovableClock();
    BbbClient bbb;
    SchoolConferences conferences;
    Room lesson;

    @BeforeEach
    void setUp() {
        bbb = BbbClient.builder().baseUrl(sim.baseUrl()).secret(sim.secret()).build();
        conferences = SchoolConferences.builder().tenants(TenantDirectory.single(bbb))
                .pseudonyms(Pseudonyms.of(PseudonymsTest.KEY)).clock(clock).build();
        lesson = Room.of(School.of("6021"), "cache-" + ROOMS.incrementAndGet(), RoomKind.LESSON, "Klasse 7b");
        startWithTeacher();
    }

    @AfterEach
    void tearDown() {
        bbb.close();
    }

    private void startWithTeacher() {
        JoinOutcome teacher = conferences.join(lesson, person("t", SchoolRole.TEACHER, Relation.ORGANISER));
        SchoolConferencesTest.open(teacher);
    }

    private static Person person(String id, SchoolRole role, Relation relation) {
        return Person.builder(id, role, relation).firstName("V" + id).lastName("N" + id).build();
    }

    private long meetingInfoCalls() {
        return sim.requests().stream().filter(r -> r.callName().orElse("").equals("getMeetingInfo")).count();
    }

    @Test
    void aClassClickingAtOnce_costsOneGetMeetingInfo_untilTheCacheTimePasses() {
        long before = meetingInfoCalls();
        for (int i = 0; i < 25; i++) {
            assertThat(conferences.join(lesson, person("s" + i, SchoolRole.STUDENT, Relation.MEMBER)).kind())
                    .isEqualTo(Kind.SESSION);
        }
        assertThat(meetingInfoCalls() - before).isEqualTo(1);
        clock.advance(SchoolConferences.DEFAULT_RUNNING_MEETING_CACHE);
        conferences.join(lesson, person("late", SchoolRole.STUDENT, Relation.MEMBER));
        assertThat(meetingInfoCalls() - before).isEqualTo(2);
        conferences.async().join(lesson, person("async", SchoolRole.STUDENT, Relation.MEMBER)).join();
        assertThat(meetingInfoCalls() - before).as("the async path uses the same memory").isEqualTo(2);
    }

    @Test
    void endingThroughTheAdapter_forgetsAtOnce_soPupilsWait() {
        conferences.join(lesson, person("s1", SchoolRole.STUDENT, Relation.MEMBER));
        assertThat(conferences.end(lesson)).isTrue();
        assertThat(conferences.join(lesson, person("s2", SchoolRole.STUDENT, Relation.MEMBER)).kind())
                .isEqualTo(Kind.WAIT_FOR_START);
    }

    @Test
    void endedElsewhere_isNoticedWhenTheCacheTimePasses() {
        conferences.join(lesson, person("s1", SchoolRole.STUDENT, Relation.MEMBER));
        sim.end(conferences.meetingId(lesson));
        // Within the cache time the server-side join finds the meeting gone: the pupil waits, the memory is forgotten.
        long before = meetingInfoCalls();
        assertThat(conferences.join(lesson, person("s2", SchoolRole.STUDENT, Relation.MEMBER)).kind())
                .isEqualTo(Kind.WAIT_FOR_START);
        assertThat(conferences.join(lesson, person("s2", SchoolRole.STUDENT, Relation.MEMBER)).kind())
                .isEqualTo(Kind.WAIT_FOR_START);
        assertThat(meetingInfoCalls() - before).as("forgotten: the second click asks again").isEqualTo(1);
        clock.advance(Duration.ofSeconds(5));
        assertThat(conferences.join(lesson, person("s3", SchoolRole.STUDENT, Relation.MEMBER)).kind())
                .isEqualTo(Kind.WAIT_FOR_START);
    }

    @Test
    void endedElsewhere_async_theServerSideJoinTellsThePupilToWait_andForgets() {
        conferences.join(lesson, person("s1", SchoolRole.STUDENT, Relation.MEMBER));
        sim.end(conferences.meetingId(lesson));
        long before = meetingInfoCalls();
        assertThat(conferences.async().join(lesson, person("s2", SchoolRole.STUDENT, Relation.MEMBER)).join().kind())
                .isEqualTo(Kind.WAIT_FOR_START);
        assertThat(meetingInfoCalls() - before).as("answered from memory, then the join found it gone").isZero();
        assertThat(conferences.async().join(lesson, person("s3", SchoolRole.STUDENT, Relation.MEMBER)).join().kind())
                .isEqualTo(Kind.WAIT_FOR_START);
        assertThat(meetingInfoCalls() - before).as("forgotten: asked again").isEqualTo(1);
    }

    @Test
    void zero_asksEveryTime_andTheSettingIsBounded() {
        SchoolConferences asking = SchoolConferences.builder().tenants(TenantDirectory.single(bbb))
                .pseudonyms(Pseudonyms.of(PseudonymsTest.KEY)).runningMeetingCache(Duration.ZERO).build();
        long before = meetingInfoCalls();
        for (int i = 0; i < 3; i++) {
            asking.join(lesson, person("s" + i, SchoolRole.STUDENT, Relation.MEMBER));
        }
        assertThat(meetingInfoCalls() - before).isEqualTo(3);
        assertThatThrownBy(() -> SchoolConferences.builder().runningMeetingCache(Duration.ofMinutes(2)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("runningMeetingCache");
        assertThatThrownBy(() -> SchoolConferences.builder().runningMeetingCache(Duration.ofSeconds(-1)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
