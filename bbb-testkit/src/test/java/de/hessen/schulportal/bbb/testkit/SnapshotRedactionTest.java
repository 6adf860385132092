// SPDX-License-Identifier: Apache-2.0
package de.hessen.schulportal.bbb.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import de.hessen.schulportal.bbb.testkit.internal.Callbacks;
import de.hessen.schulportal.bbb.testkit.internal.Delivery;
import de.hessen.schulportal.bbb.testkit.internal.Document;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The snapshots follow the masking rule of docs/values.md: a secret-looking value in every field
 * holding personal data, a token or a URL that may carry one never appears in {@code toString()},
 * also not through a meeting's nested attendees, chat messages and documents, or through the error
 * of a failed callback.
 */
class SnapshotRedactionTest {
    private static final Instant T = Instant.parse("2026-12-07T10:00:00Z");

    @Test
    void attendee_masksIds_name_andUserdata() {
        SimulatedAttendee a = attendee("S1");
        assertThat(a.toString()).contains("role=VIEWER").contains("****");
        assertNoSecret(a.toString(), "S1");
    }

    @Test
    void chatMessage_masksSenderAndText() {
        ChatMessage c = chat("S2");
        assertThat(c.toString()).contains("time=" + T);
        assertNoSecret(c.toString(), "S2");
    }

    @Test
    void document_masksUrlAndFilename() {
        SimulatedDocument d = document("S3");
        assertThat(d.toString()).contains("source=create").contains("url=****").contains("filename=****").contains("name=****");
        assertNoSecret(d.toString(), "S3");
        SimulatedDocument none = SimulatedDocument.of(new Document("insertDocument", null, null, null, false, false, true,
                new byte[3]));
        assertThat(none.toString()).as("absent stays absent").contains("url=null").contains("bytes=3");
    }

    @Test
    void meeting_masksMetadataAndParameters_andEverythingNestedInIt() {
        SimulatedMeeting m = SimulatedMeeting.builder().meetingId("room-1").name("Raum").internalMeetingId("abc-1")
                .createTime(1).running(true).hasEnded(false).forciblyEnded(false).endReason("").recording(false)
                .guestPolicy("ALWAYS_ACCEPT").maxParticipants(0).durationMinutes(0)
                .metadata(Map.of("endcallbackurl", "https://moodle.example/cb?token=M1-secret-token",
                        "bbb-context", "M1-secret-course"))
                .createParameters(Map.of("moderatorPW", "M1-secret-pw"))
                .addAttendees(attendee("M2")).addLobby(attendee("M3")).addDenied(attendee("M4"))
                .addChatMessages(chat("M5")).addDocuments(document("M6")).build();
        assertThat(m.toString()).contains("meetingId=room-1").contains("metadata=****");
        for (String tag : List.of("M1", "M2", "M3", "M4", "M5", "M6")) {
            assertNoSecret(m.toString(), tag);
        }
    }

    @Test
    void recording_masksNameAndMetadata() {
        SimulatedRecording r = SimulatedRecording.builder().recordId("abc-1").meetingId("room-1").name("R1-secret-name")
                .state("published").published(true).startTime(1).endTime(2).participants(3)
                .metadata(Map.of("bbb-recording-ready-url", "https://moodle.example/ready?token=R1-secret-token"))
                .build();
        assertThat(r.toString()).contains("recordId=abc-1").contains("name=****").contains("metadata=****");
        assertNoSecret(r.toString(), "R1");
    }

    @Test
    void server_andReceivedRequest_masksSecretAndQuery() {
        SimulatedServer s = SimulatedServer.builder().id("bbb1").apiUrl("http://127.0.0.1/bbb1/bigbluebutton/api/")
                .secret("V1-secret").inService(true).build();
        assertNoSecret(s.toString(), "V1");
        ReceivedRequest q = ReceivedRequest.builder().method("GET").path("/bigbluebutton/api/join")
                .callName(Optional.of("join")).rawQuery(Optional.of("fullName=V2-secret-name&checksum=V2-secret"))
                .time(T).truncated(false).build();
        assertNoSecret(q.toString(), "V2");
    }

    @Test
    void callbackDelivery_masksUrlAndBody_andABadUrlIsNotRepeatedInTheError() throws Exception {
        String url = "http://127.0.0.1:1/end cb?token=D1-secret-token&checksum=D1-secret-checksum";
        List<Delivery> deliveries;
        try (Callbacks callbacks = new Callbacks(() -> 0L)) {
            callbacks.meetingEnded("meeting-ended-url", url);
            callbacks.download(url, bytes -> { });
            assertThat(callbacks.awaitIdle(Duration.ofSeconds(30))).isTrue();
            deliveries = callbacks.deliveries();
        }
        assertThat(deliveries).hasSize(2);
        for (Delivery d : deliveries) {
            CallbackDelivery c = CallbackDelivery.of(d);
            assertThat(c.url()).as("the accessor keeps the exact URL").isEqualTo(url);
            assertThat(c.status()).isEqualTo(-1);
            assertThat(c.error()).as("the failure is recorded by its kind").hasValue("IllegalArgumentException");
            assertNoSecret(c.toString(), "D1");
        }
        CallbackDelivery posted = CallbackDelivery.builder().kind("webhook").method("POST")
                .url("http://127.0.0.1/hook?checksum=D2-secret").body(Optional.of("event=D2-secret-event"))
                .eventId(Optional.of("meeting-created")).status(200).time(T).build();
        assertNoSecret(posted.toString(), "D2");
    }

    private static SimulatedAttendee attendee(String tag) {
        return SimulatedAttendee.builder().userId("w_" + tag + "secretid").internalUserId("w_" + tag + "secretid")
                .fullName(tag + "-secret-name").role("VIEWER").guest(false).presenter(false).guestStatus("ALLOW")
                .customData(Map.of("email", tag + "-secret-mail")).build();
    }

    private static ChatMessage chat(String tag) {
        return ChatMessage.builder().userName(tag + "-secret-sender").message(tag + "-secret-text").time(T).build();
    }

    private static SimulatedDocument document(String tag) {
        return SimulatedDocument.of(new Document("create", "https://files.example/deck.pdf?token=" + tag + "-secret-token",
                tag + "-secret-file.pdf", tag + "-secret-deck", true, false, true, "%PDF".getBytes(StandardCharsets.US_ASCII)));
    }

    /** Every secret-looking value of a snapshot starts with its tag and holds "secret". */
    private static void assertNoSecret(String text, String tag) {
        assertThat(text).as(text).doesNotContain(tag + "-secret").doesNotContain(tag + "secret").doesNotContain(tag);
    }
}
