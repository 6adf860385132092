// SPDX-License-Identifier: Apache-2.0
package de.hessen.schulportal.bbb.client.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import de.hessen.schulportal.bbb.client.callback.CallbackVerificationException;
import de.hessen.schulportal.bbb.client.callback.WebhookDelivery;
import de.hessen.schulportal.bbb.client.callback.WebhookVerifier;
import de.hessen.schulportal.bbb.client.callback.WebhookEvent;

/**
 * Fuzzes the webhook event parser with arbitrary delivery bodies. Invariants: a body is parsed or
 * refused with a {@link CallbackVerificationException}; every typed accessor of every parsed event
 * answers without throwing (fields of unexpected types read as absent). Corpus:
 * {@code WebhookDeliveryFuzzTestInputs/parse/}, seeded with the event fixtures.
 */
class WebhookDeliveryFuzzTest {

    @FuzzTest(maxDuration = Fuzzing.MAX_DURATION)
    void parse(byte[] body) {
        WebhookDelivery delivery;
        try {
            delivery = WebhookVerifier.parseUnverified(body);
        } catch (CallbackVerificationException documented) {
            Fuzzing.checkSafeMessage(documented);
            return;
        }
        delivery.toString();
        delivery.domain();
        delivery.timestamp();
        for (WebhookEvent e : delivery.events()) {
            e.id();
            e.type();
            e.timestamp();
            e.isStreamEvent();
            e.attributesJson();
            e.toString();
            e.meeting().ifPresent(m -> {
                m.name();
                m.isBreakout();
                m.createTime();
                m.createDate();
                m.durationMinutes();
                m.maxUsers();
                m.voiceConference();
                m.presentationId();
                m.metadata();
                m.toString();
            });
            e.user().ifPresent(u -> {
                u.role();
                u.isPresenter();
                u.isSharingMic();
                u.isRaiseHand();
                u.emoji();
                u.stream();
                u.userdata();
                u.toString();
            });
            e.poll().ifPresent(p -> {
                p.answers();
                p.answerIds();
                p.toString();
            });
            e.chatMessage().ifPresent(c -> {
                c.text();
                c.time();
                c.toString();
            });
            e.recording().ifPresent(r -> {
                r.recordId();
                r.isSuccess();
                r.stepTimeMillis();
                r.toString();
            });
        }
    }
}
