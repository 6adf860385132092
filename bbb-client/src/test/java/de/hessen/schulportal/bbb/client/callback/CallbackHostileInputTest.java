// SPDX-License-Identifier: Apache-2.0
package de.hessen.schulportal.bbb.client.callback;

import static de.hessen.schulportal.bbb.client.callback.IndependentCrypto.b64;
import static de.hessen.schulportal.bbb.client.callback.IndependentCrypto.hs512;
import static de.hessen.schulportal.bbb.client.callback.IndependentCrypto.jwt;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import de.hessen.schulportal.bbb.client.callback.CallbackVerificationException.Reason;
import de.hessen.schulportal.bbb.testsupport.Secrets;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The callback attacks of the reliability issue that the per-verifier tests did not cover yet:
 * {@code alg=none}, algorithm confusion, truncated and oversized tokens for the analytics callback;
 * replayed meeting-ended URLs with another or an altered token; and a structural proof that every
 * signature comparison is constant-time ({@code MessageDigest.isEqual}). See the README's "Reliability and security" for
 * the mapping of every listed attack to its test.
 */
class CallbackHostileInputTest {
    static final String SECRET = Secrets.forbid("analytics-secret-0123456789abcdef");
    static final Instant NOW = Instant.ofEpochSecond(1_700_000_000);
    static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    static final String CLAIMS = "{\"meeting_id\":\"klasse-7b\",\"exp\":" + (NOW.getEpochSecond() + 600) + "}";
    static final byte[] BODY = "{\"meeting_id\":\"klasse-7b\",\"data\":{}}".getBytes(StandardCharsets.UTF_8);

    final AnalyticsCallbackVerifier analytics = AnalyticsCallbackVerifier.builder().secrets(SECRET).clock(CLOCK).build();

    private static Reason rejected(String call, Runnable r) {
        long start = System.nanoTime();
        CallbackVerificationException e = catchThrowableOfType(CallbackVerificationException.class, r::run);
        // Generous: proves "not stalled on hostile input" without depending on the machine's load.
        assertThat(Duration.ofNanos(System.nanoTime() - start)).as("rejection time").isLessThan(Duration.ofSeconds(5));
        assertThat(e).as("rejected").isNotNull();
        assertThat(e.call()).isEqualTo(call);
        Secrets.assertNoLeak("message", e.getMessage());
        Secrets.assertNoLeak("toString", e.toString());
        return e.reason();
    }

    private Reason analyticsRejects(String token) {
        return rejected("analytics", () -> analytics.verify("Bearer " + token, BODY));
    }

    @Test
    void analytics_algNone_isRejected() {
        for (String header : List.of("{\"alg\":\"none\",\"typ\":\"JWT\"}", "{\"alg\":\"NONE\"}", "{\"alg\":\"None\"}",
                "{\"typ\":\"JWT\"}", "{\"alg\":\"\"}", "{\"alg\":null}")) {
            String unsigned = b64(header) + "." + b64(CLAIMS) + ".";
            assertThat(analyticsRejects(unsigned)).as(header).isIn(Reason.UNSUPPORTED_ALGORITHM, Reason.MALFORMED);
            String withForgedSignature = b64(header) + "." + b64(CLAIMS) + "." + b64("x");
            assertThat(analyticsRejects(withForgedSignature)).as(header).isIn(Reason.UNSUPPORTED_ALGORITHM, Reason.MALFORMED);
        }
    }

    @Test
    void analytics_algorithmConfusion_isRejected() {
        // Header claims HS512 but the MAC is HS256 (or the other way round): the header never picks the check.
        assertThat(analyticsRejects(jwt("{\"alg\":\"HS512\"}", CLAIMS, "HmacSHA256", SECRET))).isEqualTo(Reason.BAD_SIGNATURE);
        assertThat(analyticsRejects(jwt("{\"alg\":\"HS256\"}", CLAIMS, "HmacSHA512", SECRET)))
                .isIn(Reason.UNSUPPORTED_ALGORITHM, Reason.BAD_SIGNATURE);
        // Classic RS/HS confusion: an asymmetric algorithm with the shared secret used as the HMAC key.
        for (String alg : List.of("RS256", "ES256", "PS512", "EdDSA", "HS1", "hs512")) {
            assertThat(analyticsRejects(jwt("{\"alg\":\"" + alg + "\"}", CLAIMS, "HmacSHA512", SECRET))).as(alg)
                    .isIn(Reason.UNSUPPORTED_ALGORITHM, Reason.MALFORMED);
        }
    }

    @Test
    void analytics_truncatedTokens_areRejected() {
        String token = hs512(CLAIMS, SECRET);
        assertThat(analytics.verify("Bearer " + token, BODY).meetingId()).contains("klasse-7b");
        String[] parts = token.split("\\.");
        for (String broken : List.of(token.substring(0, token.length() - 1), token.substring(0, token.length() - 10),
                parts[0] + "." + parts[1], parts[0] + "." + parts[1] + ".", parts[0], "", ".", "..", "...",
                token.substring(0, token.lastIndexOf('.') - 3) + token.substring(token.lastIndexOf('.')))) {
            assertThat(analyticsRejects(broken)).as(broken.length() + " chars").isNotNull();
        }
    }

    @Test
    void analytics_oversizedToken_isRejectedBeforeParsing() {
        String huge = hs512("{\"meeting_id\":\"klasse-7b\",\"pad\":\"" + "A".repeat(2_000_000) + "\"}", SECRET);
        assertThat(analyticsRejects(huge)).isEqualTo(Reason.TOO_LARGE);
        String deep = hs512("[".repeat(100_000) + "]".repeat(100_000), SECRET);
        assertThat(analyticsRejects(deep)).isIn(Reason.TOO_LARGE, Reason.MALFORMED);
    }

    @Test
    void analytics_expiredToken_isRejectedOutsideTheLeeway() {
        String expired = hs512("{\"meeting_id\":\"klasse-7b\",\"exp\":" + (NOW.getEpochSecond() - 3_600) + "}", SECRET);
        assertThat(analyticsRejects(expired)).isEqualTo(Reason.EXPIRED);
    }

    @Test
    void meetingEnded_replayedWithAnotherOrAlteredToken_isRejected() {
        byte[] key = "0123456789abcdef0123456789abcdef-portal-key".getBytes(StandardCharsets.US_ASCII);
        MeetingEndedCallbackSigner signer = MeetingEndedCallbackSigner.builder().key(key).clock(CLOCK)
                .validity(Duration.ofDays(1)).build();
        MeetingEndedCallbackVerifier verifier = MeetingEndedCallbackVerifier.builder().keys(key).clock(CLOCK).build();
        String base = "https://portal.schule.hessen.de/bbb/ended";
        String forA = signer.signMeetingEndedUrl(base, "meeting-a");
        String forB = signer.signMeetingEndedUrl(base, "meeting-b");
        assertThat(verifier.verify(forA).meetingId()).isEqualTo("meeting-a");
        String tokenA = forA.substring(forA.indexOf("cbtoken=") + 8);
        String tokenB = forB.substring(forB.indexOf("cbtoken=") + 8);
        // B's URL replayed with A's token, and A's URL with its token altered in each part.
        String replayed = forB.replace(tokenB, tokenA);
        assertThat(rejected("meetingEnded", () -> verifier.verify(replayed))).isEqualTo(Reason.BAD_SIGNATURE);
        String[] parts = tokenA.split("\\.");
        List<String> altered = List.of(
                parts[0] + "." + (Long.parseLong(parts[1]) + 1) + "." + parts[2] + "." + parts[3],
                parts[0] + "." + parts[1] + "." + (Long.parseLong(parts[2]) + 86_400) + "." + parts[3],
                parts[0] + "." + parts[1] + "." + parts[2] + "." + flipLast(parts[3]),
                parts[0] + "." + parts[1] + "." + parts[2] + "." + parts[3].substring(0, parts[3].length() - 2),
                "v2." + parts[1] + "." + parts[2] + "." + parts[3]);
        for (String token : altered) {
            String url = forA.replace(tokenA, token);
            assertThat(rejected("meetingEnded", () -> verifier.verify(url))).as(token)
                    .isIn(Reason.BAD_SIGNATURE, Reason.MALFORMED);
        }
        // The same, genuine URL after its validity: expired, even though the signature is right.
        MeetingEndedCallbackVerifier later = MeetingEndedCallbackVerifier.builder().keys(key)
                .clock(Clock.fixed(NOW.plus(Duration.ofDays(3)), ZoneOffset.UTC)).build();
        assertThat(rejected("meetingEnded", () -> later.verify(forA))).isEqualTo(Reason.EXPIRED);
    }

    private static String flipLast(String s) {
        char c = s.charAt(s.length() - 1);
        return s.substring(0, s.length() - 1) + (c == 'A' ? 'B' : 'A');
    }

    /**
     * Constant-time comparison, proven structurally: timing tests are flaky on shared CI machines,
     * so instead every comparison of a signature, MAC or checksum in the callback package must go
     * through {@code MessageDigest.isEqual} (in the one key comparison every verifier uses), and no {@code equals}/{@code Arrays.equals} may touch one.
     */
    @Test
    void signatureComparisons_areConstantTime() throws IOException {
        Path dir = Path.of("src/main/java/de/hessen/schulportal/bbb/client/callback");
        Pattern variableComparedWithEquals = Pattern.compile(
                "\\b\\w*(?i:signature|sig|mac|checksum|digest|expected|given|token)\\w*\\s*\\.\\s*equals(?:IgnoreCase)?\\s*\\(");
        int isEqualUses = 0;
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : (Iterable<Path>) files.filter(p -> p.toString().endsWith(".java"))::iterator) {
                String src = Files.readString(f);
                assertThat(src).as(f.getFileName() + " must not compare arrays with Arrays.equals").doesNotContain("Arrays.equals(");
                Matcher m = variableComparedWithEquals.matcher(src);
                assertThat(m.find()).as(f.getFileName() + ": " + (m.hitEnd() ? "" : src.substring(m.start(), Math.min(src.length(), m.end() + 40))))
                        .isFalse();
                Matcher uses = Pattern.compile("MessageDigest\\.isEqual\\(").matcher(src);
                while (uses.find()) {
                    isEqualUses++;
                }
            }
        }
        assertThat(isEqualUses).as("MessageDigest.isEqual in the one key comparison, Settings.anyKeyMatches").isGreaterThanOrEqualTo(1);
        assertThat(Files.readString(dir.resolve("CallbackVerifierBuilder.java"))).contains("MessageDigest.isEqual(expected.apply(key), given)");
        for (String verifier : List.of("Jwt.java", "WebhookVerifier.java", "MeetingEndedCallbackVerifier.java")) {
            assertThat(Files.readString(dir.resolve(verifier))).as(verifier + " compares through Settings.anyKeyMatches or requireSignature")
                    .containsPattern("settings\\.(anyKeyMatches|requireSignature)\\(");
        }
    }
}
