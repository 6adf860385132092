// SPDX-License-Identifier: Apache-2.0
package de.hessen.schulportal.bbb.client.callback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import de.hessen.schulportal.bbb.client.callback.CallbackVerificationException.Reason;
import de.hessen.schulportal.bbb.client.meeting.Role;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Payloads shaped after REFERENCE.md §8.4 and bbb-webhooks' event mapping. */
class WebhookEventParsingTest {

    static WebhookDelivery deliver(String... events) {
        String array = "[" + String.join(",", events) + "]";
        return WebhookVerifier.parseUnverified("domain=bbb.schule.hessen.de&event=" + URLEncoder.encode(array, StandardCharsets.UTF_8)
                + "&timestamp=1700000000999");
    }

    static String mapped(String id, String attributes, long ts) {
        return "{\"data\":{\"type\":\"event\",\"id\":\"" + id + "\",\"attributes\":" + attributes + ",\"event\":{\"ts\":" + ts + "}}}";
    }

    static final String MEETING_IDS = "\"meeting\":{\"internal-meeting-id\":\"183f0bf3a0982a127bdb8161e0c44eb696b3e75c-1700000000000\","
            + "\"external-meeting-id\":\"klasse-7b\"}";

    @Test
    void meetingCreated_exposesMeetingDetails() {
        String attrs = "{\"meeting\":{\"internal-meeting-id\":\"183f-1700000000000\",\"external-meeting-id\":\"klasse-7b\","
                + "\"name\":\"Klasse 7b – Mathematik\",\"is-breakout\":false,\"parent-id\":\"bbb-none\",\"duration\":0,"
                + "\"create-time\":1700000000000,\"create-date\":\"Tue Nov 14 22:13:20 UTC 2023\",\"moderator-pass\":\"mp-secret\","
                + "\"viewer-pass\":\"ap-secret\",\"record\":true,\"voice-conf\":\"71234\",\"dial-number\":\"613-555-1234\","
                + "\"max-users\":30,\"metadata\":{\"bbb-origin\":\"schulportal\",\"endcallbackurl\":\"https://p/x\",\"n\":3}}}";
        WebhookEvent e = deliver(mapped("meeting-created", attrs, 1700000000010L)).events().get(0);
        assertThat(e.type()).isEqualTo(WebhookEventType.MEETING_CREATED);
        assertThat(e.id()).isEqualTo("meeting-created");
        assertThat(e.isRawMode()).isFalse();
        assertThat(e.timestamp()).contains(Instant.ofEpochMilli(1700000000010L));
        assertThat(e.internalMeetingId()).contains("183f-1700000000000");
        WebhookMeeting m = e.meeting().orElseThrow();
        assertThat(m.name()).contains("Klasse 7b – Mathematik");
        assertThat(m.isBreakout()).contains(false);
        assertThat(m.parentId()).contains("bbb-none");
        assertThat(m.createTime()).hasValue(1700000000000L);
        assertThat(m.durationMinutes()).hasValue(0);
        assertThat(m.isRecord()).contains(true);
        assertThat(m.maxUsers()).hasValue(30);
        assertThat(m.metadata()).containsExactly(Map.entry("bbb-origin", "schulportal"), Map.entry("endcallbackurl", "https://p/x"),
                Map.entry("n", "3"));
        assertThat(e.toString()).doesNotContain("mp-secret").doesNotContain("ap-secret");
        assertThat(m.toString()).doesNotContain("mp-secret");
        assertThat(e.rawJson()).contains("mp-secret");
    }

    @Test
    void meetingEnded_hasIdsOnly() {
        WebhookEvent e = deliver(mapped("meeting-ended", "{" + MEETING_IDS + "}", 1L)).events().get(0);
        assertThat(e.type()).isEqualTo(WebhookEventType.MEETING_ENDED);
        assertThat(e.externalMeetingId()).contains("klasse-7b");
        assertThat(e.meeting().orElseThrow().name()).isEmpty();
        assertThat(e.user()).isEmpty();
        assertThat(e.recording()).isEmpty();
    }

    @Test
    void userJoinedAndLeft_exposeUser() {
        String user = "\"user\":{\"internal-user-id\":\"w_abcdefghijkl\",\"external-user-id\":\"u-42\",\"name\":\"Frau Schmidt\","
                + "\"role\":\"MODERATOR\",\"presenter\":true,\"userdata\":{\"bbb_skip_check_audio\":\"true\"},\"stream\":\"\",\"guest\":false}";
        WebhookDelivery d = deliver(mapped("user-joined", "{" + MEETING_IDS + "," + user + "}", 2L),
                mapped("user-left", "{" + MEETING_IDS + "," + user.replace("MODERATOR", "VIEWER").replace("true,", "false,") + "}", 3L));
        assertThat(d.events()).extracting(WebhookEvent::type).containsExactly(WebhookEventType.USER_JOINED, WebhookEventType.USER_LEFT);
        WebhookUser u = d.events().get(0).user().orElseThrow();
        assertThat(u.internalUserId()).contains("w_abcdefghijkl");
        assertThat(u.externalUserId()).contains("u-42");
        assertThat(u.name()).contains("Frau Schmidt");
        assertThat(u.role()).isEqualTo(Role.MODERATOR);
        assertThat(u.isPresenter()).contains(true);
        assertThat(u.isGuest()).contains(false);
        assertThat(u.userdata()).containsEntry("bbb_skip_check_audio", "true");
        WebhookUser left = d.events().get(1).user().orElseThrow();
        assertThat(left.role()).isEqualTo(Role.VIEWER);
        assertThat(left.isPresenter()).contains(false);
    }

    @Test
    void userRole_unknownValueKeptRaw() {
        String attrs = "{" + MEETING_IDS + ",\"user\":{\"internal-user-id\":\"w_x\",\"role\":\"LEHRKRAFT\",\"presenter\":\"yes\"}}";
        WebhookUser u = deliver(mapped("user-joined", attrs, 1L)).events().get(0).user().orElseThrow();
        assertThat(u.role()).isEqualTo(Role.UNKNOWN);
        assertThat(u.rawRole()).contains("LEHRKRAFT");
        assertThat(u.isPresenter()).isEmpty();
    }

    @Test
    void audioEvent_exposesMuteState() {
        String attrs = "{" + MEETING_IDS + ",\"user\":{\"internal-user-id\":\"w_x\",\"listening-only\":false,\"sharing-mic\":true,\"muted\":false}}";
        WebhookEvent e = deliver(mapped("user-audio-voice-enabled", attrs, 1L)).events().get(0);
        assertThat(e.type()).isEqualTo(WebhookEventType.USER_AUDIO_VOICE_ENABLED);
        assertThat(e.user().orElseThrow().isMuted()).contains(false);
        assertThat(e.user().orElseThrow().isListeningOnly()).contains(false);
    }

    @Test
    void rapEvents_exposeRecording() {
        String archived = "{" + MEETING_IDS + ",\"record-id\":\"183f-1700000000000\",\"success\":true,\"step-time\":1234,"
                + "\"recorded\":true,\"duration\":3600000}";
        String published = "{" + MEETING_IDS + ",\"record-id\":\"183f-1700000000000\",\"success\":true,\"step-time\":987,"
                + "\"workflow\":\"presentation\",\"recording\":{\"name\":\"Klasse 7b\",\"is-breakout\":false,\"start-time\":1700000000000,"
                + "\"end-time\":1700003600000,\"size\":123456,\"raw-size\":654321,\"metadata\":{\"meetingName\":\"Klasse 7b\",\"isBreakout\":\"false\"},"
                + "\"playback\":{\"format\":\"presentation\",\"link\":\"https://bbb/playback/presentation/2.3/183f\"},\"download\":{}}}";
        WebhookDelivery d = deliver(mapped("rap-archive-ended", archived, 5L), mapped("rap-publish-ended", published, 6L),
                mapped("rap-deleted", "{\"record-id\":\"183f-1700000000000\",\"format\":\"presentation\"}", 7L));
        WebhookRecording a = d.events().get(0).recording().orElseThrow();
        assertThat(d.events().get(0).type().isRecordingEvent()).isTrue();
        assertThat(a.recordId()).contains("183f-1700000000000");
        assertThat(a.isSuccess()).contains(true);
        assertThat(a.stepTimeMillis()).hasValue(1234);
        assertThat(a.isRecorded()).contains(true);
        assertThat(a.duration()).hasValue(3600000);
        WebhookRecording p = d.events().get(1).recording().orElseThrow();
        assertThat(d.events().get(1).type()).isEqualTo(WebhookEventType.RAP_PUBLISH_ENDED);
        assertThat(p.workflow()).contains("presentation");
        assertThat(p.name()).contains("Klasse 7b");
        assertThat(p.startTime()).hasValue(1700000000000L);
        assertThat(p.endTime()).hasValue(1700003600000L);
        assertThat(p.size()).hasValue(123456);
        assertThat(p.rawSize()).hasValue(654321);
        assertThat(p.metadata()).containsEntry("meetingName", "Klasse 7b");
        assertThat(p.playbackJson()).hasValueSatisfying(j -> assertThat(j).contains("playback/presentation/2.3/183f"));
        WebhookEvent deleted = d.events().get(2);
        assertThat(deleted.type()).isEqualTo(WebhookEventType.RAP_DELETED);
        assertThat(deleted.internalMeetingId()).isEmpty();
        assertThat(deleted.recording().orElseThrow().workflow()).contains("presentation");
    }

    @Test
    void chatMessage_exposesMessageAndSender() {
        String attrs = "{" + MEETING_IDS + ",\"chat-message\":{\"id\":\"1700000000500-abc\",\"message\":\"Hallo <b>7b</b> 👋\","
                + "\"sender\":{\"internal-user-id\":\"w_abcdefghijkl\",\"name\":\"Frau Schmidt\",\"time\":1700000000500}},"
                + "\"chat-id\":\"MAIN-PUBLIC-GROUP-CHAT\"}";
        WebhookEvent e = deliver(mapped("chat-group-message-sent", attrs, 9L)).events().get(0);
        WebhookChatMessage c = e.chatMessage().orElseThrow();
        assertThat(e.type()).isEqualTo(WebhookEventType.CHAT_GROUP_MESSAGE_SENT);
        assertThat(c.text()).contains("Hallo <b>7b</b> 👋");
        assertThat(c.messageId()).contains("1700000000500-abc");
        assertThat(c.senderInternalUserId()).contains("w_abcdefghijkl");
        assertThat(c.senderExternalUserId()).isEmpty();
        assertThat(c.senderName()).contains("Frau Schmidt");
        assertThat(c.time()).hasValue(1700000000500L);
        assertThat(c.chatId()).contains("MAIN-PUBLIC-GROUP-CHAT");
        assertThat(e.toString()).doesNotContain("Hallo");
    }

    @Test
    void unknownEvent_isKeptRawWithTypeUnknown() {
        String future = mapped("meeting-teleported", "{" + MEETING_IDS + ",\"where\":\"mars\"}", 11L);
        WebhookDelivery d = deliver(future, mapped("poll-started", "{" + MEETING_IDS + ",\"poll\":{\"id\":\"p1\"}}", 12L));
        WebhookEvent e = d.events().get(0);
        assertThat(e.type()).isEqualTo(WebhookEventType.UNKNOWN);
        assertThat(e.id()).isEqualTo("meeting-teleported");
        assertThat(e.externalMeetingId()).contains("klasse-7b");
        assertThat(e.attributesJson()).hasValueSatisfying(j -> assertThat(j).contains("mars"));
        assertThat(e.rawJson()).contains("meeting-teleported");
        assertThat(d.events().get(1).type()).isEqualTo(WebhookEventType.POLL_STARTED);
    }

    @Test
    void rawModeMessage_isKeptAsUnknown() {
        String raw = "{\"envelope\":{\"name\":\"UserJoinedMeetingEvtMsg\",\"routing\":{\"meetingId\":\"183f\"}},"
                + "\"core\":{\"header\":{\"name\":\"UserJoinedMeetingEvtMsg\",\"userId\":\"w_x\"},\"body\":{\"name\":\"Frau Schmidt\"}}}";
        WebhookEvent e = deliver(raw, "42", "\"text\"").events().get(0);
        assertThat(e.isRawMode()).isTrue();
        assertThat(e.type()).isEqualTo(WebhookEventType.UNKNOWN);
        assertThat(e.id()).isEqualTo("UserJoinedMeetingEvtMsg");
        assertThat(e.meeting()).isEmpty();
        assertThat(e.rawJson()).contains("Frau Schmidt");
        WebhookDelivery d = deliver(raw, "42", "\"text\"");
        assertThat(d.events()).hasSize(3);
        assertThat(d.events().get(1).rawJson()).isEqualTo("42");
        assertThat(d.events().get(1).id()).isEmpty();
    }

    @Test
    void singleObjectInsteadOfArray_isOneEvent() {
        String body = "event=" + URLEncoder.encode(mapped("meeting-ended", "{" + MEETING_IDS + "}", 1L), StandardCharsets.UTF_8);
        WebhookDelivery d = WebhookVerifier.parseUnverified(body);
        assertThat(d.events()).hasSize(1);
        assertThat(d.domain()).isEmpty();
        assertThat(d.timestamp()).isEmpty();
        assertThat(d.signatureScheme()).isEqualTo(WebhookSignatureScheme.NONE);
    }

    @ParameterizedTest
    @ValueSource(strings = {"event=%5B%7B", "event=not-json", "event=42", "event=%22s%22", "event=%5B%5D%5B%5D",
            "event=%7B%22a%22%3A1%2C%22a%22%3A2%7D", "event=%5B%5D&event=%5B%5D", "event=%5B%5D&timestamp=abc",
            "event=%5B%5D&timestamp=-1", "event=%5B%5D&domain=a&domain=b", "event=%E0%A4", "event=%5"})
    void malformedBodies_areMalformed(String body) {
        CallbackVerificationException e = catchThrowableOfType(CallbackVerificationException.class, () -> WebhookVerifier.parseUnverified(body));
        assertThat(e).isNotNull();
        assertThat(e.reason()).isEqualTo(Reason.MALFORMED);
        assertThat(e.call()).isEqualTo("webhook");
    }

    @Test
    void missingEventField_isMissing() {
        CallbackVerificationException e = catchThrowableOfType(CallbackVerificationException.class,
                () -> WebhookVerifier.parseUnverified("domain=x&timestamp=1"));
        assertThat(e.reason()).isEqualTo(Reason.MISSING);
    }

    @Test
    void emptyArray_hasNoEvents() {
        assertThat(WebhookVerifier.parseUnverified("event=%5B%5D".getBytes(StandardCharsets.UTF_8)).events()).isEmpty();
    }

    @Test
    void eventTypeIds_roundTrip() {
        for (WebhookEventType t : WebhookEventType.values()) {
            if (t != WebhookEventType.UNKNOWN) {
                assertThat(WebhookEventType.fromId(t.id())).isEqualTo(t);
            }
        }
        assertThat(WebhookEventType.fromId("MEETING-CREATED")).isEqualTo(WebhookEventType.UNKNOWN);
        assertThat(WebhookEventType.fromId(null)).isEqualTo(WebhookEventType.UNKNOWN);
    }
}
