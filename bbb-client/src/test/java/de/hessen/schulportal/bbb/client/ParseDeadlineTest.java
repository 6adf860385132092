// SPDX-License-Identifier: Apache-2.0
package de.hessen.schulportal.bbb.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.hessen.schulportal.bbb.client.event.BbbEventListener;
import de.hessen.schulportal.bbb.client.meeting.GetMeetingInfoRequest;
import de.hessen.schulportal.bbb.client.meeting.IsMeetingRunningRequest;
import de.hessen.schulportal.bbb.client.internal.HttpCall;
import de.hessen.schulportal.bbb.client.internal.RawResponse;
import de.hessen.schulportal.bbb.client.internal.Transport;
import de.hessen.schulportal.bbb.client.recording.GetRecordingTextTracksRequest;
import de.hessen.schulportal.bbb.client.recording.TextTrack;
import java.net.http.HttpHeaders;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;

/**
 * The request deadline covers parsing, not only the network (issue 12, item 1): a large answer
 * whose reading left no time, or whose parse runs past the attempt's deadline, ends the call with a
 * {@link BbbTransportException} that {@link BbbTransportException#isTimeout() is a timeout}, sync
 * and async; with time left, or if it is small (64 KiB are always read), an answer is read normally.
 */
class ParseDeadlineTest {
    private static final HttpHeaders XML = HttpHeaders.of(Map.of("Content-Type", java.util.List.of("text/xml")),
            (a, b) -> true);
    /** About 8 MB of distinct sibling names: far more than a millisecond of parsing on any machine. */
    private static final byte[] HOSTILE = hostile();

    /** About 8 MB of JSON text tracks: the text-track calls' answer, as large as the XML one above. */
    private static final byte[] HOSTILE_JSON = hostileJson();

    private static byte[] hostileJson() {
        StringBuilder sb = new StringBuilder("{\"response\":{\"returncode\":\"SUCCESS\",\"tracks\":[");
        for (int i = 0; sb.length() < 8_000_000; i++) {
            sb.append(i == 0 ? "" : ",").append("{\"href\":\"t").append(i).append("\",\"kind\":\"subtitles\",\"lang\":\"de\"}");
        }
        return sb.append("]}}").toString().getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] hostile() {
        StringBuilder sb = new StringBuilder("<response><returncode>SUCCESS</returncode>");
        for (int i = 0; sb.length() < 8_000_000; i++) {
            sb.append("<element").append(i).append(">x</element").append(i).append('>');
        }
        return sb.append("</response>").toString().getBytes(StandardCharsets.UTF_8);
    }

    /** A transport that answers at once with the given body and a deadline {@code left} from now. */
    private static ApiExecutor executor(byte[] body, Duration left) {
        Transport answer = new Transport() {
            @Override
            public RawResponse send(HttpCall call) {
                return new RawResponse(200, XML, body, 0, System.nanoTime() + left.toNanos());
            }

            @Override
            public CompletableFuture<RawResponse> sendAsync(HttpCall call) {
                return CompletableFuture.completedFuture(send(call));
            }
        };
        ClientConfig config = new ClientConfig(ClientConfig.apiBase("http://127.0.0.1:1/bigbluebutton/"), "s3cr3t-value",
                ChecksumAlgorithm.SHA256, ChecksumAlgorithm.SHA1, Duration.ofSeconds(1), Duration.ofSeconds(1), 1 << 26);
        return new ApiExecutor(config, answer, Runnable::run, BbbEventListener.NONE);
    }

    private static final Calls CALLS = new Calls(new ClientConfig("http://127.0.0.1:1/bigbluebutton/api/", "s3cr3t-value",
            ChecksumAlgorithm.SHA256, ChecksumAlgorithm.SHA1, Duration.ofSeconds(1), Duration.ofSeconds(1), 1 << 26));

    @Test
    void sync_whenParseRunsPastTheDeadline_endsAsTimeout() {
        ApiExecutor executor = executor(HOSTILE, Duration.ofMillis(1));
        assertThatThrownBy(() -> executor.execute(CALLS.getMeetingInfo(GetMeetingInfoRequest.builder("room-1").build())))
                .isInstanceOfSatisfying(BbbTransportException.class, e -> {
                    assertThat(e.isTimeout()).isTrue();
                    assertThat(e.getMessage()).contains("getMeetingInfo").contains("request timeout");
                });
    }

    @Test
    void async_whenParseRunsPastTheDeadline_failsAsTimeout() {
        ApiExecutor executor = executor(HOSTILE, Duration.ofMillis(1));
        assertThatThrownBy(() -> executor.executeAsync(CALLS.getMeetings()).join())
                .isInstanceOf(CompletionException.class)
                .cause().isInstanceOfSatisfying(BbbTransportException.class, e -> assertThat(e.isTimeout()).isTrue());
    }

    @Test
    void sync_whenJsonParseRunsPastTheDeadline_endsAsTimeoutAsXmlDoes() {
        ApiExecutor executor = executor(HOSTILE_JSON, Duration.ofMillis(1));
        assertThatThrownBy(() -> executor.execute(CALLS.getRecordingTextTracks(GetRecordingTextTracksRequest.builder("rec-1").build())))
                .isInstanceOfSatisfying(BbbTransportException.class, e -> {
                    assertThat(e.isTimeout()).isTrue();
                    assertThat(e.getMessage()).contains("getRecordingTextTracks").contains("request timeout");
                });
    }

    @Test
    void async_whenJsonParseRunsPastTheDeadline_failsAsTimeout() {
        ApiExecutor executor = executor(HOSTILE_JSON, Duration.ofMillis(1));
        assertThatThrownBy(() -> executor.executeAsync(CALLS.getRecordingTextTracks(GetRecordingTextTracksRequest.builder("rec-1").build())).join())
                .isInstanceOf(CompletionException.class)
                .cause().isInstanceOfSatisfying(BbbTransportException.class, e -> assertThat(e.isTimeout()).isTrue());
    }

    @Test
    void sync_whenJsonTimeIsLeft_readsTheTracks() {
        byte[] small = "{\"response\":{\"returncode\":\"SUCCESS\",\"tracks\":[{\"href\":\"h\",\"lang\":\"de\"}]}}"
                .getBytes(StandardCharsets.UTF_8);
        assertThat(executor(small, Duration.ofMinutes(1)).execute(CALLS.getRecordingTextTracks(
                GetRecordingTextTracksRequest.builder("rec-1").build()))).extracting(TextTrack::lang).containsExactly("de");
    }

    @Test
    void sync_whenMappingRunsPastTheDeadline_endsAsTimeout() {
        // Parsed in time (a second is far more than 70 KB need), mapped after the deadline: the
        // mapper waits for it to pass, as a slow mapping of a large answer would.
        StringBuilder padded = new StringBuilder("<response><returncode>SUCCESS</returncode><running>true</running>");
        padded.append("<padding>").append("x".repeat(70_000)).append("</padding></response>");
        ApiExecutor executor = executor(padded.toString().getBytes(StandardCharsets.UTF_8), Duration.ofSeconds(1));
        long pastTheDeadline = System.nanoTime() + Duration.ofSeconds(2).toNanos();
        ApiCall<Boolean> slow = ApiCall.xml(ApiErrors.Family.MEETING, "isMeetingRunning", "room-1", Map.of(), true, root -> {
            while (System.nanoTime() - pastTheDeadline < 0) {
                LockSupport.parkNanos(pastTheDeadline - System.nanoTime());
            }
            return true;
        });
        assertThatThrownBy(() -> executor.execute(slow))
                .isInstanceOfSatisfying(BbbTransportException.class, e -> assertThat(e.isTimeout()).isTrue());
    }

    @Test
    void sync_whenReadingUsedUpTheTime_largeAnswerEndsAsTimeout() {
        assertThatThrownBy(() -> executor(HOSTILE, Duration.ofMillis(-1)).execute(CALLS.isMeetingRunning(IsMeetingRunningRequest.builder("room-1").build())))
                .isInstanceOfSatisfying(BbbTransportException.class, e -> assertThat(e.isTimeout()).isTrue());
    }

    @Test
    void sync_whenReadingUsedUpTheTime_smallAnswerThatArrivedIsStillRead() {
        byte[] small = "<response><returncode>SUCCESS</returncode><running>true</running></response>"
                .getBytes(StandardCharsets.UTF_8);
        assertThat(executor(small, Duration.ofMillis(-1)).execute(CALLS.isMeetingRunning(IsMeetingRunningRequest.builder("room-1").build()))).isTrue();
    }

    @Test
    void sync_whenTimeIsLeft_readsTheSameAnswer() {
        byte[] small = "<response><returncode>SUCCESS</returncode><running>true</running></response>"
                .getBytes(StandardCharsets.UTF_8);
        assertThat(executor(small, Duration.ofMinutes(1)).execute(CALLS.isMeetingRunning(IsMeetingRunningRequest.builder("room-1").build()))).isTrue();
    }
}
