// SPDX-License-Identifier: Apache-2.0
package de.hessen.schulportal.bbb.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.hessen.schulportal.bbb.client.meeting.CreateMeetingRequest;
import de.hessen.schulportal.bbb.client.meeting.CreateMeetingResponse;
import de.hessen.schulportal.bbb.client.meeting.GuestPolicy;
import de.hessen.schulportal.bbb.client.meeting.GuestStatus;
import de.hessen.schulportal.bbb.client.meeting.JoinMeetingRequest;
import de.hessen.schulportal.bbb.client.meeting.JoinResponse;
import de.hessen.schulportal.bbb.client.meeting.MeetingInfo;
import de.hessen.schulportal.bbb.client.meeting.Role;
import de.hessen.schulportal.bbb.client.meeting.SendChatMessageRequest;
import de.hessen.schulportal.bbb.client.recording.GetRecordingsRequest;
import de.hessen.schulportal.bbb.client.recording.Recording;
import de.hessen.schulportal.bbb.client.recording.RecordingState;
import de.hessen.schulportal.bbb.testsupport.Secrets;
import de.hessen.schulportal.bbb.testkit.BbbSimulator;
import de.hessen.schulportal.bbb.testkit.SimulatedAttendee;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The client against the bbb-testkit simulator, which judges requests like bbb-web and shares no
 * code with the client: a meeting is created, joined, inspected and ended with each algorithm.
 */
class SimulatorEndToEndTest {
    private static final HttpClient BROWSER = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    private static int open(SignedUrl url) throws Exception {
        return BROWSER.send(HttpRequest.newBuilder(url.toUri()).GET().build(), HttpResponse.BodyHandlers.discarding())
                .statusCode();
    }

    @ParameterizedTest
    @EnumSource(ChecksumAlgorithm.class)
    void lifecycle_withEachAlgorithmOnAServerThatAcceptsOnlyIt(ChecksumAlgorithm algorithm) throws Exception {
        try (BbbSimulator sim = BbbSimulator.builder().endedMeetingRetention(Duration.ofMinutes(1))
                .supportedChecksumAlgorithms(algorithm.name().toLowerCase(Locale.ROOT)).start();
                BbbClient bbb = BbbClient.builder().baseUrl(sim.baseUrl()).secret(Secrets.forbid(sim.secret()))
                        .checksumAlgorithm(algorithm).build()) {
            assertThat(bbb.checkConnection().status()).isEqualTo(ConnectionCheck.Status.OK);
            CreateMeetingResponse created = bbb.create(CreateMeetingRequest.builder("7b-mathe ü+&", "Klasse 7b – Mathe")
                    .meta("bbb-origin", "schulportal").build());
            assertThat(bbb.isMeetingRunning("7b-mathe ü+&")).isFalse();

            SignedUrl teacher = bbb.joinUrl(JoinMeetingRequest.builder("7b-mathe ü+&", "Frau Schmidt", Role.MODERATOR)
                    .userId("t-1").createTime(created.createTime()).userdata("bbb_auto_join_audio", "true").build());
            assertThat(open(teacher)).isEqualTo(302);
            JoinResponse student = bbb.join(JoinMeetingRequest.builder("7b-mathe ü+&", "Ali K.", Role.VIEWER).userId("s-1")
                    .createTime(created.createTime()).build());
            assertThat(student.guestStatus()).isEqualTo(GuestStatus.ALLOW);

            MeetingInfo info = bbb.getMeetingInfo("7b-mathe ü+&");
            assertThat(info.isRunning()).isTrue();
            assertThat(info.meetingName()).isEqualTo("Klasse 7b – Mathe");
            assertThat(info.metadata()).containsEntry("bbb-origin", "schulportal");
            assertThat(info.participantCount()).isEqualTo(2);
            assertThat(info.moderatorCount()).isEqualTo(1);
            assertThat(info.attendees()).extracting(a -> a.userId() + ":" + a.role())
                    .containsExactlyInAnyOrder("t-1:MODERATOR", "s-1:VIEWER");
            assertThat(info.attendees()).filteredOn(a -> a.userId().equals("t-1")).first()
                    .satisfies(a -> assertThat(a.customData()).containsEntry("bbb_auto_join_audio", "true"));
            assertThat(bbb.getMeetings()).extracting(MeetingInfo::meetingId).containsExactly("7b-mathe ü+&");

            bbb.sendChatMessage(SendChatMessageRequest.builder("7b-mathe ü+&", "Hallo 7b!").build());
            assertThat(sim.meeting("7b-mathe ü+&").orElseThrow().chatMessages()).hasSize(1);

            bbb.end("7b-mathe ü+&");
            assertThat(bbb.isMeetingRunning("7b-mathe ü+&")).isFalse();
            assertThatThrownBy(() -> bbb.join(JoinMeetingRequest.builder("7b-mathe ü+&", "Spät", Role.VIEWER).build()))
                    .isInstanceOf(MeetingForciblyEndedException.class);

            CreateMeetingResponse again = bbb.create(CreateMeetingRequest.builder("7b-mathe ü+&", "Klasse 7b – Mathe").build());
            assertThat(again.createTime()).isNotEqualTo(created.createTime());
            assertThatThrownBy(() -> bbb.join(JoinMeetingRequest.builder("7b-mathe ü+&", "Alt", Role.VIEWER)
                    .createTime(created.createTime()).build())).isInstanceOf(CreateTimeMismatchException.class);
        }
    }

    @Test
    void rejectedAlgorithm_isAChecksumError() {
        try (BbbSimulator sim = BbbSimulator.builder().supportedChecksumAlgorithms("sha512").start();
                BbbClient bbb = BbbClient.builder().baseUrl(sim.baseUrl()).secret(Secrets.forbid(sim.secret())).build()) {
            assertThatThrownBy(() -> bbb.getMeetings()).isInstanceOf(ChecksumErrorException.class);
            ConnectionCheck check = bbb.checkConnection();
            assertThat(check.status()).isEqualTo(ConnectionCheck.Status.ALGORITHM_NOT_SUPPORTED);
            assertThat(check.workingAlgorithm()).contains(ChecksumAlgorithm.SHA512);
        }
    }

    @Test
    void guestLobby_waitsUntilApproved() throws Exception {
        try (BbbSimulator sim = BbbSimulator.start();
                BbbClient bbb = BbbClient.builder().baseUrl(sim.baseUrl()).secret(Secrets.forbid(sim.secret())).build()) {
            CreateMeetingResponse created = bbb.create(CreateMeetingRequest.builder("elternsprechtag", "Elternsprechtag")
                    .guestPolicy(GuestPolicy.ASK_MODERATOR).build());
            assertThat(open(bbb.joinUrl(JoinMeetingRequest.builder("elternsprechtag", "Herr Lehrer", Role.MODERATOR)
                    .userId("t-1").build()))).isEqualTo(302);
            JoinResponse parent = bbb.join(JoinMeetingRequest.builder("elternsprechtag", "Frau Yilmaz (Eltern)", Role.VIEWER)
                    .userId("p-1").guest(true).createTime(created.createTime()).build());
            assertThat(parent.guestStatus()).isEqualTo(GuestStatus.WAIT);
            assertThat(sim.meeting("elternsprechtag").orElseThrow().lobby()).extracting(SimulatedAttendee::userId)
                    .containsExactly("p-1");
            assertThat(sim.approveGuest("elternsprechtag", "p-1")).isTrue();
            assertThat(bbb.getMeetingInfo("elternsprechtag").attendees()).extracting(a -> a.userId())
                    .containsExactlyInAnyOrder("t-1", "p-1");
        }
    }

    @Test
    void recordings_lifecycleOnTheSimulatorClock() throws Exception {
        try (BbbSimulator sim = BbbSimulator.builder().recordingProcessingTime(Duration.ofMinutes(2)).start();
                BbbClient bbb = BbbClient.builder().baseUrl(sim.baseUrl()).secret(Secrets.forbid(sim.secret())).build()) {
            bbb.create(CreateMeetingRequest.builder("physik-9a", "Physik 9a").record(true).meta("bbb-origin", "schulportal").build());
            open(bbb.joinUrl(JoinMeetingRequest.builder("physik-9a", "Herr Ohm", Role.MODERATOR).build()));
            bbb.end("physik-9a");
            List<Recording> processing = bbb.getRecordings(GetRecordingsRequest.builder().meetingIds("physik-9a")
                    .anyState().build()).recordings();
            assertThat(processing).hasSize(1);
            assertThat(processing.get(0).state()).isIn(RecordingState.PROCESSING, RecordingState.PROCESSED);
            sim.clock().advance(Duration.ofMinutes(3));
            Recording published = bbb.allRecordings(GetRecordingsRequest.builder().meetingIds("physik-9a").limit(10).build())
                    .findFirst().orElseThrow();
            assertThat(published.state()).isEqualTo(RecordingState.PUBLISHED);
            assertThat(published.metadata()).containsEntry("bbb-origin", "schulportal");
            assertThat(published.playbackFormats()).isNotEmpty();
            assertThat(bbb.publishRecordings(List.of(published.recordId()), false)).isFalse();
            assertThat(bbb.getRecordings(GetRecordingsRequest.builder().recordIds(published.recordId()).build())
                    .recordings().get(0).state()).isEqualTo(RecordingState.UNPUBLISHED);
            assertThat(bbb.deleteRecordings(List.of(published.recordId()))).isTrue();
        }
    }

    @Test
    void async_lifecycle() throws Exception {
        try (BbbSimulator sim = BbbSimulator.start();
                BbbClient bbb = BbbClient.builder().baseUrl(sim.baseUrl()).secret(Secrets.forbid(sim.secret())).build()) {
            CreateMeetingResponse created = bbb.async().create(CreateMeetingRequest.builder("async-room", "Async").build()).join();
            JoinResponse joined = bbb.async().join(JoinMeetingRequest.builder("async-room", "Ada", Role.MODERATOR)
                    .createTime(created.createTime()).build()).join();
            assertThat(joined.meetingId()).isEqualTo(created.internalMeetingId());
            assertThat(bbb.async().getMeetingInfo("async-room").join().participantCount()).isEqualTo(1);
            assertThat(bbb.async().end("async-room").join()).isTrue();
            assertThat(bbb.async().isMeetingRunning("async-room").join()).isFalse();
        }
    }
}
