// SPDX-License-Identifier: Apache-2.0
package de.hessen.schulportal.bbb.client.callback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.hessen.schulportal.bbb.client.BbbClient;
import de.hessen.schulportal.bbb.client.hook.CreateHookRequest;
import de.hessen.schulportal.bbb.client.meeting.CreateMeetingRequest;
import de.hessen.schulportal.bbb.client.meeting.JoinMeetingRequest;
import de.hessen.schulportal.bbb.client.meeting.Role;
import de.hessen.schulportal.bbb.testkit.BbbSimulator;
import de.hessen.schulportal.bbb.testkit.CallbackDelivery;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 19 item 4: bbb-webhooks 3.3.1 (BigBlueButton 3.0.4) signs {@code url + "{}" + secret}, so its
 * deliveries authenticate nothing of the body; a receiver confirms a meeting-ended event with
 * {@code getMeetingInfo} before acting. The simulator sends real deliveries in that form.
 */
class WebhookConfirmationsTest {
    /** Nothing listens there: the simulator records each attempt with its URL and body. */
    private final String hookUrl = "http://127.0.0.1:9/hook";
    private final BbbSimulator sim = BbbSimulator.builder().legacyWebhookChecksum(true)
            .endedMeetingRetention(Duration.ofMinutes(5)).start();
    private final BbbClient bbb = BbbClient.builder().baseUrl(sim.baseUrl()).secret(sim.secret()).build();

    @AfterEach
    void close() {
        bbb.close();
        sim.close();
    }

    /** The request URL and body of the first delivery of an event. */
    private String[] delivery(String eventId) throws InterruptedException {
        assertThat(sim.awaitCallbacks(Duration.ofSeconds(10))).isTrue();
        CallbackDelivery d = sim.callbackDeliveries().stream().filter(c -> c.kind().equals("webhook"))
                .filter(c -> URLDecoder.decode(c.body().orElseThrow(), StandardCharsets.UTF_8).contains("\"id\":\"" + eventId + "\""))
                .findFirst().orElseThrow();
        return new String[] {d.url(), d.body().orElseThrow()};
    }

    @Test
    void legacyDeliveries_areHints_aForgedMeetingEndedIsNotConfirmed() throws Exception {
        bbb.createHook(CreateHookRequest.builder(java.net.URI.create(hookUrl)).build());
        bbb.create(CreateMeetingRequest.builder("7b-mathe", "Klasse 7b").build());
        bbb.create(CreateMeetingRequest.builder("8a-deutsch", "Klasse 8a").build());
        bbb.join(JoinMeetingRequest.builder("8a-deutsch", "Frau Roth", Role.MODERATOR).userId("t-2").build());
        bbb.end("7b-mathe");
        String[] ended = delivery("meeting-ended");
        String requestUrl = ended[0];

        WebhookVerifier strict = WebhookVerifier.builder().secrets(sim.secret()).callbackUrls(hookUrl).build();
        assertThatThrownBy(() -> strict.verify(requestUrl, ended[1])).hasMessageContaining("bbb-webhooks 3.0-3.3");

        WebhookVerifier migrating = WebhookVerifier.builder().secrets(sim.secret()).callbackUrls(hookUrl)
                .legacyEmptyBodyChecksum(true).build();
        WebhookDelivery real = migrating.verify(requestUrl, ended[1]);
        assertThat(real.signatureScheme()).isEqualTo(WebhookSignatureScheme.LEGACY_EMPTY_BODY_CHECKSUM);
        assertThat(real.signatureScheme().authenticatesBody()).isFalse();
        WebhookEvent realEvent = real.events().get(0);
        assertThat(realEvent.type()).isEqualTo(WebhookEventType.MEETING_ENDED);
        assertThat(WebhookConfirmations.meetingEnded(bbb::getMeetingInfo, realEvent)).isTrue();
        assertThat(WebhookConfirmations.meetingEndedAsync(bbb.async()::getMeetingInfo, realEvent).get()).isTrue();

        // The checksum of that delivery is valid for any body: a forged "8a-deutsch ended" verifies ...
        String forgedBody = ended[1].replace("7b-mathe", "8a-deutsch");
        WebhookEvent forged = migrating.verify(requestUrl, forgedBody).events().get(0);
        assertThat(forged.externalMeetingId()).contains("8a-deutsch");
        // ... and the API call says otherwise.
        assertThat(WebhookConfirmations.meetingEnded(bbb::getMeetingInfo, forged)).isFalse();
        assertThat(WebhookConfirmations.meetingEndedAsync(bbb.async()::getMeetingInfo, forged).get()).isFalse();
        // A meeting the server does not know (ended and removed) is confirmed.
        WebhookEvent unknown = migrating.verify(requestUrl, ended[1].replace("7b-mathe", "9c-bio")).events().get(0);
        assertThat(WebhookConfirmations.meetingEnded(bbb::getMeetingInfo, unknown)).isTrue();
    }

    @Test
    void otherEventTypes_areRefusedNamingTheRule() throws Exception {
        bbb.createHook(CreateHookRequest.builder(java.net.URI.create(hookUrl)).build());
        bbb.create(CreateMeetingRequest.builder("7b-mathe", "Klasse 7b").build());
        WebhookEvent created = WebhookVerifier.parseUnverified(delivery("meeting-created")[1]).events().get(0);
        assertThatThrownBy(() -> WebhookConfirmations.meetingEnded(bbb::getMeetingInfo, created))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("event must be a meeting-ended event");
    }
}
