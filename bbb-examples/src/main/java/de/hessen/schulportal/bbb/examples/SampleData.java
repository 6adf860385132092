// SPDX-License-Identifier: Apache-2.0
package de.hessen.schulportal.bbb.examples;

import de.hessen.schulportal.bbb.client.BbbClient;
import de.hessen.schulportal.bbb.client.meeting.CreateMeetingRequest;
import de.hessen.schulportal.bbb.client.meeting.CreateMeetingResponse;
import de.hessen.schulportal.bbb.client.meeting.JoinMeetingRequest;
import de.hessen.schulportal.bbb.client.meeting.Role;
import de.hessen.schulportal.bbb.testkit.BbbSimulator;
import java.time.Duration;

/**
 * Puts a few meetings and a recording on the embedded simulator, so the admin examples have
 * something to show. Never used against a real server.
 */
final class SampleData {
    private SampleData() {
    }

    static void seed(BbbSimulator sim, BbbClient bbb) {
        CreateMeetingResponse lesson = bbb.create(CreateMeetingRequest.builder("beispiel-7b-mathe", "Klasse 7b – Mathematik")
                .meta("bbb-origin", "schulportal").build());
        bbb.join(JoinMeetingRequest.builder("beispiel-7b-mathe", "Frau Schmidt", Role.MODERATOR).userId("t-1")
                .createTime(lesson.createTime()).build());
        bbb.join(JoinMeetingRequest.builder("beispiel-7b-mathe", "Ali K.", Role.VIEWER).userId("s-1")
                .createTime(lesson.createTime()).build());
        bbb.create(CreateMeetingRequest.builder("beispiel-konferenz", "Gesamtkonferenz").build());

        CreateMeetingResponse recorded = bbb.create(CreateMeetingRequest.builder("beispiel-physik-9a", "Physik 9a")
                .record(true).meta("bbb-origin", "schulportal").build());
        bbb.join(JoinMeetingRequest.builder("beispiel-physik-9a", "Herr Ohm", Role.MODERATOR).userId("t-2")
                .createTime(recorded.createTime()).build());
        bbb.end("beispiel-physik-9a");
        if (sim.clock().isManual()) {
            sim.clock().advance(Duration.ofMinutes(10));
        }
    }
}
