// SPDX-License-Identifier: Apache-2.0
package de.hessen.schulportal.bbb.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.hessen.schulportal.bbb.client.meeting.Attendee;
import de.hessen.schulportal.bbb.client.meeting.JoinResponse;
import de.hessen.schulportal.bbb.client.meeting.MeetingInfo;
import de.hessen.schulportal.bbb.client.meeting.Role;
import de.hessen.schulportal.bbb.client.recording.PlaybackFormat;
import de.hessen.schulportal.bbb.client.recording.Recording;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Integrators build response values in their own tests through the public builders (the client
 * maps answers through the same builders): the values are immutable, compare by content, refuse
 * {@code null}, and the User-Agent carries the version of the build.
 */
class ValueBuildersTest {
    @Test
    void meetingInfo_builtByAnIntegrator_readsAsMapped() {
        List<Attendee> attendees = new ArrayList<>(List.of(Attendee.builder().userId("u-1").rawRole("MODERATOR").build()));
        MeetingInfo info = MeetingInfo.builder().meetingId("7b-mathe").running(true).participantCount(1)
                .attendees(attendees).metadata(Map.of("bbb-origin", "schulportal")).startTime(Instant.ofEpochMilli(1000))
                .build();
        attendees.clear();
        assertThat(info.meetingId()).isEqualTo("7b-mathe");
        assertThat(info.isRunning()).isTrue();
        assertThat(info.attendees()).hasSize(1);
        assertThat(info.attendees().get(0).role()).isEqualTo(Role.MODERATOR);
        assertThat(info.startTime()).contains(Instant.ofEpochMilli(1000));
        assertThat(info.endTime()).isEmpty();
        assertThat(info.messageKey()).isEmpty();
        assertThat(info).isEqualTo(MeetingInfo.builder().meetingId("7b-mathe").running(true).participantCount(1)
                .attendees(List.of(Attendee.builder().userId("u-1").rawRole("MODERATOR").build()))
                .metadata(Map.of("bbb-origin", "schulportal")).startTime(Instant.ofEpochMilli(1000)).build());
        assertThatThrownBy(() -> info.attendees().add(Attendee.builder().build()))
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void builders_refuseNull_namingTheField() {
        assertThatThrownBy(() -> MeetingInfo.builder().meetingId(null)).isInstanceOf(NullPointerException.class)
                .hasMessage("meetingId");
        assertThatThrownBy(() -> Recording.builder().recordId(null)).isInstanceOf(NullPointerException.class)
                .hasMessage("recordId");
        assertThatThrownBy(() -> Recording.builder().addPlaybackFormats((PlaybackFormat) null))
                .isInstanceOf(NullPointerException.class).hasMessage("playbackFormats element");
        assertThatThrownBy(() -> Recording.builder().playbackFormats(null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void joinResponse_sessionCredentials_neverPrinted() {
        JoinResponse join = JoinResponse.builder().meetingId("internal-1").userId("w_1").authToken("auth-7f")
                .sessionToken("session-9c").url(URI.create("https://bbb.example.org/html5client/join?sessionToken=session-9c")).build();
        assertThat(join.toString()).contains("internal-1").doesNotContain("auth-7f").doesNotContain("session-9c");
    }

    @Test
    void userAgentVersion_comesFromTheBuild() {
        assertThat(SdkVersion.VERSION).matches("\\d+\\.\\d+\\.\\d+.*");
    }
}
