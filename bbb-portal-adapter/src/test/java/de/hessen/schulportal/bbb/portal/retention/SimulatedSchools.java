// SPDX-License-Identifier: Apache-2.0
package de.hessen.schulportal.bbb.portal.retention;

import static org.assertj.core.api.Assertions.assertThat;

import de.hessen.schulportal.bbb.client.BbbClient;
import de.hessen.schulportal.bbb.client.meeting.CreateMeetingRequest;
import de.hessen.schulportal.bbb.client.meeting.JoinMeetingRequest;
import de.hessen.schulportal.bbb.client.meeting.Role;
import de.hessen.schulportal.bbb.portal.JoinOutcome;
import de.hessen.schulportal.bbb.portal.Person;
import de.hessen.schulportal.bbb.portal.Pseudonyms;
import de.hessen.schulportal.bbb.portal.Relation;
import de.hessen.schulportal.bbb.portal.Room;
import de.hessen.schulportal.bbb.portal.RoomKind;
import de.hessen.schulportal.bbb.portal.RoomOptions;
import de.hessen.schulportal.bbb.portal.School;
import de.hessen.schulportal.bbb.portal.SchoolConferences;
import de.hessen.schulportal.bbb.portal.SchoolRole;
import de.hessen.schulportal.bbb.portal.TenantDirectory;
import de.hessen.schulportal.bbb.testkit.BbbSimulator;
import de.hessen.schulportal.bbb.testkit.SimulatorClock;
import de.hessen.schulportal.bbb.testkit.SimulatorMode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * Two schools on the simulator in either mode (one bbb-web shared by both, or two Scalelite
 * tenants), a clock shared by the simulator and the code under test, and recordings made the way
 * BigBlueButton makes them: a recorded meeting someone joined, ended, processed.
 */
public final class SimulatedSchools implements AutoCloseable {
    public static final byte[] KEY = "0123456789abcdef0123456789ABCDEF-test-key".getBytes(StandardCharsets.US_ASCII);
    public static final byte[] OLD_KEY = "fedcba9876543210FEDCBA9876543210-old-key".getBytes(StandardCharsets.US_ASCII);
    public static final School GOETHE = School.of("6021", "Goethe-Schule Musterstadt");
    public static final School SCHILLER = School.of("6022", "Schiller-Schule Musterstadt");
    private static final HttpClient BROWSER = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    final SimulatorMode mode;
    final BbbSimulator sim;
    public final BbbClient goethe;
    public final BbbClient schiller;
    public final TenantDirectory tenants;
    public final Clock clock;

    /** The simulator as one bbb-web server, for tests outside this package. */
    public static SimulatedSchools bbbWeb() {
        return new SimulatedSchools(SimulatorMode.BBB_WEB);
    }

    public String baseUrl() {
        return sim.baseUrl();
    }

    public String secret() {
        return sim.secret();
    }

    public void advance(Duration amount) {
        sim.clock().advance(amount);
    }

    SimulatedSchools(SimulatorMode mode) {
        this.mode = mode;
        SimulatorClock simClock = SimulatorClock.manual(Instant.parse("2026-09-01T06:00:00Z"));
        if (mode == SimulatorMode.SCALELITE) {
            sim = BbbSimulator.builder().mode(SimulatorMode.SCALELITE).servers(2).clock(simClock)
                    .tenant("goethe", "goethe-secret-0123456789").tenant("schiller", "schiller-secret-0123456789").start();
            goethe = BbbClient.builder().baseUrl(sim.baseUrl("goethe")).secret("goethe-secret-0123456789").build();
            schiller = BbbClient.builder().baseUrl(sim.baseUrl("schiller")).secret("schiller-secret-0123456789").build();
        } else {
            sim = BbbSimulator.builder().clock(simClock).start();
            goethe = BbbClient.builder().baseUrl(sim.baseUrl()).secret(sim.secret()).build();
            schiller = goethe;
        }
        tenants = TenantDirectory.builder().school(GOETHE.id(), goethe).school(SCHILLER.id(), schiller).build();
        clock = new Clock() {
            @Override
            public ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return sim.clock().now();
            }
        };
    }

    public SchoolConferences conferences(byte[] key) {
        return SchoolConferences.builder().tenants(tenants).pseudonyms(Pseudonyms.of(key)).clock(clock).build();
    }

    public static Room recordedRoom(School school, String id, RoomKind kind) {
        return Room.builder(school, id, kind).title("Raum " + id)
                .options(RoomOptions.builder().recordingAllowed(true).build()).build();
    }

    public static Person teacher(String id) {
        return Person.builder(id, SchoolRole.TEACHER, Relation.ORGANISER).firstName("Erika").lastName("Mustermann-" + id)
                .recordingConsent(true).build();
    }

    /** A teacher opens the room, the meeting ends: a recording, published once the clock moves on. */
    public void record(SchoolConferences conferences, Room room) {
        JoinOutcome t = conferences.join(room, teacher("t-" + room.id()));
        open(t.sessionUrl().orElseThrow());
        assertThat(conferences.end(room)).isTrue();
    }

    /** A recording the SDK did not create: no school pseudonym in its metadata. */
    public void recordForeign(String meetingId) {
        goethe.create(CreateMeetingRequest.builder(meetingId, "Fremdes Meeting").record(true).build());
        open(goethe.joinUrl(JoinMeetingRequest.builder(meetingId, "Jemand", Role.MODERATOR).build()).toUri());
        goethe.end(meetingId);
    }

    public void processRecordings() {
        sim.clock().advance(Duration.ofMinutes(5));
    }

    /** Opens a join link as a browser: through Scalelite's redirect, if any, to the server's answer. */
    public static void open(URI uri) {
        try {
            URI next = uri;
            for (int hop = 0; hop < 3; hop++) {
                HttpResponse<Void> r = BROWSER.send(HttpRequest.newBuilder(next).build(), HttpResponse.BodyHandlers.discarding());
                if (r.statusCode() == 200) {
                    return; // the client's entry page
                }
                assertThat(r.statusCode()).isEqualTo(302);
                String location = r.headers().firstValue("Location").orElseThrow();
                if (!location.contains("/api/join?")) {
                    return;
                }
                next = URI.create(location);
            }
            throw new AssertionError("too many redirects");
        } catch (IOException e) {
            throw new AssertionError(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    @Override
    public void close() {
        goethe.close();
        if (schiller != goethe) {
            schiller.close();
        }
        sim.close();
    }
}
