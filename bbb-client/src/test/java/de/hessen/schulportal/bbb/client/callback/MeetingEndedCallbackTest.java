// SPDX-License-Identifier: Apache-2.0
package de.hessen.schulportal.bbb.client.callback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import de.hessen.schulportal.bbb.client.callback.CallbackVerificationException.Reason;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Base64;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class MeetingEndedCallbackTest {
    static final byte[] KEY = "0123456789abcdef0123456789abcdef-portal-key".getBytes(StandardCharsets.US_ASCII);
    static final byte[] OLD_KEY = "fedcba9876543210fedcba9876543210-old-key".getBytes(StandardCharsets.US_ASCII);
    static final Instant NOW = Instant.ofEpochSecond(1_700_000_000);
    static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    static final String BASE = "https://portal.schule.hessen.de/bbb/ended";

    final MeetingEndedCallbackSigner signer = MeetingEndedCallbackSigner.builder().key(KEY).clock(CLOCK).validity(Duration.ofDays(2)).build();
    final MeetingEndedCallbackVerifier verifier = MeetingEndedCallbackVerifier.builder().keys(KEY).clock(CLOCK).build();

    /** What BigBlueButton's URIBuilder.addParameter does to meta_endCallbackUrl. */
    static String bbbCalls(String signedUrl, String meetingId, boolean marks) {
        return signedUrl + "&recordingmarks=" + marks + "&meetingID=" + URLEncoder.encode(meetingId, StandardCharsets.UTF_8);
    }

    /** The token computed from the documented format with the JDK only. */
    static String independentToken(byte[] key, long iat, long exp, String meetingId) throws Exception {
        javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
        mac.init(new javax.crypto.spec.SecretKeySpec(key, "HmacSHA256"));
        byte[] sig = mac.doFinal(("de.hessen.schulportal.bbb/meeting-ended/v1\n" + iat + "\n" + exp + "\n" + meetingId)
                .getBytes(StandardCharsets.UTF_8));
        return "v1." + iat + "." + exp + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(sig);
    }

    Reason reasonOf(Runnable r) {
        CallbackVerificationException e = catchThrowableOfType(CallbackVerificationException.class, r::run);
        assertThat(e).isNotNull();
        assertThat(e.call()).isEqualTo("meetingEnded");
        return e.reason();
    }

    @Test
    void signEndCallbackUrl_thenBbbAppends_verifies() throws Exception {
        String signed = signer.signEndCallbackUrl(BASE, "klasse-7b");
        String expectedToken = independentToken(KEY, NOW.getEpochSecond(), NOW.getEpochSecond() + 172_800, "klasse-7b");
        assertThat(signed).isEqualTo(BASE + "?cbtoken=" + expectedToken);
        MeetingEnded ended = verifier.verify(bbbCalls(signed, "klasse-7b", true));
        assertThat(ended.meetingId()).isEqualTo("klasse-7b");
        assertThat(ended.hasRecordingMarks()).isTrue();
        assertThat(ended.issuedAt()).isEqualTo(NOW);
        assertThat(ended.expiresAt()).contains(NOW.plus(Duration.ofDays(2)));
        assertThat(verifier.verify(bbbCalls(signed, "klasse-7b", false)).hasRecordingMarks()).isFalse();
    }

    @Test
    void verify_whenIndependentlyBuiltUrl_verifies() throws Exception {
        String url = BASE + "?room=7&cbtoken=" + independentToken(KEY, NOW.getEpochSecond() - 10, 0, "Klasse 7b/ä")
                + "&recordingmarks=false&meetingID=Klasse+7b%2F%C3%A4";
        MeetingEnded ended = verifier.verify(url);
        assertThat(ended.meetingId()).isEqualTo("Klasse 7b/ä");
        assertThat(ended.expiresAt()).isEmpty();
    }

    /** Without an explicit validity a signed URL still expires (7 days), so a leaked URL is not valid forever. */
    @Test
    void defaultSigner_urlsExpireAfterSevenDays() {
        MeetingEndedCallbackSigner byDefault = MeetingEndedCallbackSigner.builder().key(KEY).clock(CLOCK).build();
        String url = byDefault.signEndCallbackUrl(BASE, "klasse-7b") + "&meetingID=klasse-7b";
        assertThat(verifier.verify(url).expiresAt()).contains(NOW.plus(MeetingEndedCallbackSigner.DEFAULT_VALIDITY));
        MeetingEndedCallbackVerifier eightDaysLater = MeetingEndedCallbackVerifier.builder().keys(KEY)
                .clock(Clock.fixed(NOW.plus(Duration.ofDays(8)), ZoneOffset.UTC)).build();
        assertThat(reasonOf(() -> eightDaysLater.verify(url))).isEqualTo(Reason.EXPIRED);
        MeetingEndedCallbackSigner forever = MeetingEndedCallbackSigner.builder().key(KEY).clock(CLOCK).validity(null).build();
        assertThat(eightDaysLater.verify(forever.signEndCallbackUrl(BASE, "klasse-7b") + "&meetingID=klasse-7b").expiresAt())
                .isEmpty();
    }

    @Test
    void signMeetingEndedUrl_carriesMeetingIdItself() {
        String signed = signer.signMeetingEndedUrl(BASE + "?tenant=schule-1", "klasse 7b");
        assertThat(signed).startsWith(BASE + "?tenant=schule-1&meetingID=klasse+7b&cbtoken=v1.");
        assertThat(verifier.verify(signed).meetingId()).isEqualTo("klasse 7b");
        assertThat(verifier.verify(signed).hasRecordingMarks()).isFalse();
    }

    @Test
    void verify_whenTokenForOtherMeeting_isBadSignature() {
        String signedForA = signer.signEndCallbackUrl(BASE, "meeting-a");
        assertThat(reasonOf(() -> verifier.verify(bbbCalls(signedForA, "meeting-b", false)))).isEqualTo(Reason.BAD_SIGNATURE);
    }

    @Test
    void verify_whenWrongKeyOrRotated() {
        MeetingEndedCallbackSigner old = MeetingEndedCallbackSigner.builder().key(OLD_KEY).clock(CLOCK).build();
        String url = bbbCalls(old.signEndCallbackUrl(BASE, "m"), "m", false);
        assertThat(reasonOf(() -> verifier.verify(url))).isEqualTo(Reason.BAD_SIGNATURE);
        MeetingEndedCallbackVerifier rotating = MeetingEndedCallbackVerifier.builder().keys(KEY, OLD_KEY).clock(CLOCK).build();
        assertThat(rotating.verify(url).meetingId()).isEqualTo("m");
    }

    @Test
    void verify_whenExpiredOrFuture_isRejected() {
        String url = bbbCalls(signer.signEndCallbackUrl(BASE, "m"), "m", false);
        MeetingEndedCallbackVerifier later = MeetingEndedCallbackVerifier.builder().keys(KEY)
                .clock(Clock.fixed(NOW.plus(Duration.ofDays(3)), ZoneOffset.UTC)).build();
        assertThat(reasonOf(() -> later.verify(url))).isEqualTo(Reason.EXPIRED);
        MeetingEndedCallbackVerifier earlier = MeetingEndedCallbackVerifier.builder().keys(KEY)
                .clock(Clock.fixed(NOW.minus(Duration.ofHours(1)), ZoneOffset.UTC)).build();
        assertThat(reasonOf(() -> earlier.verify(url))).isEqualTo(Reason.NOT_YET_VALID);
    }

    @Test
    void verify_whenExpiryTamperedInToken_isBadSignature() {
        String signed = signer.signEndCallbackUrl(BASE, "m");
        String[] t = signed.substring(signed.indexOf("cbtoken=") + 8).split("\\.");
        String forged = BASE + "?cbtoken=v1." + t[1] + ".0." + t[3] + "&meetingID=m";
        assertThat(reasonOf(() -> verifier.verify(forged))).isEqualTo(Reason.BAD_SIGNATURE);
    }

    @Test
    void verify_whenParametersMissingRepeatedOrMalformed() {
        String signed = signer.signEndCallbackUrl(BASE, "m");
        assertThat(reasonOf(() -> verifier.verify(signed))).isEqualTo(Reason.MISSING);
        assertThat(reasonOf(() -> verifier.verify(BASE + "?meetingID=m"))).isEqualTo(Reason.MISSING);
        assertThat(reasonOf(() -> verifier.verify(BASE))).isEqualTo(Reason.MISSING);
        assertThat(reasonOf(() -> verifier.verify(bbbCalls(signed, "m", true) + "&meetingID=m"))).isEqualTo(Reason.MALFORMED);
        assertThat(reasonOf(() -> verifier.verify(bbbCalls(signed, "m", true) + "&cbtoken=v1.1.1.x"))).isEqualTo(Reason.MALFORMED);
        assertThat(reasonOf(() -> verifier.verify(BASE + "?cbtoken=v2.1.0.abc&meetingID=m"))).isEqualTo(Reason.MALFORMED);
        assertThat(reasonOf(() -> verifier.verify(BASE + "?cbtoken=garbage&meetingID=m"))).isEqualTo(Reason.MALFORMED);
        assertThat(reasonOf(() -> verifier.verify(BASE + "?cbtoken=x&meetingID=%G1"))).isEqualTo(Reason.MALFORMED);
    }

    @Test
    void signer_rejectsBadInputs() {
        assertThatThrownBy(() -> MeetingEndedCallbackSigner.builder().key(new byte[16]).build()).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> MeetingEndedCallbackVerifier.builder().build()).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> signer.signEndCallbackUrl("ftp://x/y", "m")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> signer.signEndCallbackUrl("/relative", "m")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> signer.signEndCallbackUrl(BASE + "#frag", "m")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> signer.signEndCallbackUrl(BASE + "?meetingID=x", "m")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> signer.signEndCallbackUrl(BASE, "")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void keyIsCopiedAndNeverPrinted() {
        byte[] key = KEY.clone();
        MeetingEndedCallbackSigner s = MeetingEndedCallbackSigner.builder().key(key).clock(CLOCK).build();
        String before = s.token("m");
        Arrays.fill(key, (byte) 0);
        assertThat(s.token("m")).isEqualTo(before);
        assertThat(s.toString()).doesNotContain(new String(KEY, StandardCharsets.US_ASCII)).doesNotContain(before);
        CallbackVerificationException e = catchThrowableOfType(CallbackVerificationException.class,
                () -> verifier.verify(BASE + "?cbtoken=" + before + "&meetingID=other"));
        assertThat(e.getMessage()).doesNotContain(before).doesNotContain(before.substring(before.lastIndexOf('.') + 1));
    }

    static Stream<Arguments> seeds() {
        long base = Long.getLong("callback.seed", System.nanoTime());
        return IntStream.range(0, 40).mapToObj(i -> Arguments.of(base + i));
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void property_randomMeetingIdsRoundTripAndMutationsFail(long seed) {
        Random rnd = new Random(seed);
        String meetingId = RandomStrings.unicode(rnd, 2 + rnd.nextInt(60));
        String url = bbbCalls(signer.signEndCallbackUrl(BASE, meetingId), meetingId, rnd.nextBoolean());
        assertThat(verifier.verify(url).meetingId()).as("seed %d", seed).isEqualTo(meetingId);

        String other = meetingId + RandomStrings.unicode(rnd, 1);
        String swapped = bbbCalls(signer.signEndCallbackUrl(BASE, meetingId), other, false);
        assertThatThrownBy(() -> verifier.verify(swapped)).as("seed %d", seed).isInstanceOf(CallbackVerificationException.class);

        int start = url.indexOf("cbtoken=") + 8;
        int end = url.indexOf('&', start);
        int pos = start + rnd.nextInt(end - start);
        char c = url.charAt(pos);
        String mutated = url.substring(0, pos) + (c == 'A' ? 'B' : 'A') + url.substring(pos + 1);
        assertThatThrownBy(() -> verifier.verify(mutated)).as("seed %d, position %d", seed, pos)
                .isInstanceOf(CallbackVerificationException.class);
    }
}
