// SPDX-License-Identifier: Apache-2.0
package de.hessen.schulportal.bbb.gateway.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.hessen.schulportal.bbb.client.callback.AnalyticsCallbackVerifier;
import de.hessen.schulportal.bbb.client.callback.JwtAlgorithm;
import de.hessen.schulportal.bbb.client.callback.RecordingReady;
import de.hessen.schulportal.bbb.client.callback.RecordingReadyVerifier;
import de.hessen.schulportal.bbb.gateway.config.KeyRing;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicReference;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The one sealing format: known answers computed here with plain JCE calls, refusals, rotation. */
class SealerTest {
    static final byte[] KEY = key(7);
    static final byte[] NEW_KEY = key(9);

    static byte[] key(int fill) {
        byte[] k = new byte[32];
        Arrays.fill(k, (byte) fill);
        k[0] = 1;
        return k;
    }

    static Sealer sealer(KeyRing ring) {
        return new Sealer(t -> t.equals("moodle") || t.equals("other") ? ring : null);
    }

    // --- an independent implementation of the documented format, for known answers ---

    static byte[] hmac(byte[] key, byte[] data) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key, "HmacSHA256"));
        return mac.doFinal(data);
    }

    static byte[] lp(String... values) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (String v : values) {
            byte[] b = v.getBytes(StandardCharsets.UTF_8);
            out.writeBytes(ByteBuffer.allocate(4).putInt(b.length).array());
            out.writeBytes(b);
        }
        return out.toByteArray();
    }

    static String expected(byte[] ringKey, String keyId, String tenant, String purpose, String context, String value) throws Exception {
        byte[] enc = hmac(ringKey, ("bbb-gateway/seal/v2/enc/" + tenant + "/" + purpose).getBytes(StandardCharsets.UTF_8));
        byte[] nk = hmac(ringKey, ("bbb-gateway/seal/v2/nonce/" + tenant + "/" + purpose).getBytes(StandardCharsets.UTF_8));
        byte[] nonce = Arrays.copyOf(hmac(nk, lp(tenant, purpose, context, value)), 12);
        Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
        c.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(enc, "AES"), new GCMParameterSpec(128, nonce));
        c.updateAAD(lp(keyId, tenant, purpose, context));
        byte[] ct = c.doFinal(value.getBytes(StandardCharsets.UTF_8));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(keyId.length());
        out.writeBytes(keyId.getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(nonce);
        out.writeBytes(ct);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(out.toByteArray());
    }

    @Test
    void seal_matchesTheDocumentedFormat_computedIndependently() throws Exception {
        KeyRing ring = KeyRing.of("k2", Map.of("k1", KEY, "k2", NEW_KEY));
        Sealer s = sealer(ring);
        assertThat(s.seal(Sealer.Purpose.USER_ID, "moodle", "meeting-1[0]", "1234"))
                .isEqualTo(expected(NEW_KEY, "k2", "moodle", "user-id", "meeting-1[0]", "1234"));
        assertThat(s.seal(Sealer.Purpose.RECORDING_NAME, "moodle", "", "Bruchrechnung – Übung ①"))
                .isEqualTo(expected(NEW_KEY, "k2", "moodle", "recording-name", "", "Bruchrechnung – Übung ①"));
        assertThat(s.pathToken(Sealer.Purpose.SLIDE, "moodle", "https://moodle.example/pluginfile.php/1/x.pdf?token=abc"))
                .isEqualTo("moodle." + expected(NEW_KEY, "k2", "moodle", "slide", "", "https://moodle.example/pluginfile.php/1/x.pdf?token=abc"));
    }

    @Test
    void pseudonyms_areDeterministicPerMeeting_andUnlinkableAcrossMeetingsAndTenants() {
        Sealer s = sealer(KeyRing.single(KEY));
        String a = s.seal(Sealer.Purpose.USER_ID, "moodle", "m1", "1234");
        assertThat(s.seal(Sealer.Purpose.USER_ID, "moodle", "m1", "1234")).isEqualTo(a);
        String b = s.seal(Sealer.Purpose.USER_ID, "moodle", "m2", "1234");
        String c = s.seal(Sealer.Purpose.USER_ID, "other", "m1", "1234");
        // Beyond the key-ID header nothing is shared.
        assertThat(Arrays.copyOfRange(Base64.getUrlDecoder().decode(a), 2, 14))
                .isNotEqualTo(Arrays.copyOfRange(Base64.getUrlDecoder().decode(b), 2, 14))
                .isNotEqualTo(Arrays.copyOfRange(Base64.getUrlDecoder().decode(c), 2, 14));
        assertThat(a.substring(4)).isNotEqualTo(b.substring(4)).isNotEqualTo(c.substring(4));
        assertThat(s.open(Sealer.Purpose.USER_ID, "moodle", "m1", a)).contains("1234");
    }

    @Test
    void open_refusesWrongTenantMeetingPurposeOrKey() {
        Sealer s = sealer(KeyRing.single(KEY));
        String token = s.seal(Sealer.Purpose.USER_ID, "moodle", "m1", "1234");
        assertThat(s.open(Sealer.Purpose.USER_ID, "other", "m1", token)).as("wrong tenant").isEmpty();
        assertThat(s.open(Sealer.Purpose.USER_ID, "unknown", "m1", token)).as("unknown tenant").isEmpty();
        assertThat(s.open(Sealer.Purpose.USER_ID, "moodle", "m2", token)).as("wrong meeting").isEmpty();
        assertThat(s.open(Sealer.Purpose.RECORDING_NAME, "moodle", "m1", token)).as("wrong purpose").isEmpty();
        assertThat(sealer(KeyRing.single(NEW_KEY)).open(Sealer.Purpose.USER_ID, "moodle", "m1", token)).as("other key").isEmpty();
        // A forged token under the right key with a random nonce (not the synthetic one) is refused too.
        assertThat(s.open(Sealer.Purpose.USER_ID, "moodle", "m1", forgedWithRandomNonce())).isEmpty();
        // The key ID is authenticated: relabelling a token as another key of the ring does not open it.
        Sealer two = sealer(KeyRing.of("1", Map.of("1", KEY, "2", KEY)));
        byte[] raw = Base64.getUrlDecoder().decode(token);
        raw[1] = '2';
        assertThat(two.open(Sealer.Purpose.USER_ID, "moodle", "m1", Base64.getUrlEncoder().withoutPadding().encodeToString(raw))).isEmpty();
    }

    static String forgedWithRandomNonce() {
        try {
            byte[] enc = hmac(KEY, "bbb-gateway/seal/v2/enc/moodle/user-id".getBytes(StandardCharsets.UTF_8));
            byte[] nonce = new byte[12];
            new Random(5).nextBytes(nonce);
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(enc, "AES"), new GCMParameterSpec(128, nonce));
            c.updateAAD(lp("1", "moodle", "user-id", "m1"));
            byte[] ct = c.doFinal("1".getBytes(StandardCharsets.UTF_8));
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            out.write(1);
            out.write('1');
            out.writeBytes(nonce);
            out.writeBytes(ct);
            return Base64.getUrlEncoder().withoutPadding().encodeToString(out.toByteArray());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void rotation_oldTokensOpenUntilTheirKeyIsRetired_newOnesUseTheCurrentKey() {
        AtomicReference<KeyRing> ring = new AtomicReference<>(KeyRing.of("a", Map.of("a", KEY)));
        Sealer s = new Sealer(t -> ring.get());
        String old = s.seal(Sealer.Purpose.RECORDING_READY, "moodle", "", "https://moodle.example/broker");
        ring.set(KeyRing.of("b", Map.of("a", KEY, "b", NEW_KEY)));
        assertThat(s.open(Sealer.Purpose.RECORDING_READY, "moodle", "", old)).contains("https://moodle.example/broker");
        String fresh = s.seal(Sealer.Purpose.RECORDING_READY, "moodle", "", "https://moodle.example/broker");
        assertThat(fresh).isNotEqualTo(old);
        assertThat(Base64.getUrlDecoder().decode(fresh)[1]).isEqualTo((byte) 'b');
        ring.set(KeyRing.of("b", Map.of("b", NEW_KEY)));
        assertThat(s.open(Sealer.Purpose.RECORDING_READY, "moodle", "", old)).as("retired key").isEmpty();
        assertThat(s.open(Sealer.Purpose.RECORDING_READY, "moodle", "", fresh)).isPresent();
    }

    /**
     * The sub-keys are cached: a reload that puts another key under the same key ID must seal with
     * the new key (the independent known answer) and never open a token of the old one. Also run on
     * one sealer many times in a row, so a stale cached sub-key or a reused cipher would show.
     */
    @Test
    void reload_withAnotherKeyUnderTheSameId_usesTheNewKey_andRepeatedSealsStayEqual() throws Exception {
        AtomicReference<KeyRing> ring = new AtomicReference<>(KeyRing.of("a", Map.of("a", KEY)));
        Sealer s = new Sealer(t -> ring.get());
        String old = s.seal(Sealer.Purpose.USER_ID, "moodle", "meeting-1", "1042");
        for (int i = 0; i < 3; i++) {
            assertThat(s.seal(Sealer.Purpose.USER_ID, "moodle", "meeting-1", "1042")).as("seal %d", i).isEqualTo(old);
        }
        assertThat(old).isEqualTo(expected(KEY, "a", "moodle", "user-id", "meeting-1", "1042"));
        ring.set(KeyRing.of("a", Map.of("a", NEW_KEY)));
        String fresh = s.seal(Sealer.Purpose.USER_ID, "moodle", "meeting-1", "1042");
        assertThat(fresh).isEqualTo(expected(NEW_KEY, "a", "moodle", "user-id", "meeting-1", "1042"));
        assertThat(s.open(Sealer.Purpose.USER_ID, "moodle", "meeting-1", old)).as("token of the replaced key").isEmpty();
        assertThat(s.open(Sealer.Purpose.USER_ID, "moodle", "meeting-1", fresh)).contains("1042");
    }

    @Test
    void keyRing_rejectsBadInput_andHidesKeys() {
        assertThatThrownBy(() -> KeyRing.of("x", Map.of("a", KEY))).hasMessage("the current key ID 'x' must name one of the keys [a]");
        assertThatThrownBy(() -> KeyRing.of("a", Map.of("a", new byte[16])))
                .hasMessageStartingWith("key a: pseudonym key must be at least 32 bytes");
        assertThatThrownBy(() -> KeyRing.of("a", Map.of("a", new byte[32]))).hasMessage("key a: pseudonym key must be random, not one repeated byte value");
        assertThatThrownBy(() -> KeyRing.of("a b", Map.of("a b", KEY))).hasMessage("the ID of key number 1 must match [A-Za-z0-9_-]{1,16}");
    }

    @Test
    void keyRing_messagesNeverShowAnIdThatBreaksTheRule_itMayBeAKeyPastedInTheWrongPlace() {
        String pasted = Base64.getEncoder().encodeToString(NEW_KEY);
        Map<String, byte[]> keys = new java.util.LinkedHashMap<>();
        keys.put("a", KEY);
        keys.put(pasted, NEW_KEY);
        assertThatThrownBy(() -> KeyRing.of("a", keys)).hasMessage("the ID of key number 2 must match [A-Za-z0-9_-]{1,16}")
                .hasMessageNotContaining(pasted);
        assertThatThrownBy(() -> KeyRing.of(pasted, Map.of("a", KEY))).hasMessage("the current key ID must name one of the keys [a]");
        Map<String, byte[]> shortOne = new java.util.LinkedHashMap<>();
        shortOne.put(pasted.substring(0, 20), new byte[8]);
        assertThatThrownBy(() -> KeyRing.of("a", shortOne)).hasMessageNotContaining(pasted.substring(0, 20));
    }

    @Test
    void keyRing_copiesItsKeys_andHidesThem() {
        Map<String, byte[]> keys = new HashMap<>(Map.of("a", KEY.clone()));
        KeyRing ring = KeyRing.of("a", keys);
        keys.get("a")[3] ^= 1;
        assertThat(ring.key("a").orElseThrow()).as("copied").isEqualTo(KEY);
        assertThat(ring.toString()).contains("a").doesNotContain(Base64.getEncoder().encodeToString(KEY));
    }

    @Test
    void seal_boundsLength_andOpenRefusesOverlongTokens() {
        Sealer s = sealer(KeyRing.single(KEY));
        String max = "x".repeat(Sealer.MAX_VALUE_BYTES);
        assertThat(s.seal(Sealer.Purpose.SLIDE, "moodle", "", max).length()).isLessThanOrEqualTo(Sealer.MAX_TOKEN_LENGTH);
        assertThatThrownBy(() -> s.seal(Sealer.Purpose.SLIDE, "moodle", "", max + "x")).isInstanceOf(IllegalArgumentException.class);
        assertThat(s.open(Sealer.Purpose.SLIDE, "moodle", "", "A".repeat(Sealer.MAX_TOKEN_LENGTH + 1))).isEmpty();
        assertThat(s.openPathToken(Sealer.Purpose.SLIDE, "nodot")).isEmpty();
        assertThat(s.openPathToken(Sealer.Purpose.SLIDE, ".abc")).isEmpty();
    }

    @Test
    void pathToken_hidesTheUrl_andOpensOnlyForItsPurpose() {
        Sealer s = sealer(KeyRing.single(KEY));
        String url = "https://moodle.schule.de/mod/bigbluebuttonbn/bbb_broker.php?action=recording_ready&bigbluebuttonbn=12";
        String token = s.pathToken(Sealer.Purpose.RECORDING_READY, "moodle", url);
        assertThat(token).startsWith("moodle.").matches("[a-z0-9]+\\.[A-Za-z0-9_-]+");
        assertThat(new String(Base64.getUrlDecoder().decode(token.substring(7)), StandardCharsets.ISO_8859_1)).doesNotContain("schule");
        Sealer.Opened opened = s.openPathToken(Sealer.Purpose.RECORDING_READY, token).orElseThrow();
        assertThat(opened.tenantId()).isEqualTo("moodle");
        assertThat(opened.value()).isEqualTo(url);
        assertThat(opened.toString()).doesNotContain("schule");
        assertThat(s.openPathToken(Sealer.Purpose.ANALYTICS, token)).isEmpty();
        assertThat(s.openPathToken(Sealer.Purpose.LOGOUT, token)).isEmpty();
        assertThat(s.openPathToken(Sealer.Purpose.RECORDING_READY, "other" + token.substring(6))).as("wrong tenant").isEmpty();
    }

    @ParameterizedTest
    @ValueSource(longs = {1L, 42L, 20261201L})
    void damagedTokens_neverOpen(long seed) {
        Sealer s = sealer(KeyRing.single(KEY));
        Random random = new Random(seed);
        String token = s.seal(Sealer.Purpose.LOGOUT, "moodle", "", "https://example.org/logout");
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
        for (int i = 0; i < 200; i++) {
            char[] c = token.toCharArray();
            int pos = random.nextInt(c.length);
            char replacement = alphabet.charAt(random.nextInt(64));
            if (c[pos] == replacement) {
                continue;
            }
            c[pos] = replacement;
            assertThat(s.open(Sealer.Purpose.LOGOUT, "moodle", "", new String(c))).as("seed %d, step %d", seed, i).isEmpty();
        }
        // Another spelling of the same bytes (an unused low bit of the last character) is refused too.
        byte[] raw = Base64.getUrlDecoder().decode(token);
        if (raw.length % 3 != 0) {
            char last = token.charAt(token.length() - 1);
            String respelled = token.substring(0, token.length() - 1) + alphabet.charAt(alphabet.indexOf(last) ^ 1);
            assertThat(Base64.getUrlDecoder().decode(respelled)).isEqualTo(raw);
            assertThat(s.open(Sealer.Purpose.LOGOUT, "moodle", "", respelled)).isEmpty();
        }
        assertThat(s.open(Sealer.Purpose.LOGOUT, "moodle", "", "")).isEmpty();
        assertThat(s.open(Sealer.Purpose.LOGOUT, "moodle", "", "!!")).isEmpty();
        assertThat(s.open(Sealer.Purpose.LOGOUT, "moodle", "", "AA")).isEmpty();
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
