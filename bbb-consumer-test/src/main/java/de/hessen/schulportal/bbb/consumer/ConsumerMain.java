package de.hessen.schulportal.bbb.consumer;

import de.hessen.schulportal.bbb.client.BbbClient;
import de.hessen.schulportal.bbb.client.meeting.CreateMeetingRequest;
import de.hessen.schulportal.bbb.client.meeting.CreateMeetingResponse;
import de.hessen.schulportal.bbb.client.meeting.JoinMeetingRequest;
import de.hessen.schulportal.bbb.client.meeting.Role;
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
            String layer = ConsumerMain.class.getModule().isNamed() ? "module path" : "class path";
            System.out.println("consumer ok on the " + layer + ": participants=" + participants);
        }
    }
}
