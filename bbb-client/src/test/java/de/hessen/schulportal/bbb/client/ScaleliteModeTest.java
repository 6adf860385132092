// SPDX-License-Identifier: Apache-2.0
package de.hessen.schulportal.bbb.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.hessen.schulportal.bbb.client.hook.ListHooksRequest;
import de.hessen.schulportal.bbb.client.meeting.CreateMeetingRequest;
import de.hessen.schulportal.bbb.client.meeting.JoinMeetingRequest;
import de.hessen.schulportal.bbb.client.meeting.JoinResponse;
import de.hessen.schulportal.bbb.client.meeting.MeetingInfo;
import de.hessen.schulportal.bbb.client.meeting.Role;
import de.hessen.schulportal.bbb.client.meeting.SendChatMessageRequest;
import de.hessen.schulportal.bbb.client.recording.GetRecordingsRequest;
import de.hessen.schulportal.bbb.client.recording.Recording;
import de.hessen.schulportal.bbb.client.recording.RecordingsPage;
import de.hessen.schulportal.bbb.testkit.BbbSimulator;
import de.hessen.schulportal.bbb.testkit.SimulatedServer;
import de.hessen.schulportal.bbb.testkit.SimulatorMode;
import de.hessen.schulportal.bbb.testsupport.Secrets;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The client's Scalelite scenarios on the testkit's Scalelite mode: a tenant's secret, join through
 * the redirect to the BigBlueButton server, the connection check, SHA-384 refused, recordings
 * without paging, and what Scalelite does not offer.
 */
class ScaleliteModeTest {
    private static final String TENANT_SECRET = "tenant-secret-schule-a-0123456789";
    private static final HttpClient BROWSER = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    private final BbbSimulator sim = BbbSimulator.builder().mode(SimulatorMode.SCALELITE).servers(2)
            .tenant("schule-a", TENANT_SECRET).tenant("schule-b", "tenant-secret-schule-b-9876543210").start();
    private final BbbClient bbb = client(ChecksumAlgorithm.SHA256, TENANT_SECRET);

    private BbbClient client(ChecksumAlgorithm algorithm, String secret) {
        return BbbClient.builder().baseUrl(sim.baseUrl("schule-a")).secret(Secrets.forbid(secret))
                .checksumAlgorithm(algorithm).build();
    }

    @AfterEach
    void close() {
        bbb.close();
        sim.close();
    }

    @Test
    void join_followsTheRedirectToTheServer() throws Exception {
        bbb.create(CreateMeetingRequest.builder("7b-mathe", "Klasse 7b – Mathe").build());
        JoinResponse joined = bbb.join(JoinMeetingRequest.builder("7b-mathe", "Frau Schmidt", Role.MODERATOR)
                .userId("t-1").build());
        assertThat(joined.sessionToken()).isNotEmpty();
        SimulatedServer server = sim.servers().stream().filter(s -> s.meetingIds().contains("7b-mathe")).findFirst()
                .orElseThrow();
        assertThat(joined.url().orElseThrow().toString()).startsWith(server.apiUrl().replace("bigbluebutton/api/", ""));

        // A browser given the join URL is sent on to the server's own signed join URL, then to the client.
        HttpResponse<Void> first = BROWSER.send(HttpRequest.newBuilder(bbb.joinUrl(JoinMeetingRequest.builder("7b-mathe",
                "Ali K.", Role.VIEWER).userId("s-1").build()).toUri()).build(), HttpResponse.BodyHandlers.discarding());
        assertThat(first.statusCode()).isEqualTo(302);
        String serverJoin = first.headers().firstValue("Location").orElseThrow();
        assertThat(serverJoin).startsWith(server.apiUrl() + "join?");
        HttpResponse<Void> second = BROWSER.send(HttpRequest.newBuilder(URI.create(serverJoin)).build(),
                HttpResponse.BodyHandlers.discarding());
        assertThat(second.headers().firstValue("Location").orElseThrow()).contains("/html5client/join?sessionToken=");

        MeetingInfo info = bbb.getMeetingInfo("7b-mathe");
        assertThat(info.attendees()).extracting(a -> a.userId() + ":" + a.role())
                .containsExactlyInAnyOrder("t-1:MODERATOR", "s-1:VIEWER");
        assertThat(info.metadata()).containsEntry("tenant-name", "schule-a");
    }

    @Test
    void checkConnection_okWithTheTenantSecret_wrongSecretOtherwise() {
        assertThat(bbb.checkConnection().status()).isEqualTo(ConnectionCheck.Status.OK);
        try (BbbClient other = client(ChecksumAlgorithm.SHA256, "tenant-secret-schule-b-9876543210")) {
            assertThat(other.checkConnection().status()).isEqualTo(ConnectionCheck.Status.WRONG_SECRET);
        }
    }

    @Test
    void sha384_refused() {
        try (BbbClient sha384 = client(ChecksumAlgorithm.SHA384, TENANT_SECRET)) {
            assertThatThrownBy(sha384::getMeetings).isInstanceOf(ChecksumErrorException.class);
            ConnectionCheck check = sha384.checkConnection();
            assertThat(check.status()).isEqualTo(ConnectionCheck.Status.ALGORITHM_NOT_SUPPORTED);
            assertThat(check.workingAlgorithm()).hasValueSatisfying(a -> assertThat(a).isNotEqualTo(ChecksumAlgorithm.SHA384));
        }
        for (ChecksumAlgorithm algorithm : List.of(ChecksumAlgorithm.SHA1, ChecksumAlgorithm.SHA512)) {
            try (BbbClient ok = client(algorithm, TENANT_SECRET)) {
                assertThat(ok.getMeetings()).isEmpty();
            }
        }
    }

    @Test
    void recordings_withoutPaging() {
        for (String id : List.of("physik-9a", "chemie-9a")) {
            bbb.create(CreateMeetingRequest.builder(id, "Unterricht " + id).record(true).build());
            bbb.join(JoinMeetingRequest.builder(id, "Herr Ohm", Role.MODERATOR).build());
            bbb.end(id);
        }
        sim.clock().advance(Duration.ofMinutes(2));
        RecordingsPage page = bbb.getRecordings(GetRecordingsRequest.builder().limit(1).build());
        assertThat(page.isPaged()).isFalse();
        assertThat(page.recordings()).as("Scalelite's get_recordings ignores limit").hasSize(2);
        assertThat(page.hasMore()).isFalse();
        assertThat(page.totalElements()).isEmpty();
        assertThat(bbb.allRecordings(GetRecordingsRequest.builder().build()).map(Recording::meetingId)
                .collect(Collectors.toList())).containsExactlyInAnyOrder("physik-9a", "chemie-9a");
    }

    @Test
    void whatScaleliteDoesNotOffer_failsWithUnsupportedRequest() {
        bbb.create(CreateMeetingRequest.builder("7b-mathe", "Klasse 7b").build());
        assertThatThrownBy(() -> bbb.sendChatMessage(SendChatMessageRequest.builder("7b-mathe", "Hallo").build()))
                .isInstanceOfSatisfying(BbbApiException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("unsupportedRequest"));
        assertThatThrownBy(() -> bbb.listHooks(ListHooksRequest.builder().build())).isInstanceOfSatisfying(BbbApiException.class,
                e -> assertThat(e.messageKey()).isEqualTo("unsupportedRequest"));
    }

    @Test
    void serverOutOfService_meetingGone_newMeetingOnAnotherServer() {
        bbb.create(CreateMeetingRequest.builder("7b-mathe", "Klasse 7b").build());
        String first = sim.servers().stream().filter(s -> s.meetingIds().contains("7b-mathe")).findFirst().orElseThrow().id();
        sim.takeOutOfService(first);
        assertThatThrownBy(() -> bbb.getMeetingInfo("7b-mathe")).isInstanceOf(MeetingNotFoundException.class);
        bbb.create(CreateMeetingRequest.builder("7b-mathe", "Klasse 7b").build());
        assertThat(sim.servers()).filteredOn(s -> s.meetingIds().contains("7b-mathe")).extracting(SimulatedServer::id)
                .singleElement().isNotEqualTo(first);
    }
}
