// SPDX-License-Identifier: Apache-2.0
package de.hessen.schulportal.bbb.spring;

import static org.assertj.core.api.Assertions.assertThat;

import de.hessen.schulportal.bbb.client.BbbClient;
import de.hessen.schulportal.bbb.client.meeting.MeetingInfo;
import de.hessen.schulportal.bbb.testkit.BbbSimulator;
import org.junit.jupiter.api.Test;

/**
 * This module's tests run on the Jackson that Spring Boot's BOM manages (3.1.7 in Boot 4.0.9), not
 * on the 3.3.0 the SDK is built with: that is what a Boot application gets unless it imports a newer
 * jackson-bom before Boot's. bbb-client, compiled against 3.3.0, maps real answers on it.
 */
class BootJacksonTest {
    @Test
    void suite_runsOnBootsJackson_andTheClientMapsAnswersOnIt() {
        assertThat(tools.jackson.databind.cfg.PackageVersion.VERSION.toString()).as("jackson-databind on this class path")
                .isEqualTo("3.1.7");
        assertThat(tools.jackson.dataformat.xml.PackageVersion.VERSION.toString()).as("jackson-dataformat-xml")
                .isEqualTo("3.1.7");
        try (BbbSimulator sim = BbbSimulator.start();
                BbbClient bbb = BbbClient.builder().baseUrl(sim.baseUrl()).secret(sim.secret()).build()) {
            bbb.create(de.hessen.schulportal.bbb.client.meeting.CreateMeetingRequest.builder("m-1", "Raum").build());
            MeetingInfo info = bbb.getMeetingInfo("m-1");
            assertThat(info.meetingId()).isEqualTo("m-1");
            assertThat(bbb.getMeetings()).extracting(MeetingInfo::meetingId).containsExactly("m-1");
        }
    }
}
