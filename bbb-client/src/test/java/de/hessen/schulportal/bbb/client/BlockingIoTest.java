// SPDX-License-Identifier: Apache-2.0
package de.hessen.schulportal.bbb.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.hessen.schulportal.bbb.client.meeting.CreateMeetingRequest;
import de.hessen.schulportal.bbb.client.meeting.CreateMeetingResponse;
import de.hessen.schulportal.bbb.client.meeting.JoinMeetingRequest;
import de.hessen.schulportal.bbb.client.meeting.JoinResponse;
import de.hessen.schulportal.bbb.client.meeting.MeetingInfo;
import de.hessen.schulportal.bbb.client.meeting.Role;
import de.hessen.schulportal.bbb.testsupport.Secrets;
import de.hessen.schulportal.bbb.testkit.BbbSimulator;
import java.net.http.HttpClient;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * {@link BbbClient.Builder#blockingIo(boolean)}: a client doing its synchronous I/O on the calling
 * thread makes the same calls as the default one against the simulator (which judges checksums
 * like bbb-web), async calls keep working, and the option is refused beside a caller's HttpClient.
 */
class BlockingIoTest {

    @Test
    void syncAndAsyncCalls_withBlockingIo_workAgainstTheSimulator() throws Exception {
        try (BbbSimulator sim = BbbSimulator.start();
                BbbClient bbb = BbbClient.builder().baseUrl(sim.baseUrl()).secret(Secrets.forbid(sim.secret()))
                        .blockingIo(true).build()) {
            CreateMeetingResponse created = bbb.create(CreateMeetingRequest.builder("7b-mathe ü+&", "Klasse 7b – Mathe")
                    .meta("bbb-origin", "schulportal").build());
            JoinResponse joined = bbb.join(JoinMeetingRequest.builder("7b-mathe ü+&", "Jörg Ü.", Role.VIEWER).userId("s-1")
                    .createTime(created.createTime()).build());
            assertThat(joined.url()).isPresent();
            MeetingInfo info = bbb.getMeetingInfo("7b-mathe ü+&");
            assertThat(info.attendees()).singleElement().satisfies(a -> assertThat(a.fullName()).isEqualTo("Jörg Ü."));
            assertThat(bbb.async().getMeetingInfo("7b-mathe ü+&").get().participantCount()).isEqualTo(1);
            assertThat(bbb.end("7b-mathe ü+&")).isTrue();
            assertThatThrownBy(() -> bbb.getMeetingInfo("7b-mathe ü+&")).isInstanceOf(MeetingNotFoundException.class);
        }
    }

    @Test
    void sync_withBlockingIoAndServerGone_throwsTransportException() throws Exception {
        String url;
        try (BbbSimulator sim = BbbSimulator.start()) {
            url = sim.baseUrl();
        }
        try (BbbClient bbb = BbbClient.builder().baseUrl(url).secret("s3cr3t-s3cr3t").blockingIo(true).maxRetries(0)
                .requestTimeout(Duration.ofSeconds(5)).build()) {
            assertThatThrownBy(() -> bbb.getMeetingInfo("room-1")).isInstanceOf(BbbTransportException.class)
                    .hasMessageContaining("getMeetingInfo").hasMessageNotContaining("checksum");
        }
    }

    @Test
    void build_withBlockingIoAndOwnHttpClient_isRefused() {
        BbbClient.Builder b = BbbClient.builder().baseUrl("https://bbb.example.org/bigbluebutton/").secret("s3cr3t-s3cr3t")
                .httpClient(HttpClient.newHttpClient()).blockingIo(true);
        assertThatThrownBy(b::build).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("blockingIo").hasMessageContaining("httpClient");
        assertThat(BbbClient.builder().baseUrl("https://bbb.example.org/bigbluebutton/").secret("s3cr3t-s3cr3t")
                .blockingIo(true).build().toBuilder().httpClient(HttpClient.newHttpClient()))
                .as("toBuilder keeps the setting").satisfies(copy -> assertThatThrownBy(copy::build)
                        .isInstanceOf(IllegalArgumentException.class));
    }
}
