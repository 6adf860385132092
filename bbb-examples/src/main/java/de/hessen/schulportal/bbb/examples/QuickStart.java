// SPDX-License-Identifier: Apache-2.0
package de.hessen.schulportal.bbb.examples;

import de.hessen.schulportal.bbb.client.BbbClient;
import de.hessen.schulportal.bbb.client.meeting.CreateMeetingRequest;
import de.hessen.schulportal.bbb.client.meeting.CreateMeetingResponse;
import de.hessen.schulportal.bbb.client.meeting.Feature;
import de.hessen.schulportal.bbb.client.meeting.GuestPolicy;
import de.hessen.schulportal.bbb.client.meeting.JoinMeetingRequest;
import de.hessen.schulportal.bbb.client.meeting.JoinResponse;
import de.hessen.schulportal.bbb.client.meeting.Role;

/**
 * Quick start: create a meeting and join a moderator and a viewer on the server, so that each
 * browser gets only its session URL. The code between the README markers is the README's quick
 * start, word for word (a test keeps the two in sync).
 *
 * <p>Run: {@code mvn -q -Pdemo verify -Dexample=de.hessen.schulportal.bbb.examples.QuickStart}
 */
public final class QuickStart {
    private QuickStart() {
    }

    /**
     * Creates a meeting and returns the two sessions.
     *
     * @param baseUrl the server's base URL
     * @param secret the shared secret
     * @return moderator session, viewer session
     */
    static JoinResponse[] run(String baseUrl, String secret) {
        // README-BEGIN quick-start
        BbbClient bbb = BbbClient.builder()
                .baseUrl(baseUrl)      // https://bbb.example.org/bigbluebutton/ - with or without "api/"
                .secret(secret)        // bbb-conf --secret
                .build();              // immutable, thread-safe: share one per server

        CreateMeetingResponse created = bbb.create(
                CreateMeetingRequest.builder("klasse-7b-mathe", "Klasse 7b – Mathematik")
                        .record(false)
                        .guestPolicy(GuestPolicy.ASK_MODERATOR)
                        .disabledFeatures(Feature.PRIVATE_CHAT, Feature.LEARNING_DASHBOARD)
                        .meta("bbb-origin", "schulportal")
                        .allowRequestsWithoutSession(true)   // the browser enters without the join answer's cookie
                        .build());

        // Join on the server at the click: the browser gets only the session URL, which it cannot
        // bend (a signed join URL it could: see docs/reliability-and-security.md).
        JoinResponse moderator = bbb.join(
                JoinMeetingRequest.builder("klasse-7b-mathe", "Frau Schmidt", Role.MODERATOR)
                        .userId("u-4711")
                        .createTime(created.createTime())
                        .build());
        JoinResponse viewer = bbb.join(
                JoinMeetingRequest.builder("klasse-7b-mathe", "Ali K.", Role.VIEWER)
                        .userId("u-0815")
                        .createTime(created.createTime())
                        .build());

        System.out.println("moderator: " + moderator);   // toString() leaves out the session token and URL
        System.out.println("viewer:    " + viewer);
        // redirect the teacher's browser to moderator.url().orElseThrow(), the pupil's to viewer.url() - never log them
        // README-END quick-start
        bbb.close();
        return new JoinResponse[] {moderator, viewer};
    }

    /**
     * Runs the quick start.
     *
     * @param args unused
     */
    public static void main(String[] args) {
        try (ExampleServer server = ExampleServer.fromEnvironment()) {
            System.out.println("Connected to " + server.describe());
            JoinResponse[] sessions = run(server.baseUrl(), server.secret());
            if (server.isSimulated()) {
                System.out.println();
                System.out.println("Simulator session URLs (they open the simulator's client page; shown because the simulator is throw-away):");
                System.out.println("  moderator: " + sessions[0].url().orElseThrow());
                System.out.println("  viewer:    " + sessions[1].url().orElseThrow());
            }
        }
    }
}
