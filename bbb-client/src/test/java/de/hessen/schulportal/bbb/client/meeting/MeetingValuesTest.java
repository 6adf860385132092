// SPDX-License-Identifier: Apache-2.0
package de.hessen.schulportal.bbb.client.meeting;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The generated meeting answers keep their contract: a builder with nothing set reads as the empty
 * answer docs/values.md promises, and {@code toString()} prints the fields but leaves out the
 * voice bridge, the metadata, names and the join credentials.
 */
class MeetingValuesTest {
    @Test
    void meetingInfo_builtEmpty_readsEmptyNeverNull() {
        MeetingInfo info = MeetingInfo.builder().build();
        assertThat(info.meetingName()).isEmpty();
        assertThat(info.voiceBridge()).isEmpty();
        assertThat(info.createTime()).isZero();
        assertThat(info.isRunning()).isFalse();
        assertThat(info.duration()).isEqualTo(Duration.ZERO);
        assertThat(info.startTime()).isEmpty();
        assertThat(info.endTime()).isEmpty();
        assertThat(info.attendees()).isEmpty();
        assertThat(info.metadata()).isEmpty();
        assertThat(info.breakoutRooms()).isEmpty();
        assertThat(info.parentMeetingId()).isEmpty();
        assertThat(info.sequence()).isEmpty();
        assertThat(info.messageKey()).isEmpty();
        assertThat(info.message()).isEmpty();
    }

    @Test
    void meetingInfo_toString_leavesOutVoiceBridgeMetadataAndNames() {
        MeetingInfo info = MeetingInfo.builder().meetingId("7b-mathe").internalMeetingId("int-7b-1").meetingName("Mathe 7b")
                .voiceBridge("71234").dialNumber("+49-611-555").participantCount(2).running(true)
                .metadata(Map.of("bbb-context-name", "Mathe bei Frau Sommer"))
                .addAttendees(Attendee.builder().userId("u-1").fullName("Ada Lovelace").build())
                .build();
        assertThat(info.toString()).contains("7b-mathe", "int-7b-1", "Mathe 7b", "+49-611-555", "participantCount=2", "u-1")
                .doesNotContain("71234").doesNotContain("Sommer").doesNotContain("Lovelace");
    }

    @Test
    void createMeetingResponse_toString_leavesOutVoiceBridge() {
        CreateMeetingResponse created = CreateMeetingResponse.builder().meetingId("7b-mathe").voiceBridge("71234")
                .createTime(1716300000123L).messageKey("duplicateWarning").build();
        assertThat(created.isDuplicate()).isTrue();
        assertThat(created.parentMeetingId()).isEmpty();
        assertThat(created.toString()).contains("7b-mathe", "1716300000123", "duplicateWarning").doesNotContain("71234");
    }

    @Test
    void joinResponse_toString_leavesOutTokensAndUrl() {
        JoinResponse join = JoinResponse.builder().meetingId("int-7b-1").userId("w_1").rawGuestStatus("WAIT")
                .authToken("auth-7f").sessionToken("session-9c")
                .url(URI.create("https://bbb.example.org/bigbluebutton/guestWait?t=9c")).build();
        assertThat(join.guestStatus()).isEqualTo(GuestStatus.WAIT);
        assertThat(join.toString()).contains("int-7b-1", "w_1", "WAIT")
                .doesNotContain("auth-7f").doesNotContain("session-9c").doesNotContain("guestWait");
        assertThat(JoinResponse.builder().build().guestStatus()).as("no guestStatus sent").isEqualTo(GuestStatus.ALLOW);
    }
}
