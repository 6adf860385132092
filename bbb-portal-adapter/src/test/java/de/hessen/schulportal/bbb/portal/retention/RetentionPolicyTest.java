// SPDX-License-Identifier: Apache-2.0
package de.hessen.schulportal.bbb.portal.retention;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.hessen.schulportal.bbb.portal.Pseudonyms;
import de.hessen.schulportal.bbb.portal.Room;
import de.hessen.schulportal.bbb.portal.RoomKind;
import de.hessen.schulportal.bbb.portal.School;
import de.hessen.schulportal.bbb.portal.SchoolConferences;
import de.hessen.schulportal.bbb.portal.TenantDirectory;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class RetentionPolicyTest {
    @Test
    void defaults_keepConferencesAndStaffMeetings30Days_deleteLessonsTutoringConsultationsAtOnce() {
        RetentionPolicy p = RetentionPolicy.defaults();
        assertThat(p.period(RoomKind.CONFERENCE)).isEqualTo(Duration.ofDays(30));
        assertThat(p.period(RoomKind.STAFF_MEETING)).isEqualTo(Duration.ofDays(30));
        assertThat(p.period(RoomKind.LESSON)).isZero();
        assertThat(p.period(RoomKind.TUTORING)).isZero();
        assertThat(p.period(RoomKind.CONSULTATION)).isZero();
    }

    @Test
    void unnamedKindsAreNotKept_unknownOrMissingKindGetsTheShortest() {
        RetentionPolicy p = RetentionPolicy.builder().keep(RoomKind.CONFERENCE, Duration.ofDays(30))
                .keep(RoomKind.LESSON, Duration.ofDays(2)).build();
        assertThat(p.period(RoomKind.TUTORING)).isZero();
        assertThat(p.periodOf("staff-meeting")).isZero();
        assertThat(p.periodOf("conference")).isEqualTo(Duration.ofDays(30));
        RetentionPolicy allNamed = RetentionPolicy.builder().keep(RoomKind.CONFERENCE, Duration.ofDays(30))
                .keep(RoomKind.LESSON, Duration.ofDays(2)).keep(RoomKind.TUTORING, Duration.ofDays(9))
                .keep(RoomKind.CONSULTATION, Duration.ofDays(9)).keep(RoomKind.STAFF_MEETING, Duration.ofDays(9)).build();
        assertThat(allNamed.periodOf("webinar")).isEqualTo(Duration.ofDays(2));
        assertThat(allNamed.periodOf(null)).isEqualTo(Duration.ofDays(2));
        assertThatThrownBy(() -> RetentionPolicy.builder().keep(RoomKind.LESSON, Duration.ofDays(-1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("lesson");
    }

    @Test
    void theAdapterWritesTheMetadataKeysRetentionReads() {
        Pseudonyms p = Pseudonyms.of(SimulatedSchools.KEY);
        School school = School.of("6021");
        SchoolConferences c = SchoolConferences.builder().tenants(TenantDirectory.builder().build()).pseudonyms(p).build();
        assertThat(c.createRequest(Room.of(school, "r1", RoomKind.TUTORING, "AG")).metadata())
                .containsEntry(RecordingRetention.META_SCHOOL, p.schoolId(school))
                .containsEntry(RecordingRetention.META_KIND, "tutoring");
        assertThat(p.schoolId(school)).matches("sc-[a-z2-7]{26}").isNotEqualTo(p.schoolId(School.of("6022")))
                .isNotEqualTo(Pseudonyms.of(SimulatedSchools.OLD_KEY).schoolId(school));
    }
}
