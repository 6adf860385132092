// SPDX-License-Identifier: Apache-2.0
package de.hessen.schulportal.bbb.examples;

import de.hessen.schulportal.bbb.client.BbbClient;
import de.hessen.schulportal.bbb.client.SignedUrl;
import de.hessen.schulportal.bbb.client.meeting.CreateMeetingRequest;
import de.hessen.schulportal.bbb.client.meeting.CreateMeetingResponse;
import de.hessen.schulportal.bbb.client.meeting.Feature;
import de.hessen.schulportal.bbb.client.meeting.GuestPolicy;
import de.hessen.schulportal.bbb.client.meeting.JoinMeetingRequest;
import de.hessen.schulportal.bbb.client.meeting.Role;

/**
 * Quick start: create a meeting and print a moderator and a viewer link. The code between the
 * README markers is the README's quick start, word for word (a test keeps the two in sync).
 *
 * <p>Run: {@code mvn -q -Pdemo verify -Dexample=de.hessen.schulportal.bbb.examples.QuickStart}
 */
public final class QuickStart {
    private QuickStart() {
    }

    /**
     * Creates a meeting and returns the two links.
     *
     * @param baseUrl the server's base URL
     * @param secret the shared secret
     * @return moderator link, viewer link
     */
    static SignedUrl[] run(String baseUrl, String secret) {
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
                        .build());

        SignedUrl moderator = bbb.joinUrl(
                JoinMeetingRequest.builder("klasse-7b-mathe", "Frau Schmidt", Role.MODERATOR)
                        .userId("u-4711")
                        .createTime(created.createTime())
                        .build());
        SignedUrl viewer = bbb.joinUrl(
                JoinMeetingRequest.builder("klasse-7b-mathe", "Ali K.", Role.VIEWER)
                        .userId("u-0815")
                        .createTime(created.createTime())
                        .build());

        System.out.println("moderator: " + moderator);   // toString() masks the checksum
        System.out.println("viewer:    " + viewer);
        // hand moderator.toUri() to the teacher's browser, viewer.toUri() to the pupil's
        // README-END quick-start
        bbb.close();
        return new SignedUrl[] {moderator, viewer};
    }

    /**
     * Runs the quick start.
     *
     * @param args unused
     */
    public static void main(String[] args) {
        try (ExampleServer server = ExampleServer.fromEnvironment()) {
            System.out.println("Connected to " + server.describe());
            SignedUrl[] links = run(server.baseUrl(), server.secret());
            if (server.isSimulated()) {
                System.out.println();
                System.out.println("Simulator links (they open nothing real; shown unmasked because the simulator's secret is throw-away):");
                System.out.println("  moderator: " + links[0].toUri());
                System.out.println("  viewer:    " + links[1].toUri());
            }
        }
    }
}
