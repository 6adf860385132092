// SPDX-License-Identifier: Apache-2.0
package org.example.portal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import de.hessen.schulportal.bbb.client.BbbClient;
import de.hessen.schulportal.bbb.client.SignedUrl;
import de.hessen.schulportal.bbb.client.meeting.CreateMeetingRequest;
import de.hessen.schulportal.bbb.client.meeting.CreateMeetingResponse;
import de.hessen.schulportal.bbb.client.meeting.JoinMeetingRequest;
import de.hessen.schulportal.bbb.client.meeting.Role;
import de.hessen.schulportal.bbb.testkit.BbbSimulator;
import de.hessen.schulportal.bbb.testkit.BbbSimulatorExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(BbbSimulatorExtension.class)
class FirstMeetingTest {
    @Test
    void teacherOpensLesson(BbbSimulator sim) {
        try (BbbClient bbb = BbbClient.builder().baseUrl(sim.baseUrl()).secret(sim.secret()).build()) {
            CreateMeetingResponse created = bbb.create(
                    CreateMeetingRequest.builder("klasse-7b-mathe", "Klasse 7b – Mathematik").build());
            SignedUrl link = bbb.joinUrl(
                    JoinMeetingRequest.builder("klasse-7b-mathe", "Frau Schmidt", Role.MODERATOR)
                            .createTime(created.createTime())
                            .build());

            assertEquals("Klasse 7b – Mathematik", sim.meeting("klasse-7b-mathe").orElseThrow().name());
            assertTrue(link.toUri().getQuery().contains("role=MODERATOR"));
        }
    }
}
