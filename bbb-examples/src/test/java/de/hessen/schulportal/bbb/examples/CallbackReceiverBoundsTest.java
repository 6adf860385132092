// SPDX-License-Identifier: Apache-2.0
package de.hessen.schulportal.bbb.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Issue 12 item 7: whatever a peer sends, CallbackReceiver stores a bounded number of bounded entries. */
class CallbackReceiverBoundsTest {
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Test
    void boundedLog_keepsTheLastEntries_eachCut() {
        BoundedLog log = new BoundedLog();
        for (int i = 0; i < BoundedLog.MAX_ENTRIES + 25; i++) {
            log.add("entry " + i + " " + "x".repeat(i % 7 == 0 ? 100_000 : 10));
        }
        List<String> kept = log.snapshot();
        assertThat(kept).hasSize(BoundedLog.MAX_ENTRIES);
        assertThat(kept.get(0)).startsWith("entry 25 ");
        assertThat(kept.get(kept.size() - 1)).startsWith("entry " + (BoundedLog.MAX_ENTRIES + 24) + " ");
        assertThat(kept).allSatisfy(e -> assertThat(e.length()).isLessThanOrEqualTo(BoundedLog.MAX_ENTRY_CHARS + 30));
        assertThat(BoundedLog.field("a".repeat(10_000))).hasSizeLessThan(BoundedLog.MAX_FIELD_CHARS + 30);
        assertThat(BoundedLog.field("\u001B[2Jx")).isEqualTo("x");
    }

    @Test
    void forgedCallbacksWithHugePaths_areStoredBounded_andHugeBodiesRefused() throws Exception {
        try (CallbackReceiver receiver = new CallbackReceiver(0, "a-secret-for-the-test", new byte[32])) {
            String huge = "p".repeat(64 * 1024);
            for (int i = 0; i < 40; i++) {
                HttpResponse<Void> r = HTTP.send(HttpRequest.newBuilder(URI.create(receiver.baseUrl()
                        + "/bbb/meeting-ended/" + huge + "?token=" + huge)).GET().build(), HttpResponse.BodyHandlers.discarding());
                assertThat(r.statusCode()).isEqualTo(401);
            }
            HttpResponse<Void> big = HTTP.send(HttpRequest.newBuilder(URI.create(receiver.baseUrl() + "/bbb/webhook"))
                    .POST(HttpRequest.BodyPublishers.ofByteArray(new byte[CallbackReceiver.MAX_BODY + 1])).build(),
                    HttpResponse.BodyHandlers.discarding());
            assertThat(big.statusCode()).isEqualTo(413);
            List<String> rejected = receiver.rejected();
            assertThat(rejected).hasSize(41);
            assertThat(rejected).allSatisfy(e -> assertThat(e.length()).isLessThanOrEqualTo(BoundedLog.MAX_ENTRY_CHARS + 30));
            assertThat(rejected.stream().mapToInt(String::length).sum()).as("40 requests of 128 KiB each")
                    .isLessThan(41 * (BoundedLog.MAX_ENTRY_CHARS + 30));
            assertThat(receiver.verified()).isEmpty();
        }
    }
}
