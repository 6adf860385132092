// SPDX-License-Identifier: Apache-2.0
package de.hessen.schulportal.bbb.client.meeting;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The equality the meeting requests share through their package-private base. */
class MeetingRequestsTest {

    @Test
    void requestsOfDifferentCallsForOneMeetingAreNotEqual() {
        EndMeetingRequest end = EndMeetingRequest.builder("7b-mathe").build();
        GetMeetingInfoRequest info = GetMeetingInfoRequest.builder("7b-mathe").build();
        assertThat(end.parameters()).isEqualTo(info.parameters());
        assertThat(end).isNotEqualTo(info);
        assertThat(info).isNotEqualTo(end);
        assertThat(end).isEqualTo(EndMeetingRequest.builder("7b-mathe").build())
                .hasSameHashCodeAs(EndMeetingRequest.builder("7b-mathe").build());
    }
}
