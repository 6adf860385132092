// SPDX-License-Identifier: Apache-2.0
package de.hessen.schulportal.bbb.examples;

import de.hessen.schulportal.bbb.client.BbbClient;
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

/**
 * The README's portal adapter block, word for word between the markers (a test keeps the two in
 * sync): a pupil opens a lesson that has not started.
 *
 * <p>Run: {@code mvn -q -Pdemo verify -Dexample=de.hessen.schulportal.bbb.examples.AdapterQuickStart}
 */
public final class AdapterQuickStart {
    private AdapterQuickStart() {
    }

    /**
     * Asks the adapter for Kim's way into the lesson.
     *
     * @param bbb the client
     * @param pseudonymKeyBase64 the portal's pseudonym key, base64
     * @return the outcome
     */
    static JoinOutcome run(BbbClient bbb, String pseudonymKeyBase64) {
        // README-BEGIN adapter
        // bbb: the BbbClient of the quick start, one per server or Scalelite tenant
        SchoolConferences conferences = SchoolConferences.builder()
                .tenants(TenantDirectory.single(bbb))                   // or one client per school or cluster
                .pseudonyms(Pseudonyms.fromBase64(pseudonymKeyBase64))  // at least 32 random bytes, kept by the portal
                .build();

        Room lesson = Room.of(School.of("6021"), "kurs-7b-mathe", RoomKind.LESSON, "Klasse 7b – Mathematik");
        Person kim = Person.builder("u-4711", SchoolRole.STUDENT, Relation.MEMBER).firstName("Kim").lastName("Yilmaz").build();

        JoinOutcome outcome = conferences.join(lesson, kim);   // SESSION, WAIT_FOR_START or DENIED
        System.out.println(outcome.kind() + ": " + outcome.decision().reason());
        // SESSION: joined on the server; redirect the browser to outcome.sessionUrl().orElseThrow() - never log it
        // README-END adapter
        return outcome;
    }

    /**
     * Runs the block.
     *
     * @param args unused
     */
    public static void main(String[] args) {
        try (ExampleServer server = ExampleServer.fromEnvironment()) {
            System.out.println("Connected to " + server.describe());
            String key = System.getenv("BBB_PSEUDONYM_KEY");
            run(server.client(), key != null && !key.isBlank() ? key
                    : java.util.Base64.getEncoder().encodeToString(SchoolMorningDemo.randomKey()));
        }
    }
}
