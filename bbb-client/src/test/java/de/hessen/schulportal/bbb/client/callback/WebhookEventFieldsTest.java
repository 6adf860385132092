// SPDX-License-Identifier: Apache-2.0
package de.hessen.schulportal.bbb.client.callback;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Typed access to the common event fields (issue 12 item 11), over payloads shaped as bbb-webhooks
 * 3.5 maps them (bigbluebutton/bbb-webhooks src/process/event.js; fixtures in
 * {@code src/test/resources/webhook-events/}).
 */
class WebhookEventFieldsTest {

    static String fixture(String name) {
        try (InputStream in = WebhookEventFieldsTest.class.getResourceAsStream("/webhook-events/" + name + ".json")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static WebhookEvent event(String name) {
        WebhookEvent e = WebhookEventParsingTest.deliver(fixture(name)).events().get(0);
        assertThat(e.id()).isEqualTo(name);
        assertThat(e.type()).isNotEqualTo(WebhookEventType.UNKNOWN);
        return e;
    }

    @Test
    void meetingCreated_hasCreateDateVoiceConferenceAndBridges() {
        WebhookMeeting m = event("meeting-created").meeting().orElseThrow();
        assertThat(m.createDate()).contains("Tue Nov 14 22:13:20 UTC 2023");
        assertThat(m.createTime()).hasValue(1700000000000L);
        assertThat(m.voiceConference()).contains("71234");
        assertThat(m.dialNumber()).contains("613-555-1234");
        assertThat(m.audioBridge()).contains("freeswitch");
        assertThat(m.cameraBridge()).contains("bbb-webrtc-sfu");
        assertThat(m.screenShareBridge()).contains("bbb-webrtc-sfu");
        assertThat(m.toString()).doesNotContain("mp-7f3a9c", "ap-2b8e41");
    }

    @Test
    void presentationChanged_hasPresentationId() {
        assertThat(event("meeting-presentation-changed").meeting().flatMap(WebhookMeeting::presentationId))
                .contains("9bd9f5c2a1e4b7c0d3f6e8a1b2c3d4e5f6a7b8c9-1700000060000");
        assertThat(event("meeting-created").meeting().flatMap(WebhookMeeting::presentationId)).isEmpty();
    }

    @Test
    void micSharing_isTypedOnVoiceEnabledAndDisabled() {
        WebhookUser on = event("user-audio-voice-enabled").user().orElseThrow();
        assertThat(on.isSharingMic()).contains(true);
        assertThat(on.isListeningOnly()).contains(false);
        assertThat(on.isMuted()).contains(false);
        assertThat(on.stream()).as("an empty stream means none").isEmpty();
        WebhookUser off = event("user-audio-voice-disabled").user().orElseThrow();
        assertThat(off.isSharingMic()).contains(false);
        assertThat(off.isMuted()).contains(true);
    }

    @Test
    void raiseHandAndReactions_areTyped() {
        assertThat(event("user-raise-hand-changed").user().flatMap(WebhookUser::isRaiseHand)).contains(true);
        assertThat(event("user-emoji-changed").user().flatMap(WebhookUser::emoji)).contains("thumbsUp");
        assertThat(event("user-emoji-changed").user().flatMap(WebhookUser::isRaiseHand)).isEmpty();
    }

    @Test
    void streams_nameTheWebcamStreamAndTheSharer() {
        WebhookEvent cam = event("user-cam-broadcast-start");
        assertThat(cam.isStreamEvent()).isTrue();
        assertThat(cam.user().flatMap(WebhookUser::stream)).contains("w_x1y2z3a4b5c6_1f2e3d4c5b6a");
        WebhookEvent screen = event("meeting-screenshare-started");
        assertThat(screen.isStreamEvent()).isTrue();
        assertThat(screen.user().flatMap(WebhookUser::externalUserId)).contains("l-0815");
        assertThat(event("poll-started").isStreamEvent()).isFalse();
    }

    @Test
    void polls_haveQuestionAnswersAndResponses() {
        WebhookEvent started = event("poll-started");
        WebhookPoll poll = started.poll().orElseThrow();
        assertThat(poll.id()).contains("183f0bf3a0982a127bdb8161e0c44eb696b3e75c-1700000000000/1/1700000100000");
        assertThat(poll.question()).contains("Wie viel ist 7 × 8?");
        assertThat(poll.answers()).containsExactly(Map.entry(0, "54"), Map.entry(1, "56"), Map.entry(2, "58"));
        assertThat(poll.answerIds()).isEmpty();
        assertThat(poll.toString()).doesNotContain("7 × 8");
        assertThat(started.user().flatMap(WebhookUser::externalUserId)).contains("l-0815");

        WebhookPoll responded = event("poll-responded").poll().orElseThrow();
        assertThat(responded.id()).isEqualTo(poll.id());
        assertThat(responded.answerIds()).isEqualTo(List.of(1));
        assertThat(responded.answers()).isEmpty();
        assertThat(responded).isEqualTo(event("poll-responded").poll().orElseThrow()).hasSameHashCodeAs(responded);
    }

    @Test
    void fieldsOfUnexpectedTypes_readAsAbsent() {
        String odd = "{\"data\":{\"type\":\"event\",\"id\":\"poll-started\",\"attributes\":{\"user\":{\"raise-hand\":[1],"
                + "\"sharing-mic\":{},\"stream\":null},\"poll\":{\"id\":{},\"answers\":[{\"id\":\"x\",\"key\":\"k\"},{\"id\":1e20,\"key\":\"k\"},"
                + "{\"id\":3}],\"answerIds\":[\"1\",2.5,7]},\"meeting\":{\"voice-conf\":[],\"create-date\":{}}},\"event\":{\"ts\":1}}}";
        WebhookEvent e = WebhookEventParsingTest.deliver(odd).events().get(0);
        WebhookUser u = e.user().orElseThrow();
        assertThat(u.isRaiseHand()).isEmpty();
        assertThat(u.isSharingMic()).isEmpty();
        assertThat(u.stream()).isEmpty();
        WebhookPoll p = e.poll().orElseThrow();
        assertThat(p.id()).isEmpty();
        assertThat(p.answers()).isEmpty();
        assertThat(p.answerIds()).containsExactly(7);
        assertThat(e.meeting().orElseThrow().voiceConference()).isEmpty();
        assertThat(e.meeting().orElseThrow().createDate()).isEmpty();
    }
}
