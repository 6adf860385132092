// SPDX-License-Identifier: Apache-2.0
package de.hessen.schulportal.bbb.client.callback;

import static de.hessen.schulportal.bbb.client.callback.IndependentCrypto.b64;
import static de.hessen.schulportal.bbb.client.callback.IndependentCrypto.hs256;
import static de.hessen.schulportal.bbb.client.callback.IndependentCrypto.hs512;
import static de.hessen.schulportal.bbb.client.callback.IndependentCrypto.jwt;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import de.hessen.schulportal.bbb.client.callback.CallbackVerificationException.Reason;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class RecordingReadyVerifierTest {
    static final String SECRET = "639259d4-9dd8-4b25-bf01-95f9567eaf4b";
    static final String CLAIMS = "{\"meeting_id\":\"klasse-7b-mathe\",\"record_id\":\"0fd1e2a9c5b3f7e8d6a4b2c0e1f3a5b7c9d1e3f5-1700000000123\"}";
    /** Computed outside Java (Python hmac/hashlib) from SECRET and CLAIMS. */
    static final String KNOWN_TOKEN = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9."
            + "eyJtZWV0aW5nX2lkIjoia2xhc3NlLTdiLW1hdGhlIiwicmVjb3JkX2lkIjoiMGZkMWUyYTljNWIzZjdlOGQ2YTRiMmMwZTFmM2E1YjdjOWQxZTNmNS0xNzAwMDAwMDAwMTIzIn0."
            + "QsdMnkGuzcspiA7lSTJ69sZQIpaxMAgfWFxOg8b6_Es";

    final RecordingReadyVerifier verifier = RecordingReadyVerifier.builder().secrets(SECRET).build();

    static Reason reasonOf(Runnable r) {
        CallbackVerificationException e = catchThrowableOfType(CallbackVerificationException.class, r::run);
        assertThat(e).as("expected a CallbackVerificationException").isNotNull();
        assertThat(e.call()).isEqualTo("recordingReady");
        assertThat(e.getMessage()).doesNotContain(SECRET);
        return e.reason();
    }

    @Test
    void verifyToken_whenKnownAnswerHs256_returnsClaims() {
        assertThat(hs256(CLAIMS, SECRET)).isEqualTo(KNOWN_TOKEN);
        RecordingReady ready = verifier.verifyToken(KNOWN_TOKEN);
        assertThat(ready.meetingId()).isEqualTo("klasse-7b-mathe");
        assertThat(ready.recordId()).isEqualTo("0fd1e2a9c5b3f7e8d6a4b2c0e1f3a5b7c9d1e3f5-1700000000123");
        assertThat(ready.algorithm()).isEqualTo(JwtAlgorithm.HS256);
        assertThat(ready.claimsJson()).isEqualTo(CLAIMS);
    }

    @Test
    void verifyFormBody_whenBbbPostsSignedParameters_returnsClaims() {
        RecordingReady ready = verifier.verifyFormBody("signed_parameters=" + KNOWN_TOKEN);
        assertThat(ready.meetingId()).isEqualTo("klasse-7b-mathe");
        assertThat(verifier.verifyFormBody(("signed_parameters=" + KNOWN_TOKEN).getBytes(StandardCharsets.UTF_8))).isEqualTo(ready);
    }

    @Test
    void verifyToken_whenHeaderWithoutTyp_isAccepted() {
        String token = jwt("{\"alg\":\"HS256\"}", CLAIMS, "HmacSHA256", SECRET);
        assertThat(verifier.verifyToken(token).meetingId()).isEqualTo("klasse-7b-mathe");
    }

    @Test
    void verifyToken_whenScaleliteSignsHs512WithTenantSecret_isAccepted() {
        RecordingReadyVerifier scalelite = RecordingReadyVerifier.builder().secrets("lb-secret", "tenant-secret").build();
        RecordingReady ready = scalelite.verifyToken(hs512(CLAIMS, "tenant-secret"));
        assertThat(ready.algorithm()).isEqualTo(JwtAlgorithm.HS512);
        assertThat(ready.recordId()).endsWith("-1700000000123");
    }

    @Test
    void verifyToken_whenSecondSecretMatches_isAccepted() {
        RecordingReadyVerifier rotating = RecordingReadyVerifier.builder().secrets("new-secret", SECRET).build();
        assertThat(rotating.verifyToken(KNOWN_TOKEN).meetingId()).isEqualTo("klasse-7b-mathe");
    }

    @Test
    void verifyToken_whenWrongSecret_isBadSignature() {
        assertThat(reasonOf(() -> verifier.verifyToken(hs256(CLAIMS, "other-secret")))).isEqualTo(Reason.BAD_SIGNATURE);
    }

    @Test
    void verifyToken_whenAlgNone_isRejected() {
        String unsigned = b64("{\"alg\":\"none\",\"typ\":\"JWT\"}") + "." + b64(CLAIMS) + ".";
        assertThat(reasonOf(() -> verifier.verifyToken(unsigned))).isEqualTo(Reason.UNSUPPORTED_ALGORITHM);
        String noneWithSig = b64("{\"alg\":\"None\"}") + "." + b64(CLAIMS) + "." + KNOWN_TOKEN.substring(KNOWN_TOKEN.lastIndexOf('.') + 1);
        assertThat(reasonOf(() -> verifier.verifyToken(noneWithSig))).isEqualTo(Reason.UNSUPPORTED_ALGORITHM);
    }

    @ParameterizedTest
    @ValueSource(strings = {"HS384", "RS256", "ES256", "PS512", "hs256", "HS256 ", ""})
    void verifyToken_whenAlgorithmNotAllowed_isUnsupported(String alg) {
        String token = jwt("{\"alg\":\"" + alg + "\"}", CLAIMS, "HmacSHA384", SECRET);
        assertThat(reasonOf(() -> verifier.verifyToken(token))).isEqualTo(Reason.UNSUPPORTED_ALGORITHM);
    }

    @Test
    void verifyToken_whenHs384ExplicitlyAllowed_isAccepted() {
        RecordingReadyVerifier v = RecordingReadyVerifier.builder().secrets(SECRET).allowedAlgorithms(JwtAlgorithm.HS384).build();
        assertThat(v.verifyToken(jwt("{\"alg\":\"HS384\"}", CLAIMS, "HmacSHA384", SECRET)).algorithm()).isEqualTo(JwtAlgorithm.HS384);
        assertThat(reasonOf(() -> v.verifyToken(KNOWN_TOKEN))).isEqualTo(Reason.UNSUPPORTED_ALGORITHM);
    }

    @Test
    void verifyToken_whenHeaderAndSigningAlgorithmDiffer_isBadSignature() {
        String says256signed512 = jwt("{\"alg\":\"HS256\"}", CLAIMS, "HmacSHA512", SECRET);
        String says512signed256 = jwt("{\"alg\":\"HS512\"}", CLAIMS, "HmacSHA256", SECRET);
        assertThat(reasonOf(() -> verifier.verifyToken(says256signed512))).isEqualTo(Reason.BAD_SIGNATURE);
        assertThat(reasonOf(() -> verifier.verifyToken(says512signed256))).isEqualTo(Reason.BAD_SIGNATURE);
    }

    @Test
    void verifyToken_whenPayloadSwapped_isBadSignature() {
        String[] p = KNOWN_TOKEN.split("\\.");
        String forged = p[0] + "." + b64("{\"meeting_id\":\"other\",\"record_id\":\"x\"}") + "." + p[2];
        assertThat(reasonOf(() -> verifier.verifyToken(forged))).isEqualTo(Reason.BAD_SIGNATURE);
    }

    @Test
    void verifyToken_whenHeaderSwappedKeepingAlgorithm_isBadSignature() {
        String[] p = KNOWN_TOKEN.split("\\.");
        String forged = b64("{\"typ\":\"JWT\",\"alg\":\"HS256\"}") + "." + p[1] + "." + p[2];
        assertThat(reasonOf(() -> verifier.verifyToken(forged))).isEqualTo(Reason.BAD_SIGNATURE);
    }

    @Test
    void verifyToken_whenSignatureNonCanonicallyEncoded_isRejected() {
        // 32 bytes -> 43 chars; the last char carries 2 unused bits that a lax decoder ignores.
        String sig = KNOWN_TOKEN.substring(KNOWN_TOKEN.lastIndexOf('.') + 1);
        char last = sig.charAt(sig.length() - 1);
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
        int idx = alphabet.indexOf(last);
        char sibling = alphabet.charAt((idx & ~3) | ((idx + 1) & 3));
        String forged = KNOWN_TOKEN.substring(0, KNOWN_TOKEN.length() - 1) + sibling;
        assertThat(reasonOf(() -> verifier.verifyToken(forged))).isIn(Reason.BAD_SIGNATURE, Reason.MALFORMED);
        assertThat(reasonOf(() -> verifier.verifyToken(KNOWN_TOKEN + "="))).isEqualTo(Reason.MALFORMED);
    }

    static Stream<Arguments> malformedTokens() {
        String[] p = KNOWN_TOKEN.split("\\.");
        return Stream.of(
                Arguments.of("two parts", p[0] + "." + p[1]),
                Arguments.of("four parts", KNOWN_TOKEN + ".AAAA"),
                Arguments.of("empty header", "." + p[1] + "." + p[2]),
                Arguments.of("empty payload", p[0] + ".." + p[2]),
                Arguments.of("header not base64url", "e+J." + p[1] + "." + p[2]),
                Arguments.of("header not JSON", b64("alg=HS256") + "." + p[1] + "." + p[2]),
                Arguments.of("header JSON array", b64("[\"HS256\"]") + "." + p[1] + "." + p[2]),
                Arguments.of("header alg number", b64("{\"alg\":256}") + "." + p[1] + "." + p[2]),
                Arguments.of("header no alg", b64("{\"typ\":\"JWT\"}") + "." + p[1] + "." + p[2]),
                Arguments.of("header duplicate alg", b64("{\"alg\":\"HS256\",\"alg\":\"none\"}") + "." + p[1] + "." + p[2]),
                Arguments.of("header typ garbage", b64("{\"alg\":\"HS256\",\"typ\":7}") + "." + p[1] + "." + p[2]),
                Arguments.of("header crit", b64("{\"alg\":\"HS256\",\"crit\":[\"exp\"]}") + "." + p[1] + "." + p[2]),
                Arguments.of("header trailing garbage", b64("{\"alg\":\"HS256\"}x") + "." + p[1] + "." + p[2]),
                Arguments.of("header invalid utf-8", b64(new byte[] {'{', (byte) 0xff, '}'}) + "." + p[1] + "." + p[2]),
                Arguments.of("signature bad char", p[0] + "." + p[1] + "." + p[2].replace(p[2].charAt(3), '*')),
                Arguments.of("signature impossible length", p[0] + "." + p[1] + ".A"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformedTokens")
    void verifyToken_whenMalformed_isMalformed(String name, String token) {
        assertThat(reasonOf(() -> verifier.verifyToken(token))).isEqualTo(Reason.MALFORMED);
    }

    static Stream<Arguments> badClaims() {
        return Stream.of(
                Arguments.of("{\"meeting_id\":\"m\"}", Reason.MISSING),
                Arguments.of("{\"record_id\":\"r\"}", Reason.MISSING),
                Arguments.of("{\"meeting_id\":null,\"record_id\":\"r\"}", Reason.MISSING),
                Arguments.of("{\"meeting_id\":42,\"record_id\":\"r\"}", Reason.MALFORMED),
                Arguments.of("{\"meeting_id\":\"m\",\"record_id\":[\"r\"]}", Reason.MALFORMED),
                Arguments.of("{\"meeting_id\":\"\",\"record_id\":\"r\"}", Reason.MALFORMED),
                Arguments.of("{\"meeting_id\":\"m\",\"meeting_id\":\"n\",\"record_id\":\"r\"}", Reason.MALFORMED),
                Arguments.of("[\"m\",\"r\"]", Reason.MALFORMED),
                Arguments.of("\"m\"", Reason.MALFORMED),
                Arguments.of("not json", Reason.MALFORMED),
                Arguments.of("{\"meeting_id\":\"m\",\"record_id\":\"r\",\"exp\":\"soon\"}", Reason.MALFORMED),
                Arguments.of("{\"meeting_id\":\"m\",\"record_id\":\"r\",\"exp\":1000}", Reason.EXPIRED));
    }

    @ParameterizedTest
    @MethodSource("badClaims")
    void verifyToken_whenClaimsWrong_isRejected(String claims, Reason expected) {
        assertThat(reasonOf(() -> verifier.verifyToken(hs256(claims, SECRET)))).isEqualTo(expected);
    }

    @Test
    void verifyToken_whenExpPresentAndInFuture_isAccepted() {
        Clock clock = Clock.fixed(Instant.ofEpochSecond(1_700_000_000), ZoneOffset.UTC);
        RecordingReadyVerifier v = RecordingReadyVerifier.builder().secrets(SECRET).clock(clock).build();
        assertThat(v.verifyToken(hs256("{\"meeting_id\":\"m\",\"record_id\":\"r\",\"exp\":1700000030}", SECRET)).meetingId()).isEqualTo("m");
        assertThat(reasonOf(() -> v.verifyToken(hs256("{\"meeting_id\":\"m\",\"record_id\":\"r\",\"exp\":1699999000}", SECRET))))
                .isEqualTo(Reason.EXPIRED);
    }

    @Test
    void verifyToken_whenOversized_isTooLargeBeforeParsing() {
        String padding = "x".repeat(9000);
        String big = hs256("{\"meeting_id\":\"m\",\"record_id\":\"r\",\"pad\":\"" + padding + "\"}", SECRET);
        assertThat(reasonOf(() -> verifier.verifyToken(big))).isEqualTo(Reason.TOO_LARGE);
        assertThat(reasonOf(() -> verifier.verifyToken("a".repeat(100_000)))).isEqualTo(Reason.TOO_LARGE);
        assertThat(reasonOf(() -> verifier.verifyFormBody("signed_parameters=" + "a".repeat(100_000)))).isEqualTo(Reason.TOO_LARGE);
        RecordingReadyVerifier roomy = RecordingReadyVerifier.builder().secrets(SECRET).maxTokenLength(64 * 1024).build();
        assertThat(roomy.verifyToken(big).meetingId()).isEqualTo("m");
    }

    @Test
    void verifyToken_whenTruncated_isRejected() {
        for (int len = 0; len < KNOWN_TOKEN.length(); len++) {
            String truncated = KNOWN_TOKEN.substring(0, len);
            assertThatThrownBy(() -> verifier.verifyToken(truncated)).isInstanceOf(CallbackVerificationException.class);
        }
    }

    @Test
    void verifyFormBody_whenFieldMissingOrRepeated_isRejected() {
        assertThat(reasonOf(() -> verifier.verifyFormBody(""))).isEqualTo(Reason.MISSING);
        assertThat(reasonOf(() -> verifier.verifyFormBody("other=1"))).isEqualTo(Reason.MISSING);
        assertThat(reasonOf(() -> verifier.verifyFormBody("signed_parameters=" + KNOWN_TOKEN + "&signed_parameters=" + KNOWN_TOKEN)))
                .isEqualTo(Reason.MALFORMED);
        assertThat(reasonOf(() -> verifier.verifyFormBody("signed_parameters=%zz"))).isEqualTo(Reason.MALFORMED);
        assertThat(reasonOf(() -> verifier.verifyFormBody("signed_parameters="))).isEqualTo(Reason.MISSING);
    }

    @Test
    void verifyFormBody_whenTokenPercentEncoded_isDecoded() {
        String encoded = URLEncoder.encode(KNOWN_TOKEN, StandardCharsets.UTF_8).replace("-", "%2D");
        assertThat(verifier.verifyFormBody("signed_parameters=" + encoded).meetingId()).isEqualTo("klasse-7b-mathe");
    }

    @Test
    void exceptionsAndToString_neverContainSecretOrToken() {
        String[] p = KNOWN_TOKEN.split("\\.");
        CallbackVerificationException e = catchThrowableOfType(CallbackVerificationException.class,
                () -> verifier.verifyToken(p[0] + "." + p[1] + "." + b64(new byte[32])));
        assertThat(e.getMessage()).doesNotContain(SECRET).doesNotContain(p[1]).doesNotContain(p[2]).doesNotContain(KNOWN_TOKEN);
        assertThat(verifier.toString()).doesNotContain(SECRET);
        assertThat(verifier.verifyToken(KNOWN_TOKEN).toString()).doesNotContain(p[2]).doesNotContain(SECRET);
        CallbackVerificationException garbage = catchThrowableOfType(CallbackVerificationException.class,
                () -> verifier.verifyToken(b64("{\"alg\":\"" + SECRET + "\"}") + "." + p[1] + "." + p[2]));
        assertThat(garbage.getMessage()).doesNotContain(SECRET);
    }

    @Test
    void builder_whenNoOrEmptySecret_fails() {
        assertThatThrownBy(() -> RecordingReadyVerifier.builder().build()).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RecordingReadyVerifier.builder().secrets("").build()).isInstanceOf(IllegalArgumentException.class);
    }

    static Stream<Arguments> seeds() {
        long base = Long.getLong("callback.seed", System.nanoTime());
        return IntStream.range(0, 40).mapToObj(i -> Arguments.of(base + i));
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void property_randomClaimsVerifyAndAnySingleByteMutationFails(long seed) {
        Random rnd = new Random(seed);
        String meetingId = RandomStrings.unicode(rnd, 1 + rnd.nextInt(40));
        String recordId = RandomStrings.ascii(rnd, 1 + rnd.nextInt(60));
        String secret = RandomStrings.unicode(rnd, 1 + rnd.nextInt(50));
        String claims = "{\"meeting_id\":" + RandomStrings.json(meetingId) + ",\"record_id\":" + RandomStrings.json(recordId) + "}";
        boolean use512 = rnd.nextBoolean();
        String token = use512 ? hs512(claims, secret) : hs256(claims, secret);
        RecordingReadyVerifier v = RecordingReadyVerifier.builder().secrets("unrelated", secret).build();

        RecordingReady ready = v.verifyToken(token);
        assertThat(ready.meetingId()).as("seed %d", seed).isEqualTo(meetingId);
        assertThat(ready.recordId()).as("seed %d", seed).isEqualTo(recordId);

        int pos = rnd.nextInt(token.length());
        char replacement;
        do {
            replacement = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.=+/ ".charAt(rnd.nextInt(69));
        } while (replacement == token.charAt(pos));
        String mutated = token.substring(0, pos) + replacement + token.substring(pos + 1);
        // A flip in the last signature character may only touch unused bits; canonical comparison rejects it anyway.
        assertThatThrownBy(() -> v.verifyToken(mutated))
                .as("seed %d, position %d", seed, pos)
                .isInstanceOf(CallbackVerificationException.class);
    }
}
