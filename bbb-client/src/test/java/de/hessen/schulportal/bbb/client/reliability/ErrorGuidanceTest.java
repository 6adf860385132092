// SPDX-License-Identifier: Apache-2.0
package de.hessen.schulportal.bbb.client.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.hessen.schulportal.bbb.client.BbbApiException;
import de.hessen.schulportal.bbb.client.BbbClient;
import de.hessen.schulportal.bbb.client.BbbTransportException;
import de.hessen.schulportal.bbb.client.ChecksumErrorException;
import de.hessen.schulportal.bbb.client.ConnectionCheck;
import de.hessen.schulportal.bbb.client.MeetingNotFoundException;
import de.hessen.schulportal.bbb.client.hook.Hook;
import de.hessen.schulportal.bbb.testsupport.RefusedPort;
import de.hessen.schulportal.bbb.testsupport.Secrets;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Errors that tell the user what to do (issue 12, items 4 and 12): transport failures name the
 * host and the reason and keep their cause; a checksum error says what to check; a recording's
 * {@code notFound} is not a missing meeting; {@code end} answers {@code false} for an unknown
 * meeting; {@code checkConnection()} makes one attempt per probe; a base URL with user info is
 * refused without repeating it; a hook's callback URL is left out of {@code toString()}.
 */
class ErrorGuidanceTest {
    private static final String FAILED = "<response><returncode>FAILED</returncode><messageKey>%s</messageKey>"
            + "<message>%s</message></response>";

    private LoopbackServer server;
    private BbbClient client;

    private BbbClient serve(Function<String, LoopbackServer.Reply> replies) throws IOException {
        server = new LoopbackServer(replies);
        client = BbbClient.builder().baseUrl(server.baseUrl()).secret(Secrets.SECRET).maxRetries(2)
                .retryBackoff(Duration.ofMillis(1), Duration.ofMillis(2)).build();
        return client;
    }

    private static LoopbackServer.Reply failed(String key) {
        return LoopbackServer.status(200, "text/xml", String.format(FAILED, key, "the server says " + key));
    }

    @AfterEach
    void stop() throws IOException {
        if (client != null) {
            client.close();
        }
        if (server != null) {
            server.close();
        }
    }

    @Test
    void connectionRefused_namesHostAndReason_keepsCause() {
        try (RefusedPort refused = new RefusedPort();
                BbbClient c = BbbClient.builder().baseUrl(refused.baseUrl())
                .secret(Secrets.SECRET).maxRetries(0).build()) {
            assertThatThrownBy(() -> c.getMeetings()).isInstanceOfSatisfying(BbbTransportException.class, e -> {
                assertThat(e.getMessage()).contains("127.0.0.1").contains("connection refused").contains("getMeetings");
                assertThat(e.getCause()).isNotNull();
                assertThat(e.isTimeout()).isFalse();
            });
        }
    }

    @Test
    void unknownHost_namesHost_keepsCause() {
        try (BbbClient c = BbbClient.builder().baseUrl("http://bbb.invalid/bigbluebutton/").secret(Secrets.SECRET)
                .maxRetries(0).connectTimeout(Duration.ofSeconds(5)).build()) {
            assertThatThrownBy(() -> c.getMeetings()).isInstanceOfSatisfying(BbbTransportException.class, e -> {
                assertThat(e.getMessage()).contains("bbb.invalid");
                assertThat(e.getCause()).isNotNull();
            });
        }
    }

    @Test
    void tlsFailure_namesHostAndTls() throws IOException {
        serve(line -> LoopbackServer.status(200, "text/xml", "<response/>"));
        String https = server.baseUrl().replace("http://", "https://");
        try (BbbClient c = BbbClient.builder().baseUrl(https).secret(Secrets.SECRET).maxRetries(0).build()) {
            assertThatThrownBy(() -> c.getMeetings()).isInstanceOfSatisfying(BbbTransportException.class, e -> {
                assertThat(e.getMessage()).contains("TLS").contains("127.0.0.1");
                assertThat(e.getCause()).isNotNull();
            });
        }
    }

    @Test
    void checksumError_saysWhatToCheck() throws IOException {
        assertThatThrownBy(() -> serve(line -> failed("checksumError")).getMeetingInfo("room-1"))
                .isInstanceOf(ChecksumErrorException.class)
                .hasMessageContaining("wrong secret or algorithm not enabled; checkConnection() tells which");
    }

    @Test
    void notFound_onRecordingCalls_isNotAMissingMeeting() throws IOException {
        BbbClient c = serve(line -> failed("notFound"));
        assertThatThrownBy(() -> c.publishRecordings(List.of("rec-1"), true)).isInstanceOf(BbbApiException.class)
                .isNotInstanceOf(MeetingNotFoundException.class);
        assertThatThrownBy(() -> c.async().deleteRecordings(List.of("rec-1")).join())
                .cause().isInstanceOf(BbbApiException.class).isNotInstanceOf(MeetingNotFoundException.class);
        assertThatThrownBy(() -> c.getMeetingInfo("room-1")).isInstanceOf(MeetingNotFoundException.class);
    }

    @Test
    void end_answersFalseForNotFound_trueOtherwise() throws IOException {
        BbbClient c = serve(line -> line.contains("meetingID=gone")
                ? failed("notFound") : LoopbackServer.status(200, "text/xml",
                        "<response><returncode>SUCCESS</returncode><messageKey>sentEndMeetingRequest</messageKey></response>"));
        assertThat(c.end("gone")).isFalse();
        assertThat(c.async().end("gone").join()).isFalse();
        assertThat(c.end("room-1")).isTrue();
        assertThat(c.async().end("room-1").join()).isTrue();
    }

    @Test
    void checkConnection_makesOneAttemptPerProbe() throws IOException {
        BbbClient c = serve(line -> LoopbackServer.status(503, "text/html", "<html>busy</html>"));
        assertThat(c.checkConnection().status()).isEqualTo(ConnectionCheck.Status.NOT_BBB);
        assertThat(server.requests()).isEqualTo(1);
        assertThat(c.async().checkConnection().join().status()).isEqualTo(ConnectionCheck.Status.NOT_BBB);
        assertThat(server.requests()).isEqualTo(2);
    }

    @Test
    void checkConnection_wrongSecret_triesEachAlgorithmOnce() throws IOException {
        BbbClient c = serve(line -> line.contains("/api/ ") || line.contains("/api ")
                ? LoopbackServer.status(200, "text/xml",
                        "<response><returncode>SUCCESS</returncode><version>2.0</version></response>")
                : failed("checksumError"));
        assertThat(c.checkConnection().status()).isEqualTo(ConnectionCheck.Status.WRONG_SECRET);
        assertThat(server.requests()).isEqualTo(5);
        assertThat(c.async().checkConnection().join().status()).isEqualTo(ConnectionCheck.Status.WRONG_SECRET);
        assertThat(server.requests()).isEqualTo(10);
    }

    @Test
    void baseUrl_withUserInfo_isRefusedWithoutRepeatingIt() {
        for (String url : List.of("https://admin:pw-7f3a@bbb.example.org/bigbluebutton/", "http://admin@bbb.example.org/")) {
            assertThatThrownBy(() -> BbbClient.builder().baseUrl(url)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("baseUrl").hasMessageContaining("user info")
                    .hasMessageNotContaining("pw-7f3a").hasMessageNotContaining("admin");
        }
        assertThatThrownBy(() -> BbbClient.builder().baseUrl(null)).isInstanceOf(NullPointerException.class)
                .hasMessage("baseUrl");
    }

    @Test
    void closedClient_failsSyncAndAsyncCallsAtOnce() {
        BbbClient c = BbbClient.builder().baseUrl("http://127.0.0.1:9/bigbluebutton/").secret(Secrets.SECRET).build();
        c.close();
        assertThatThrownBy(() -> c.getMeetings()).isInstanceOf(IllegalStateException.class).hasMessageContaining("closed");
        assertThatThrownBy(() -> c.async().getMeetings().get(10, java.util.concurrent.TimeUnit.SECONDS))
                .hasCauseInstanceOf(IllegalStateException.class);
        assertThat(c.joinUrl(de.hessen.schulportal.bbb.client.meeting.JoinMeetingRequest.builder("room-1", "Ada",
                de.hessen.schulportal.bbb.client.meeting.Role.VIEWER).build()).toUri()).isNotNull();
    }

    @Test
    void hook_toString_leavesOutItsCallbackUrl() {
        Hook hook = Hook.builder().hookId("1").callbackUrl("https://portal.example.org/hooks?school=4711&token=t0k3n#frag")
                .build();
        assertThat(hook.toString()).contains("hookId=1").contains("callbackUrl=****")
                .doesNotContain("t0k3n").doesNotContain("4711").doesNotContain("portal.example.org");
        assertThat(hook.callbackUrl()).contains("t0k3n");
    }
}
