// SPDX-License-Identifier: Apache-2.0
package de.hessen.schulportal.bbb.gateway.internal;

import static org.assertj.core.api.Assertions.assertThat;

import de.hessen.schulportal.bbb.client.callback.JwtAlgorithm;
import de.hessen.schulportal.bbb.client.callback.RecordingReady;
import de.hessen.schulportal.bbb.client.callback.RecordingReadyVerifier;
import de.hessen.schulportal.bbb.client.callback.AnalyticsCallbackVerifier;
import java.util.Arrays;
import java.util.Base64;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** Sealed callback tokens and the gateway's own JWT signer. */
class CallbackTokensTest {
    static final byte[] KEY = new byte[32];

    static {
        Arrays.fill(KEY, (byte) 7);
        KEY[0] = 1;
    }

    @Test
    void sealedUrl_opensOnlyForItsPurpose_andHidesTheUrl() {
        CallbackTokens tokens = new CallbackTokens(KEY);
        String url = "https://moodle.schule.de/mod/bigbluebuttonbn/bbb_broker.php?action=recording_ready&bigbluebuttonbn=12";
        String token = tokens.seal(CallbackTokens.Purpose.RECORDING_READY, "moodle", url);
        assertThat(token).doesNotContain("moodle").matches("[A-Za-z0-9_-]+");
        assertThat(new String(Base64.getUrlDecoder().decode(token), java.nio.charset.StandardCharsets.ISO_8859_1)).doesNotContain("schule");
        CallbackTokens.Sealed opened = tokens.open(CallbackTokens.Purpose.RECORDING_READY, token).orElseThrow();
        assertThat(opened.tenantId()).isEqualTo("moodle");
        assertThat(opened.url()).isEqualTo(url);
        assertThat(tokens.open(CallbackTokens.Purpose.ANALYTICS, token)).isEmpty();
        assertThat(tokens.open(CallbackTokens.Purpose.LOGOUT, token)).isEmpty();
        byte[] other = KEY.clone();
        other[5] ^= 1;
        assertThat(new CallbackTokens(other).open(CallbackTokens.Purpose.RECORDING_READY, token)).isEmpty();
        assertThat(tokens.seal(CallbackTokens.Purpose.RECORDING_READY, "moodle", url)).as("random nonce").isNotEqualTo(token);
    }

    @ParameterizedTest
    @ValueSource(longs = {1L, 42L, 20261201L})
    void damagedTokens_neverOpen(long seed) {
        CallbackTokens tokens = new CallbackTokens(KEY);
        Random random = new Random(seed);
        String token = tokens.seal(CallbackTokens.Purpose.LOGOUT, "t", "https://example.org/logout");
        for (int i = 0; i < 200; i++) {
            char[] c = token.toCharArray();
            int pos = random.nextInt(c.length);
            char replacement = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_".charAt(random.nextInt(64));
            if (c[pos] == replacement) {
                continue;
            }
            c[pos] = replacement;
            assertThat(tokens.open(CallbackTokens.Purpose.LOGOUT, new String(c))).as("seed %d, step %d", seed, i).isEmpty();
        }
        // Another spelling of the same bytes (an unused low bit of the last character) is refused too.
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
        assertThat(Base64.getUrlDecoder().decode(token).length % 3).isEqualTo(2);
        char last = token.charAt(token.length() - 1);
        String respelled = token.substring(0, token.length() - 1) + alphabet.charAt(alphabet.indexOf(last) ^ 1);
        assertThat(Base64.getUrlDecoder().decode(respelled)).isEqualTo(Base64.getUrlDecoder().decode(token));
        assertThat(tokens.open(CallbackTokens.Purpose.LOGOUT, respelled)).isEmpty();
        assertThat(tokens.open(CallbackTokens.Purpose.LOGOUT, "")).isEmpty();
        assertThat(tokens.open(CallbackTokens.Purpose.LOGOUT, "!!")).isEmpty();
        assertThat(tokens.open(CallbackTokens.Purpose.LOGOUT, "A".repeat(CallbackTokens.MAX_TOKEN_LENGTH + 1))).isEmpty();
    }

    @Test
    void jwtSigner_isAcceptedByTheClientsVerifiers() {
        String secret = "moodle-secret-for-jwt-0123456789";
        String recording = JwtSigner.sign("HS256", "{\"meeting_id\":\"m-1\",\"record_id\":\"r-1\"}", secret);
        RecordingReady ready = RecordingReadyVerifier.builder().secrets(secret).build().verifyToken(recording);
        assertThat(ready.meetingId()).isEqualTo("m-1");
        assertThat(ready.recordId()).isEqualTo("r-1");
        assertThat(ready.algorithm()).isEqualTo(JwtAlgorithm.HS256);
        long exp = java.time.Instant.now().plusSeconds(3600).getEpochSecond();
        String analytics = JwtSigner.sign("HS512", "{\"exp\":" + exp + "}", secret);
        assertThat(AnalyticsCallbackVerifier.builder().secrets(secret).build().verify("Bearer " + analytics, "{}").algorithm())
                .isEqualTo(JwtAlgorithm.HS512);
    }
}
