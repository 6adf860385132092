// SPDX-License-Identifier: Apache-2.0
package de.hessen.schulportal.bbb.benchmarks;

import de.hessen.schulportal.bbb.client.BbbClient;
import de.hessen.schulportal.bbb.client.meeting.CreateMeetingRequest;
import de.hessen.schulportal.bbb.client.meeting.JoinMeetingRequest;
import de.hessen.schulportal.bbb.client.meeting.Role;
import de.hessen.schulportal.bbb.testkit.BbbSimulator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * Realistic answers for the parsing benchmarks, produced by the bbb-testkit simulator (which writes
 * the XML bbb-web writes): {@code getMeetings} with 50 meetings of 30 attendees each, and
 * {@code getRecordings} with 200 recordings. Built once per JVM.
 */
public final class ResponseFixtures {
    public static final int MEETINGS = 50;
    public static final int ATTENDEES = 30;
    public static final int RECORDINGS = 200;

    private static byte[] meetings;
    private static byte[] recordings;

    private ResponseFixtures() {
    }

    /** @return the getMeetings answer, 50 meetings × 30 attendees */
    public static synchronized byte[] getMeetingsXml() {
        if (meetings == null) {
            generate();
        }
        return meetings;
    }

    /** @return the getRecordings answer, 200 recordings */
    public static synchronized byte[] getRecordingsXml() {
        if (recordings == null) {
            generate();
        }
        return recordings;
    }

    private static void generate() {
        try (BbbSimulator sim = BbbSimulator.builder().recordingProcessingTime(Duration.ofSeconds(10)).start();
             BbbClient bbb = BbbClient.builder().baseUrl(sim.baseUrl()).secret(sim.secret()).build()) {
            for (int r = 0; r < RECORDINGS; r++) {
                String id = "rec-" + r;
                long t = bbb.create(CreateMeetingRequest.builder(id, "Klasse " + (5 + r % 8) + "c – Physik, Stunde " + r)
                        .record(true).meta("bbb-origin", "schulportal").meta("schule", "hs-4711").build()).createTime();
                bbb.join(JoinMeetingRequest.builder(id, "Frau Schäfer", Role.MODERATOR).userId("t-" + r).createTime(t).build());
                bbb.end(id);
            }
            sim.clock().advance(Duration.ofMinutes(5));
            recordings = fetch(sim, "getRecordings");
            for (int m = 0; m < MEETINGS; m++) {
                String id = "room-" + m;
                long t = bbb.create(CreateMeetingRequest.builder(id, "Klasse " + (5 + m % 8) + "b – Mathematik")
                        .meta("bbb-origin", "schulportal").meta("schule", "hs-4711").build()).createTime();
                for (int a = 0; a < ATTENDEES; a++) {
                    bbb.join(JoinMeetingRequest.builder(id, a == 0 ? "Herr Ölschläger" : "Schüler Jürgen " + a,
                            a == 0 ? Role.MODERATOR : Role.VIEWER).userId("p-" + m + "-" + a).createTime(t)
                            .userdata("bbb_auto_join_audio", "true").build());
                }
            }
            meetings = fetch(sim, "getMeetings");
        }
    }

    private static byte[] fetch(BbbSimulator sim, String call) {
        String url = RawSigner.sign(sim.apiUrl(), call, new String[0], new String[0], sim.secret(), "SHA-256");
        HttpClient http = HttpClient.newHttpClient();
        try {
            return http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofByteArray()).body();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
