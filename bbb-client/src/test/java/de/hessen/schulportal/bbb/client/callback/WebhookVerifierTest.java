// SPDX-License-Identifier: Apache-2.0
package de.hessen.schulportal.bbb.client.callback;

import static de.hessen.schulportal.bbb.client.callback.IndependentCrypto.hexDigest;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import de.hessen.schulportal.bbb.client.ChecksumAlgorithm;
import de.hessen.schulportal.bbb.client.callback.CallbackVerificationException.Reason;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

class WebhookVerifierTest {
    static final String SECRET = "secret";
    static final String U = "https://app.example.com/bbb/hook";
    static final String EVENT = "[{\"data\":{\"type\":\"event\",\"id\":\"meeting-ended\",\"attributes\":{\"meeting\":"
            + "{\"internal-meeting-id\":\"a1b2-1700000000000\",\"external-meeting-id\":\"klasse-7b\"}},\"event\":{\"ts\":1700000000100}}}]";
    /** Built the way URLSearchParams encodes (computed outside Java, Python quote_plus). */
    static final String BODY = "domain=bbb.example.com&event=%5B%7B%22data%22%3A%7B%22type%22%3A%22event%22%2C%22id%22%3A%22meeting-ended%22"
            + "%2C%22attributes%22%3A%7B%22meeting%22%3A%7B%22internal-meeting-id%22%3A%22a1b2-1700000000000%22%2C%22external-meeting-id"
            + "%22%3A%22klasse-7b%22%7D%7D%2C%22event%22%3A%7B%22ts%22%3A1700000000100%7D%7D%7D%5D&timestamp=1700000000123";
    /** SHA-1 over U + BODY + "secret", computed outside Java (Python hashlib). */
    static final String KNOWN_SHA1 = "73ebcb2c2c5841f4d5b6d1a95f93d0f4d3f26f3e";

    final WebhookVerifier verifier = WebhookVerifier.builder().callbackUrls(U).secrets(SECRET).build();

    static Reason reasonOf(Runnable r) {
        CallbackVerificationException e = catchThrowableOfType(CallbackVerificationException.class, r::run);
        assertThat(e).as("expected a CallbackVerificationException").isNotNull();
        assertThat(e.call()).isEqualTo("webhook");
        assertThat(e.getMessage()).doesNotContain(SECRET + "\"").doesNotContain("73ebcb2c");
        return e.reason();
    }

    static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void verify_whenKnownV34Sha1Vector_parsesDelivery() {
        assertThat(hexDigest("SHA-1", U + BODY + SECRET)).isEqualTo(KNOWN_SHA1);
        WebhookDelivery d = verifier.verify(U + "?checksum=" + KNOWN_SHA1, bytes(BODY));
        assertThat(d.signatureScheme()).isEqualTo(WebhookSignatureScheme.CHECKSUM);
        assertThat(d.checksumAlgorithm()).contains(ChecksumAlgorithm.SHA1);
        assertThat(d.domain()).contains("bbb.example.com");
        assertThat(d.timestamp()).hasValue(1700000000123L);
        assertThat(d.eventJson()).isEqualTo(EVENT);
        assertThat(d.events()).hasSize(1);
        assertThat(d.events().get(0).type()).isEqualTo(WebhookEventType.MEETING_ENDED);
        assertThat(d.events().get(0).externalMeetingId()).contains("klasse-7b");
        assertThat(verifier.verify(U + "?checksum=" + KNOWN_SHA1, BODY)).isEqualTo(d);
        assertThat(verifier.verifyChecksum(U, KNOWN_SHA1, bytes(BODY))).isEqualTo(d);
    }

    @ParameterizedTest
    @EnumSource(ChecksumAlgorithm.class)
    void verify_whenAnyAllowedAlgorithm_isAccepted(ChecksumAlgorithm algorithm) {
        String checksum = hexDigest(algorithm.jcaName(), U + BODY + SECRET);
        assertThat(checksum).hasSize(algorithm.hexLength());
        assertThat(verifier.verify(U + "?checksum=" + checksum, bytes(BODY)).checksumAlgorithm()).contains(algorithm);
    }

    @Test
    void verify_whenAlgorithmNotAllowed_isUnsupported() {
        WebhookVerifier sha256Only = WebhookVerifier.builder().callbackUrls(U).secrets(SECRET).allowedAlgorithms(ChecksumAlgorithm.SHA256).build();
        assertThat(reasonOf(() -> sha256Only.verify(U + "?checksum=" + KNOWN_SHA1, bytes(BODY)))).isEqualTo(Reason.UNSUPPORTED_ALGORITHM);
        String sha256 = hexDigest("SHA-256", U + BODY + SECRET);
        assertThat(sha256Only.verify(U + "?checksum=" + sha256, bytes(BODY)).checksumAlgorithm()).contains(ChecksumAlgorithm.SHA256);
    }

    @Test
    void verify_whenRegisteredUrlHasOwnQuery_keepsItInU() {
        String registered = U + "?tenant=schule-42&checksum_note=x&a=%20b";
        WebhookVerifier both = WebhookVerifier.builder().secrets(SECRET).callbackUrls(U, registered).build();
        String checksum = hexDigest("SHA-256", registered + BODY + SECRET);
        WebhookDelivery d = both.verify(registered + "&checksum=" + checksum, bytes(BODY));
        assertThat(d.events()).hasSize(1);
        assertThat(d.callbackUrl()).contains(registered);
        // Stripping more than the checksum parameter would change U and fail:
        assertThat(reasonOf(() -> both.verify(U + "?checksum=" + checksum, bytes(BODY)))).isEqualTo(Reason.BAD_SIGNATURE);
    }

    @Test
    void verify_whenRegisteredUrlItselfHasChecksumParameter_onlyLastIsStripped() {
        String registered = U + "?checksum=mine";
        WebhookVerifier v = WebhookVerifier.builder().secrets(SECRET).callbackUrls(registered).build();
        String checksum = hexDigest("SHA-1", registered + BODY + SECRET);
        assertThat(v.verify(registered + "&checksum=" + checksum, bytes(BODY)).events()).hasSize(1);
    }

    @Test
    void verify_whenChecksumMissingOrMisplaced_isRejected() {
        assertThat(reasonOf(() -> verifier.verify(U, bytes(BODY)))).isEqualTo(Reason.MISSING);
        assertThat(reasonOf(() -> verifier.verify(U + "?x=1", bytes(BODY)))).isEqualTo(Reason.MISSING);
        assertThat(reasonOf(() -> verifier.verify(U + "?checksum=", bytes(BODY)))).isEqualTo(Reason.MISSING);
        assertThat(reasonOf(() -> verifier.verify(U + "?checksum=" + KNOWN_SHA1 + "&x=1", bytes(BODY)))).isEqualTo(Reason.MALFORMED);
        assertThat(reasonOf(() -> verifier.verifyChecksum(U, null, bytes(BODY)))).isEqualTo(Reason.MISSING);
    }

    @Test
    void verify_whenChecksumUppercaseOrOddLength_isMalformed() {
        assertThat(reasonOf(() -> verifier.verify(U + "?checksum=" + KNOWN_SHA1.toUpperCase(Locale.ROOT), bytes(BODY)))).isEqualTo(Reason.MALFORMED);
        assertThat(reasonOf(() -> verifier.verify(U + "?checksum=" + KNOWN_SHA1.substring(1), bytes(BODY)))).isEqualTo(Reason.MALFORMED);
        assertThat(reasonOf(() -> verifier.verify(U + "?checksum=" + KNOWN_SHA1 + "0", bytes(BODY)))).isEqualTo(Reason.MALFORMED);
        assertThat(reasonOf(() -> verifier.verify(U + "?checksum=" + KNOWN_SHA1.replace('c', 'g'), bytes(BODY)))).isEqualTo(Reason.MALFORMED);
    }

    @Test
    void verify_whenBodyOrUrlTampered_isBadSignature() {
        String url = U + "?checksum=" + KNOWN_SHA1;
        assertThat(reasonOf(() -> verifier.verify(url, bytes(BODY.replace("klasse-7b", "klasse-7c"))))).isEqualTo(Reason.BAD_SIGNATURE);
        assertThat(reasonOf(() -> verifier.verify(url, bytes(BODY + "&x=1")))).as("an extra field is not a delivery form").isEqualTo(Reason.MALFORMED);
        assertThat(reasonOf(() -> verifier.verify(url.replace("app.", "evil."), bytes(BODY)))).isEqualTo(Reason.UNREGISTERED_URL);
        String flipped = KNOWN_SHA1.substring(0, 39) + (KNOWN_SHA1.charAt(39) == 'e' ? 'f' : 'e');
        assertThat(reasonOf(() -> verifier.verify(U + "?checksum=" + flipped, bytes(BODY)))).isEqualTo(Reason.BAD_SIGNATURE);
    }

    @Test
    void verify_whenWrongSecretOrRotated() {
        WebhookVerifier wrong = WebhookVerifier.builder().callbackUrls(U).secrets("not-the-secret").build();
        assertThat(reasonOf(() -> wrong.verify(U + "?checksum=" + KNOWN_SHA1, bytes(BODY)))).isEqualTo(Reason.BAD_SIGNATURE);
        WebhookVerifier rotating = WebhookVerifier.builder().callbackUrls(U).secrets(List.of("new-secret", SECRET)).build();
        assertThat(rotating.verify(U + "?checksum=" + KNOWN_SHA1, bytes(BODY)).events()).hasSize(1);
    }

    @Test
    void verify_whenTooLarge_isRejected() {
        WebhookVerifier small = WebhookVerifier.builder().callbackUrls(U).secrets(SECRET).maxInputLength(100).build();
        assertThat(reasonOf(() -> small.verify(U + "?checksum=" + KNOWN_SHA1, bytes(BODY)))).isEqualTo(Reason.TOO_LARGE);
        assertThat(reasonOf(() -> verifier.verify(U + "/" + "a".repeat(10_000) + "?checksum=" + KNOWN_SHA1, bytes(BODY))))
                .isEqualTo(Reason.TOO_LARGE);
    }

    /** The 2.x form: SHA-1 over U + JSON.stringify({event, timestamp, domain}) + secret. */
    static String legacyV2Checksum(String url, String event, long timestamp, String domain) {
        String json = "{\"event\":" + RandomStrings.json(event).replace("\\u007f", "\u007f") + ",\"timestamp\":" + timestamp
                + ",\"domain\":\"" + domain + "\"}";
        return hexDigest("SHA-1", url + json + SECRET);
    }

    @Test
    void verify_legacyV2Checksum_onlyWhenEnabled() {
        String event = "[{\"data\":{\"id\":\"user-joined\",\"attributes\":{\"user\":{\"name\":\"Zoë \\\"Z\\\"\\n\"}}}}]";
        String body = "domain=bbb.example.com&event=" + URLEncoder.encode(event, StandardCharsets.UTF_8) + "&timestamp=1500000000000";
        String checksum = legacyV2Checksum(U, event, 1500000000000L, "bbb.example.com");
        String url = U + "?checksum=" + checksum;
        assertThat(reasonOf(() -> verifier.verify(url, bytes(body)))).isEqualTo(Reason.BAD_SIGNATURE);
        WebhookVerifier legacy = WebhookVerifier.builder().callbackUrls(U).secrets(SECRET).legacyV2Checksum(true).build();
        WebhookDelivery d = legacy.verify(url, bytes(body));
        assertThat(d.signatureScheme()).isEqualTo(WebhookSignatureScheme.LEGACY_V2_CHECKSUM);
        assertThat(d.events().get(0).user().flatMap(WebhookUser::name)).contains("Zoë \"Z\"\n");
        assertThat(reasonOf(() -> legacy.verify(url, bytes(body.replace("1500000000000", "1500000000001"))))).isEqualTo(Reason.BAD_SIGNATURE);
    }

    @Test
    void verify_legacyEmptyBodyChecksum_onlyWhenEnabled() {
        String checksum = hexDigest("SHA-1", U + "{}" + SECRET);
        String url = U + "?checksum=" + checksum;
        assertThat(reasonOf(() -> verifier.verify(url, bytes(BODY)))).isEqualTo(Reason.BAD_SIGNATURE);
        WebhookVerifier legacy = WebhookVerifier.builder().callbackUrls(U).secrets(SECRET).legacyEmptyBodyChecksum(true).build();
        assertThat(legacy.verify(url, bytes(BODY)).signatureScheme()).isEqualTo(WebhookSignatureScheme.LEGACY_EMPTY_BODY_CHECKSUM);
        assertThat(legacy.verify(url, bytes(BODY)).signatureScheme().authenticatesBody()).isFalse();
        assertThat(WebhookSignatureScheme.CHECKSUM.authenticatesBody()).isTrue();
    }

    /** Issue 19: a BigBlueButton 3.0.4 delivery (bbb-webhooks 3.3.1) is refused by default, saying why and what to do. */
    @Test
    void verify_whenBbbWebhooks331Form_failureNamesTheFormAndWhatToDo() {
        String checksum = hexDigest("SHA-256", U + "{}" + SECRET);
        CallbackVerificationException e = catchThrowableOfType(CallbackVerificationException.class,
                () -> verifier.verify(U + "?checksum=" + checksum, bytes(BODY)));
        assertThat(e.reason()).isEqualTo(Reason.BAD_SIGNATURE);
        assertThat(e.getMessage()).contains("bbb-webhooks 3.0-3.3").contains("3.3.1").contains("BigBlueButton 3.0.4")
                .contains("authenticates nothing").contains("3.4 or later").contains("legacyEmptyBodyChecksum(true)")
                .contains("WebhookConfirmations").doesNotContain(checksum).doesNotContain(SECRET + "\"");
        // Any other wrong checksum says nothing about legacy forms.
        String wrong = hexDigest("SHA-256", U + "{}" + "other-secret");
        assertThat(catchThrowableOfType(CallbackVerificationException.class,
                () -> verifier.verify(U + "?checksum=" + wrong, bytes(BODY))).getMessage()).doesNotContain("3.0-3.3");
    }

    @Test
    void jsonString_matchesJavaScriptJsonStringify() {
        // Expected values as node -e 'console.log(JSON.stringify(s))' prints them.
        assertThat(WebhookVerifier.jsonString("a\"b\\c/d")).isEqualTo("\"a\\\"b\\\\c/d\"");
        assertThat(WebhookVerifier.jsonString("\b\f\n\r\t\u0001\u001f\u007f")).isEqualTo("\"\\b\\f\\n\\r\\t\\u0001\\u001f\u007f\"");
        assertThat(WebhookVerifier.jsonString("ü\u2028😀")).isEqualTo("\"ü\u2028😀\"");
        assertThat(WebhookVerifier.jsonString("x\ud800y")).isEqualTo("\"x\\ud800y\"");
    }

    @Test
    void verifyBearer_whenSecretMatches_parses() {
        WebhookDelivery d = verifier.verifyBearer("Bearer " + SECRET, bytes(BODY));
        assertThat(d.signatureScheme()).isEqualTo(WebhookSignatureScheme.BEARER);
        assertThat(d.checksumAlgorithm()).isEmpty();
        assertThat(verifier.verifyBearer(Map.of("authorization", List.of("bearer  " + SECRET)), bytes(BODY)).events()).hasSize(1);
    }

    @Test
    void verifyBearer_whenWrongOrMissing_isRejected() {
        assertThat(reasonOf(() -> verifier.verifyBearer("Bearer secreT", bytes(BODY)))).isEqualTo(Reason.BAD_SIGNATURE);
        assertThat(reasonOf(() -> verifier.verifyBearer("Bearer " + SECRET + "x", bytes(BODY)))).isEqualTo(Reason.BAD_SIGNATURE);
        assertThat(reasonOf(() -> verifier.verifyBearer("Basic c2VjcmV0", bytes(BODY)))).isEqualTo(Reason.MISSING);
        assertThat(reasonOf(() -> verifier.verifyBearer((String) null, bytes(BODY)))).isEqualTo(Reason.MISSING);
        assertThat(reasonOf(() -> verifier.verifyBearer(Map.of(), bytes(BODY)))).isEqualTo(Reason.MISSING);
        assertThat(reasonOf(() -> verifier.verifyBearer(Map.of("Authorization", List.of("Bearer " + SECRET, "Bearer x")), bytes(BODY))))
                .isEqualTo(Reason.MALFORMED);
    }

    @Test
    void verify_whenSignedBodyIsNotParseable_isMalformed() {
        String body = "domain=d&event=%5Bnot-json&timestamp=1";
        String url = U + "?checksum=" + hexDigest("SHA-1", U + body + SECRET);
        assertThat(reasonOf(() -> verifier.verify(url, bytes(body)))).isEqualTo(Reason.MALFORMED);
    }

    @Test
    void messagesAndToString_neverContainSecretOrChecksum() {
        String longSecret = "very-long-secret-value-1234567890";
        WebhookVerifier v = WebhookVerifier.builder().callbackUrls(U).secrets(longSecret).build();
        CallbackVerificationException e = catchThrowableOfType(CallbackVerificationException.class,
                () -> v.verify(U + "?checksum=" + KNOWN_SHA1, bytes(BODY)));
        assertThat(e.getMessage()).doesNotContain(longSecret).doesNotContain(KNOWN_SHA1);
        CallbackVerificationException bearer = catchThrowableOfType(CallbackVerificationException.class,
                () -> v.verifyBearer("Bearer guessed-" + longSecret, bytes(BODY)));
        assertThat(bearer.getMessage()).doesNotContain(longSecret);
        assertThat(v.toString()).doesNotContain(longSecret);
    }

    static Stream<Arguments> seeds() {
        long base = Long.getLong("callback.seed", System.nanoTime());
        return IntStream.range(0, 60).mapToObj(i -> Arguments.of(base + i));
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void property_randomUrlsAndBodiesVerifyAndSingleByteMutationsFail(long seed) {
        Random rnd = new Random(seed);
        ChecksumAlgorithm algorithm = ChecksumAlgorithm.values()[rnd.nextInt(4)];
        String secret = RandomStrings.unicode(rnd, 1 + rnd.nextInt(40));
        StringBuilder url = new StringBuilder("https://portal-" + rnd.nextInt(1000) + ".example.org/hook/" + rnd.nextInt(99));
        if (rnd.nextBoolean()) {
            url.append("?tenant=").append(URLEncoder.encode(RandomStrings.unicode(rnd, 1 + rnd.nextInt(10)), StandardCharsets.UTF_8));
        }
        String registered = url.toString();
        String event = "[{\"data\":{\"type\":\"event\",\"id\":\"user-joined\",\"attributes\":{\"user\":{\"name\":"
                + RandomStrings.json(RandomStrings.unicode(rnd, rnd.nextInt(30))) + "}}}}]";
        String body = "domain=bbb.example.org&event=" + URLEncoder.encode(event, StandardCharsets.UTF_8) + "&timestamp=" + rnd.nextInt(Integer.MAX_VALUE);
        String checksum = hexDigest(algorithm.jcaName(), (registered + body + secret).getBytes(StandardCharsets.UTF_8));
        String requestUrl = registered + (registered.contains("?") ? "&" : "?") + "checksum=" + checksum;
        WebhookVerifier v = WebhookVerifier.builder().callbackUrls(registered).secrets(secret).build();

        assertThat(v.verify(requestUrl, bytes(body)).events()).as("seed %d", seed).hasSize(1);

        byte[] mutatedBody = bytes(body);
        int pos = rnd.nextInt(mutatedBody.length);
        mutatedBody[pos] = (byte) (mutatedBody[pos] ^ (1 + rnd.nextInt(255)));
        assertThatThrownBy(() -> v.verify(requestUrl, mutatedBody)).as("seed %d, body byte %d", seed, pos)
                .isInstanceOf(CallbackVerificationException.class);

        char[] urlChars = requestUrl.toCharArray();
        int upos = rnd.nextInt(urlChars.length);
        // A digit for a letter: a case change only (%c3 for %C3) would still address the same URL.
        urlChars[upos] = urlChars[upos] == '7' ? '8' : '7';
        String mutatedUrl = new String(urlChars);
        assertThatThrownBy(() -> v.verify(mutatedUrl, bytes(body))).as("seed %d, url char %d", seed, upos)
                .isInstanceOf(CallbackVerificationException.class);
    }
}
