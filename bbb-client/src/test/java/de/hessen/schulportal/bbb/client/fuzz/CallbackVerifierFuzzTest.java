// SPDX-License-Identifier: Apache-2.0
package de.hessen.schulportal.bbb.client.fuzz;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import de.hessen.schulportal.bbb.client.callback.AnalyticsCallback;
import de.hessen.schulportal.bbb.client.callback.AnalyticsCallbackVerifier;
import de.hessen.schulportal.bbb.client.callback.CallbackVerificationException;
import de.hessen.schulportal.bbb.client.callback.IndependentCrypto;
import de.hessen.schulportal.bbb.client.callback.MeetingEnded;
import de.hessen.schulportal.bbb.client.callback.MeetingEndedCallbackSigner;
import de.hessen.schulportal.bbb.client.callback.MeetingEndedCallbackVerifier;
import de.hessen.schulportal.bbb.client.callback.RecordingReady;
import de.hessen.schulportal.bbb.client.callback.RecordingReadyVerifier;
import de.hessen.schulportal.bbb.client.callback.WebhookDelivery;
import de.hessen.schulportal.bbb.client.callback.WebhookVerifier;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;

/**
 * Fuzzes every callback verifier. Each target starts from one validly signed callback, lets the
 * fuzzer mutate it, and checks the invariants: only {@link CallbackVerificationException} escapes
 * (and {@link NullPointerException} is never thrown for non-null input); a mutated input is never
 * accepted unless what it says is what was signed.
 */
class CallbackVerifierFuzzTest {
    static final String SECRET = "fuzz-secret-0123456789";
    static final Instant NOW = Instant.ofEpochSecond(1_700_000_000L);
    static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    static final String READY_TOKEN = IndependentCrypto.hs256("{\"meeting_id\":\"klasse-7b\",\"record_id\":\"r-1\"}", SECRET);
    static final RecordingReadyVerifier READY = RecordingReadyVerifier.builder().secrets(SECRET).clock(CLOCK).build();

    static final String ANALYTICS_TOKEN = IndependentCrypto.hs512("{\"meeting_id\":\"klasse-7b\",\"exp\":" + (NOW.getEpochSecond() + 600)
            + "}", SECRET);
    static final AnalyticsCallbackVerifier ANALYTICS = AnalyticsCallbackVerifier.builder().secrets(SECRET).clock(CLOCK).build();

    static final String HOOK = "https://portal.example.org/hook?school=12";
    static final String BODY = IndependentCrypto.webhookBody("bbb.example.org",
            "[{\"data\":{\"type\":\"event\",\"id\":\"meeting-ended\",\"attributes\":{\"meeting\":{\"external-meeting-id\":\"klasse-7b\"}}}}]",
            1_700_000_000_123L);
    static final String HOOK_URL = IndependentCrypto.webhookUrl(HOOK, BODY, SECRET, "SHA-256");
    static final WebhookVerifier WEBHOOKS = WebhookVerifier.builder().secrets(SECRET)
            .callbackUrls(HOOK, "https://portal.example.org/hook?school=1").build();

    static final byte[] KEY = "0123456789abcdef0123456789abcdef-fuzz".getBytes(StandardCharsets.US_ASCII);
    static final String ENDED_URL = MeetingEndedCallbackSigner.builder().key(KEY).clock(CLOCK).build()
            .signMeetingEndedUrl("https://portal.example.org/ended", "klasse-7b") + "&recordingmarks=true";
    static final MeetingEndedCallbackVerifier ENDED = MeetingEndedCallbackVerifier.builder().keys(KEY).clock(CLOCK).build();

    /** Applies fuzzer-chosen edits (replace, insert, delete) to a string. */
    static String mutate(FuzzedDataProvider data, String original) {
        StringBuilder s = new StringBuilder(original);
        int edits = data.consumeInt(1, 4);
        for (int i = 0; i < edits && data.remainingBytes() > 0; i++) {
            int pos = data.consumeInt(0, s.length());
            switch (data.consumeInt(0, 2)) {
                case 0:
                    if (pos < s.length()) {
                        s.setCharAt(pos, data.consumeChar());
                    }
                    break;
                case 1:
                    s.insert(pos, data.consumeString(8));
                    break;
                default:
                    s.delete(pos, Math.min(s.length(), pos + data.consumeInt(1, 8)));
            }
        }
        return s.toString();
    }

    @FuzzTest(maxDuration = Fuzzing.MAX_DURATION)
    void recordingReady(FuzzedDataProvider data) {
        boolean raw = data.consumeBoolean();
        String token = raw ? data.consumeRemainingAsString() : mutate(data, READY_TOKEN);
        RecordingReady ready;
        try {
            ready = READY.verifyToken(token);
        } catch (CallbackVerificationException documented) {
            Fuzzing.checkSafeMessage(documented);
            return;
        }
        if (!token.equals(READY_TOKEN)) {
            throw new AssertionError("a token that was not signed verified: " + token);
        }
        if (!ready.recordId().equals("r-1")) {
            throw new AssertionError("wrong claims");
        }
    }

    @FuzzTest(maxDuration = Fuzzing.MAX_DURATION)
    void analytics(FuzzedDataProvider data) {
        String header = "Bearer " + mutate(data, ANALYTICS_TOKEN);
        byte[] body = data.consumeRemainingAsBytes();
        AnalyticsCallback cb;
        try {
            cb = ANALYTICS.verify(header, body);
        } catch (CallbackVerificationException documented) {
            Fuzzing.checkSafeMessage(documented);
            return;
        }
        // Whitespace around the header value is not part of the token (RFC 9110 §5.5).
        if (!header.substring("Bearer ".length()).strip().equals(ANALYTICS_TOKEN)) {
            throw new AssertionError("a token that was not signed verified: " + header);
        }
        if (!cb.meetingId().orElseThrow().equals("klasse-7b")) {
            throw new AssertionError("the body overrode the signed meeting");
        }
    }

    @FuzzTest(maxDuration = Fuzzing.MAX_DURATION)
    void webhook(FuzzedDataProvider data) {
        String url = data.consumeBoolean() ? mutate(data, HOOK_URL) : HOOK_URL;
        byte[] body = (data.consumeBoolean() ? mutate(data, BODY) : BODY).getBytes(StandardCharsets.UTF_8);
        WebhookDelivery d;
        try {
            d = WEBHOOKS.verify(url, body);
        } catch (CallbackVerificationException documented) {
            Fuzzing.checkSafeMessage(documented);
            return;
        }
        // The body is signed byte for byte; the URL may differ only in a way that addresses the same
        // registered URL (case of scheme, host or escapes, default port), and the delivery names the
        // URL that was signed.
        if (!Arrays.equals(body, BODY.getBytes(StandardCharsets.UTF_8))) {
            throw new AssertionError("a mutated body verified: " + new String(body, StandardCharsets.UTF_8));
        }
        if (!d.callbackUrl().orElseThrow().equals(HOOK)) {
            throw new AssertionError("a delivery verified for another registered URL: " + url);
        }
    }

    @FuzzTest(maxDuration = Fuzzing.MAX_DURATION)
    void meetingEnded(FuzzedDataProvider data) {
        String url = mutate(data, ENDED_URL);
        MeetingEnded ended;
        try {
            ended = ENDED.verify(url);
        } catch (CallbackVerificationException documented) {
            Fuzzing.checkSafeMessage(documented);
            return;
        }
        if (!ended.meetingId().equals("klasse-7b")) {
            throw new AssertionError("a token verified for another meeting: " + ended.meetingId());
        }
    }
}
