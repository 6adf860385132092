// SPDX-License-Identifier: Apache-2.0
package de.hessen.schulportal.bbb.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.hessen.schulportal.bbb.testkit.CallbackSigner.DigestAlgorithm;
import de.hessen.schulportal.bbb.testkit.CallbackSigner.JwtAlgorithm;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every signature checked against an independent implementation of the formula, written here. */
class CallbackSignerTest {
    private static final String SECRET = "geheimnis-ü";

    /** HMAC over the signing input, appended as base64url: the JWS compact rule (RFC 7515). */
    static String hmacJwt(String jdkMac, String signingInput, String secret) {
        try {
            Mac mac = Mac.getInstance(jdkMac);
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), jdkMac));
            return signingInput + "." + Base64.getUrlEncoder().withoutPadding()
                    .encodeToString(mac.doFinal(signingInput.getBytes(StandardCharsets.US_ASCII)));
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static String part(String jwt, int i) {
        return new String(Base64.getUrlDecoder().decode(jwt.split("\\.")[i]), StandardCharsets.UTF_8);
    }

    @ParameterizedTest
    @CsvSource({"HS256,HmacSHA256", "HS512,HmacSHA512"})
    void recordingReady_claimsAndSignature(JwtAlgorithm alg, String jdkMac) {
        String token = CallbackSigner.recordingReadyToken(alg, SECRET, "klasse \"7b\"", "rec-1");
        assertThat(part(token, 0)).isEqualTo("{\"alg\":\"" + alg + "\",\"typ\":\"JWT\"}");
        assertThat(part(token, 1)).isEqualTo("{\"meeting_id\":\"klasse \\\"7b\\\"\",\"record_id\":\"rec-1\"}");
        assertThat(token).isEqualTo(hmacJwt(jdkMac, token.substring(0, token.lastIndexOf('.')), SECRET));
        assertThat(CallbackSigner.recordingReadyToken(SECRET, "m", "r")).isEqualTo(
                CallbackSigner.recordingReadyToken(JwtAlgorithm.HS256, SECRET, "m", "r"));
    }

    @Test
    void recordingReadyFormBody_isTheFormFieldOfTheToken() {
        String body = CallbackSigner.recordingReadyFormBody(SECRET, "m-1", "r-1");
        assertThat(body).startsWith("signed_parameters=");
        assertThat(URLDecoder.decode(body.substring("signed_parameters=".length()), StandardCharsets.UTF_8))
                .isEqualTo(CallbackSigner.recordingReadyToken(SECRET, "m-1", "r-1"));
    }

    @Test
    void analytics_hs512WithExp_andBearerHeader() {
        Instant exp = Instant.ofEpochSecond(1_800_000_000L, 999);
        String header = CallbackSigner.analyticsAuthorization(SECRET, "m-1", exp);
        assertThat(header).startsWith("Bearer ");
        String token = header.substring(7);
        assertThat(part(token, 0)).isEqualTo("{\"alg\":\"HS512\",\"typ\":\"JWT\"}");
        assertThat(part(token, 1)).isEqualTo("{\"meeting_id\":\"m-1\",\"exp\":1800000000}");
        assertThat(token).isEqualTo(hmacJwt("HmacSHA512", token.substring(0, token.lastIndexOf('.')), SECRET));
    }

    @ParameterizedTest
    @CsvSource({"SHA1,SHA-1", "SHA256,SHA-256", "SHA384,SHA-384", "SHA512,SHA-512"})
    void webhook_checksumOverRegisteredUrlBodyAndSecret(DigestAlgorithm alg, String jdk) {
        String body = CallbackSigner.webhookBody("bbb.example.org", "[{\"data\":{\"id\":\"meeting-ended\"}}]", 1_700_000_000_000L);
        assertThat(body).isEqualTo("domain=bbb.example.org&event=%5B%7B%22data%22%3A%7B%22id%22%3A%22meeting-ended%22%7D%7D%5D"
                + "&timestamp=1700000000000");
        String registered = "https://portal.example.org/hooks/schüle?tenant=a";
        String expected = Api.hash(jdk, registered + body + SECRET);
        assertThat(CallbackSigner.webhookChecksum(registered, body, SECRET, alg)).isEqualTo(expected);
        assertThat(CallbackSigner.webhookUrl(registered, body, SECRET, alg)).isEqualTo(registered + "&checksum=" + expected);
        assertThat(CallbackSigner.webhookUrl("https://p.example/h", body, SECRET, alg)).contains("/h?checksum=");
    }

    @Test
    void badInput_npeNamesTheParameter_emptySecretRefused() {
        assertThatThrownBy(() -> CallbackSigner.recordingReadyToken(null, "m", "r")).isInstanceOf(NullPointerException.class)
                .hasMessage("secret");
        assertThatThrownBy(() -> CallbackSigner.recordingReadyToken(SECRET, null, "r")).hasMessage("meetingId");
        assertThatThrownBy(() -> CallbackSigner.webhookChecksum("u", "b", SECRET, null)).hasMessage("algorithm");
        assertThatThrownBy(() -> CallbackSigner.analyticsToken("", "m", Instant.EPOCH))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("secret");
    }
}
