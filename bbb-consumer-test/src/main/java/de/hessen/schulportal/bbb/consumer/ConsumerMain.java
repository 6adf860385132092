// SPDX-License-Identifier: Apache-2.0
package de.hessen.schulportal.bbb.consumer;

import de.hessen.schulportal.bbb.client.BbbClient;
import de.hessen.schulportal.bbb.client.meeting.CreateMeetingRequest;
import de.hessen.schulportal.bbb.client.meeting.CreateMeetingResponse;
import de.hessen.schulportal.bbb.client.meeting.JoinMeetingRequest;
import de.hessen.schulportal.bbb.client.meeting.Role;
import de.hessen.schulportal.bbb.portal.JoinOutcome;
import de.hessen.schulportal.bbb.portal.Person;
import de.hessen.schulportal.bbb.portal.Pseudonyms;
import de.hessen.schulportal.bbb.portal.Relation;
import de.hessen.schulportal.bbb.portal.Room;
import de.hessen.schulportal.bbb.portal.RoomKind;
import de.hessen.schulportal.bbb.portal.School;
import de.hessen.schulportal.bbb.portal.SchoolConferences;
import de.hessen.schulportal.bbb.portal.SchoolRole;
import de.hessen.schulportal.bbb.portal.TenantDirectory;
import de.hessen.schulportal.bbb.testkit.BbbSimulator;

/**
 * Uses the SDK as an integrator's module would: XML parsing, signing and HTTP must all work from
 * the published jars, whether they are on the module path or the class path.
 */
public final class ConsumerMain {
    private ConsumerMain() {
    }

    /**
     * Creates, joins, inspects and ends a meeting on an embedded simulator; prints one line.
     *
     * @param args unused
     */
    public static void main(String[] args) {
        try (BbbSimulator sim = BbbSimulator.start();
                BbbClient bbb = BbbClient.builder().baseUrl(sim.baseUrl()).secret(sim.secret()).build()) {
            CreateMeetingResponse created = bbb.create(CreateMeetingRequest.builder("consumer-room", "Consumer").build());
            bbb.join(JoinMeetingRequest.builder("consumer-room", "Ada", Role.MODERATOR).createTime(created.createTime()).build());
            int participants = bbb.getMeetingInfo("consumer-room").participantCount();
            bbb.end("consumer-room");

            byte[] key = new byte[Pseudonyms.MIN_KEY_BYTES];
            new java.security.SecureRandom().nextBytes(key);
            SchoolConferences conferences = SchoolConferences.builder()
                    .tenants(TenantDirectory.single(bbb))
                    .pseudonyms(Pseudonyms.of(key))
                    .build();
            Room lesson = Room.of(School.of("6021"), "consumer-lesson", RoomKind.LESSON, "Consumer lesson");
            JoinOutcome teacher = conferences.join(lesson,
                    Person.builder("t-1", SchoolRole.TEACHER, Relation.ORGANISER).firstName("Ada").lastName("L").build());
            String meetingId = conferences.status(lesson).meetingId();
            conferences.end(lesson);

            String layer = ConsumerMain.class.getModule().isNamed() ? "module path" : "class path";
            System.out.println("consumer ok on the " + layer + ": participants=" + participants + " adapter="
                    + teacher.kind() + "/" + teacher.bbbRole().orElseThrow() + " started=" + teacher.hasStartedMeeting() + " pseudonymous=" + meetingId.startsWith("sp-"));
        }
    }
}
