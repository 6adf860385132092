// SPDX-License-Identifier: Apache-2.0
package de.hessen.schulportal.bbb.client.callback;

import static de.hessen.schulportal.bbb.client.callback.IndependentCrypto.hs256;
import static de.hessen.schulportal.bbb.client.callback.IndependentCrypto.hs512;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import de.hessen.schulportal.bbb.client.callback.CallbackVerificationException.Reason;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AnalyticsCallbackVerifierTest {
    static final String SECRET = "bbb-shared-secret-0123456789";
    static final Instant NOW = Instant.ofEpochSecond(1_700_000_000);
    static final String BODY = "{\"version\":\"1.0\",\"meeting_id\":\"klasse-7b\",\"internal_meeting_id\":\"183f-1700000000000\","
            + "\"data\":{\"metadata\":{\"is_breakout\":\"false\"},\"duration\":3600,\"attendees\":[]}}";

    final AnalyticsCallbackVerifier verifier = AnalyticsCallbackVerifier.builder()
            .secrets(SECRET).clock(Clock.fixed(NOW, ZoneOffset.UTC)).build();

    static String claims(long exp) {
        return "{\"meeting_id\":\"klasse-7b\",\"exp\":" + exp + "}";
    }

    static byte[] body(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    Reason reasonOf(Runnable r) {
        CallbackVerificationException e = catchThrowableOfType(CallbackVerificationException.class, r::run);
        assertThat(e).isNotNull();
        assertThat(e.call()).isEqualTo("analytics");
        assertThat(e.getMessage()).doesNotContain(SECRET);
        return e.reason();
    }

    @Test
    void verify_whenValidHs512Bearer_returnsClaimsAndRawBody() {
        String token = hs512(claims(NOW.getEpochSecond() + 86_400), SECRET);
        AnalyticsCallback cb = verifier.verify("Bearer " + token, body(BODY));
        assertThat(cb.meetingId()).contains("klasse-7b");
        assertThat(cb.isMeetingIdSigned()).isTrue();
        assertThat(cb.bodyJson()).isEqualTo(BODY);
        assertThat(cb.claimsJson()).isEqualTo(claims(NOW.getEpochSecond() + 86_400));
        assertThat(cb.expiresAt()).contains(NOW.plusSeconds(86_400));
        assertThat(cb.algorithm()).isEqualTo(JwtAlgorithm.HS512);
        assertThat(cb.toString()).doesNotContain(token);
        assertThat(verifier.verify(Map.of("AUTHORIZATION", List.of("Bearer " + token)), body(BODY))).isEqualTo(cb);
        assertThat(verifier.verify("Bearer " + token, BODY)).isEqualTo(cb);
    }

    /**
     * The header's surrounding whitespace is not part of the token (HTTP strips optional whitespace
     * around a field value, RFC 9110 §5.5): a padded header carries the same signed token. Found by
     * CallbackVerifierFuzzTest#analytics, whose oracle compared the whole header (corpus entry
     * seed-padded-bearer); whitespace inside the token is MALFORMED.
     */
    @Test
    void verify_whenBearerIsPaddedWithWhitespace_readsTheSameSignedToken() {
        String token = hs512(claims(NOW.getEpochSecond() + 600), SECRET);
        AnalyticsCallback cb = verifier.verify("Bearer " + token, body(BODY));
        assertThat(verifier.verify("Bearer   " + token + " ".repeat(40), body(BODY))).isEqualTo(cb);
        assertThat(verifier.verify("\tBearer " + token + "\t", body(BODY))).isEqualTo(cb);
        String split = token.substring(0, 20) + " " + token.substring(20);
        assertThat(reasonOf(() -> verifier.verify("Bearer " + split, body(BODY)))).isEqualTo(Reason.MALFORMED);
    }

    @Test
    void verify_whenExpired_honoursLeeway() {
        String justExpired = hs512(claims(NOW.getEpochSecond() - 30), SECRET);
        assertThat(verifier.verify("Bearer " + justExpired, body(BODY)).meetingId()).contains("klasse-7b");
        String longExpired = hs512(claims(NOW.getEpochSecond() - 61), SECRET);
        assertThat(reasonOf(() -> verifier.verify("Bearer " + longExpired, body(BODY)))).isEqualTo(Reason.EXPIRED);
        AnalyticsCallbackVerifier strict = AnalyticsCallbackVerifier.builder().secrets(SECRET)
                .clock(Clock.fixed(NOW, ZoneOffset.UTC)).leeway(Duration.ZERO).build();
        assertThat(reasonOf(() -> strict.verify("Bearer " + justExpired, body(BODY)))).isEqualTo(Reason.EXPIRED);
        String exactlyNow = hs512(claims(NOW.getEpochSecond()), SECRET);
        assertThat(reasonOf(() -> strict.verify("Bearer " + exactlyNow, body(BODY)))).isEqualTo(Reason.EXPIRED);
    }

    @Test
    void verify_whenNoExp_isMissingUnlessConfigured() {
        String token = hs512("{\"meeting_id\":\"klasse-7b\"}", SECRET);
        assertThat(reasonOf(() -> verifier.verify("Bearer " + token, body(BODY)))).isEqualTo(Reason.MISSING);
        AnalyticsCallbackVerifier lenient = AnalyticsCallbackVerifier.builder().secrets(SECRET).requireExpiry(false).build();
        assertThat(lenient.verify("Bearer " + token, body(BODY)).expiresAt()).isEmpty();
    }

    @Test
    void verify_whenIssuedOrNotBeforeInFuture_isNotYetValid() {
        String token = hs512("{\"exp\":" + (NOW.getEpochSecond() + 100_000) + ",\"nbf\":" + (NOW.getEpochSecond() + 3600) + "}", SECRET);
        assertThat(reasonOf(() -> verifier.verify("Bearer " + token, body(BODY)))).isEqualTo(Reason.NOT_YET_VALID);
    }

    @Test
    void verify_whenHs256ByDefault_isUnsupported() {
        String token = hs256(claims(NOW.getEpochSecond() + 60), SECRET);
        assertThat(reasonOf(() -> verifier.verify("Bearer " + token, body(BODY)))).isEqualTo(Reason.UNSUPPORTED_ALGORITHM);
    }

    @Test
    void verify_whenWrongSecretOrTampered_isBadSignature() {
        String token = hs512(claims(NOW.getEpochSecond() + 60), "other");
        assertThat(reasonOf(() -> verifier.verify("Bearer " + token, body(BODY)))).isEqualTo(Reason.BAD_SIGNATURE);
    }

    @Test
    void verify_whenHeaderMissingOrWrongScheme_isMissing() {
        assertThat(reasonOf(() -> verifier.verify((String) null, body(BODY)))).isEqualTo(Reason.MISSING);
        assertThat(reasonOf(() -> verifier.verify("Basic abc", body(BODY)))).isEqualTo(Reason.MISSING);
        assertThat(reasonOf(() -> verifier.verify("Bearer ", body(BODY)))).isEqualTo(Reason.MISSING);
        assertThat(reasonOf(() -> verifier.verify(Map.of("X-Other", List.of("1")), body(BODY)))).isEqualTo(Reason.MISSING);
        assertThat(reasonOf(() -> verifier.verify(Map.of("authorization", List.of("Bearer a", "Bearer b")), body(BODY))))
                .isEqualTo(Reason.MALFORMED);
    }

    @Test
    void verify_whenBodyNotJsonOrTooLarge_isRejected() {
        String token = hs512(claims(NOW.getEpochSecond() + 60), SECRET);
        assertThat(reasonOf(() -> verifier.verify("Bearer " + token, body("<html>")))).isEqualTo(Reason.MALFORMED);
        assertThat(reasonOf(() -> verifier.verify("Bearer " + token, new byte[] {'"', (byte) 0xc3, '"'}))).isEqualTo(Reason.MALFORMED);
        AnalyticsCallbackVerifier small = AnalyticsCallbackVerifier.builder().secrets(SECRET)
                .clock(Clock.fixed(NOW, ZoneOffset.UTC)).maxInputLength(10).build();
        assertThat(reasonOf(() -> small.verify("Bearer " + token, body(BODY)))).isEqualTo(Reason.TOO_LARGE);
    }

    @Test
    void verify_whenBodyNamesOtherMeeting_isMismatch() {
        String token = hs512(claims(NOW.getEpochSecond() + 60), SECRET);
        assertThat(reasonOf(() -> verifier.verify("Bearer " + token, body("{\"meeting_id\":\"klasse-8a\"}")))).isEqualTo(Reason.MEETING_MISMATCH);
    }

    @Test
    void verify_whenOnlyBodyNamesMeeting_usesBody() {
        String token = hs512("{\"exp\":" + (NOW.getEpochSecond() + 60) + "}", SECRET);
        AnalyticsCallback fromBody = verifier.verify("Bearer " + token, body("{\"meetingId\":\"klasse-9c\"}"));
        assertThat(fromBody.meetingId()).contains("klasse-9c");
        assertThat(fromBody.isMeetingIdSigned()).as("the body is not covered by the token").isFalse();
        assertThat(verifier.verify("Bearer " + token, body("[1,2]")).meetingId()).isEmpty();
    }

    @Test
    void verify_withIndependentlySignedToken_roundTrips() {
        String token = hs512("{\"meeting_id\":\"klasse-7b\",\"exp\":" + NOW.plusSeconds(600).getEpochSecond() + "}", SECRET);
        assertThat(verifier.verify("Bearer " + token, body(BODY)).meetingId()).contains("klasse-7b");
    }
}
