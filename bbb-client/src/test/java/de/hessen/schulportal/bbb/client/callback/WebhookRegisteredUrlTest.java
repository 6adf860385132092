// SPDX-License-Identifier: Apache-2.0
package de.hessen.schulportal.bbb.client.callback;

import static de.hessen.schulportal.bbb.client.callback.IndependentCrypto.hexDigest;
import static de.hessen.schulportal.bbb.client.callback.WebhookVerifierTest.BODY;
import static de.hessen.schulportal.bbb.client.callback.WebhookVerifierTest.reasonOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.hessen.schulportal.bbb.client.callback.CallbackVerificationException.Reason;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/**
 * A delivery is judged against the callback URL the receiver registered (REFERENCE "Additions":
 * bbb-webhooks signs the registered string, then its HTTP client percent-encodes the URL it calls).
 */
class WebhookRegisteredUrlTest {
    static final String SECRET = "secret";
    static final String HOOK = "https://portal.example.org/hook";

    static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    static String signedUrl(String registered, String sentTo, String body) {
        return sentTo + (sentTo.indexOf('?') < 0 ? "?" : "&") + "checksum=" + hexDigest("SHA-256", registered + body + SECRET);
    }

    @Test
    void verify_whenSchoolsAreToldApartByPath_eachDeliveryNamesItsOwnUrl() {
        String school1 = HOOK + "/schule-1";
        String school12 = HOOK + "/schule-12";
        WebhookVerifier v = WebhookVerifier.builder().secrets(SECRET).callbackUrls(school1, school12).build();
        assertThat(v.verify(signedUrl(school12, school12, BODY), BODY).callbackUrl()).contains(school12);
        assertThat(v.verify(signedUrl(school1, school1, BODY), BODY).callbackUrl()).contains(school1);
        // school 12's delivery replayed to school 1, as it is and shifted by one character:
        assertThat(reasonOf(() -> v.verify(signedUrl(school12, school1, BODY), BODY))).isEqualTo(Reason.BAD_SIGNATURE);
        String shifted = "https://portal.example.org/hook/schule-1?checksum=" + hexDigest("SHA-256", school12 + "?" + BODY + SECRET);
        assertThat(reasonOf(() -> v.verify(shifted, "2" + BODY))).isEqualTo(Reason.MALFORMED);
    }

    @Test
    void verify_whenSchoolsAreToldApartByQuery_aShiftedDeliveryIsRefused() {
        String a = HOOK + "?school=1";
        String b = HOOK + "?school=12";
        WebhookVerifier v = WebhookVerifier.builder().secrets(SECRET).callbackUrls(a, b).build();
        String checksumForB = hexDigest("SHA-256", b + BODY + SECRET);
        assertThat(reasonOf(() -> v.verify(a + "&checksum=" + checksumForB, "2" + BODY))).isEqualTo(Reason.MALFORMED);
        assertThat(reasonOf(() -> v.verifyChecksum(a, checksumForB, bytes("2" + BODY)))).isEqualTo(Reason.MALFORMED);
        assertThat(reasonOf(() -> v.verify(a + "&checksum=" + checksumForB, BODY))).isEqualTo(Reason.BAD_SIGNATURE);
        assertThat(v.verify(b + "&checksum=" + checksumForB, BODY).callbackUrl()).contains(b);
    }

    @Test
    void verify_whenCallbackUrlIsNonAscii_verifiesTheEncodedRequestAgainstTheRegisteredString() {
        String registered = "https://schüle.example/hook/Straße?name=Schule Ä";
        String asSent = "https://xn--schle-mva.example/hook/Stra%C3%9Fe?name=Schule%20%C3%84";
        WebhookVerifier v = WebhookVerifier.builder().secrets(SECRET).callbackUrls(registered).build();
        WebhookDelivery d = v.verify(signedUrl(registered, asSent, BODY), BODY);
        assertThat(d.callbackUrl()).contains(registered);
        assertThat(d.events()).hasSize(1);
        // A checksum over the encoded form (what a receiver that trusts its request URL computes) does not verify.
        assertThat(reasonOf(() -> v.verify(signedUrl(asSent, asSent, BODY), BODY))).isEqualTo(Reason.BAD_SIGNATURE);
    }

    @Test
    void verify_whenRequestUrlDiffersOnlyInCaseOfSchemeAndHostOrDefaultPort_addressesTheRegisteredUrl() {
        WebhookVerifier v = WebhookVerifier.builder().secrets(SECRET).callbackUrls(HOOK + "?t=%c3%a4").build();
        assertThat(v.verify(signedUrl(HOOK + "?t=%c3%a4", "HTTPS://Portal.Example.org:443/hook?t=%C3%A4", BODY), BODY).callbackUrl())
                .contains(HOOK + "?t=%c3%a4");
        assertThat(reasonOf(() -> v.verify(signedUrl(HOOK + "?t=%c3%a4", "https://portal.example.org:8443/hook?t=%C3%A4", BODY), BODY)))
                .isEqualTo(Reason.UNREGISTERED_URL);
        assertThat(reasonOf(() -> v.verify(signedUrl(HOOK + "?t=%c3%a4", HOOK + "%2F?t=%C3%A4", BODY), BODY)))
                .as("an escaped slash is another path").isEqualTo(Reason.UNREGISTERED_URL);
    }

    @Test
    void verifyChecksum_whenUrlIsNotConfigured_isUnregistered() {
        WebhookVerifier v = WebhookVerifier.builder().secrets(SECRET).callbackUrls(HOOK).build();
        String checksum = hexDigest("SHA-256", HOOK + "/other" + BODY + SECRET);
        assertThat(reasonOf(() -> v.verifyChecksum(HOOK + "/other", checksum, bytes(BODY)))).isEqualTo(Reason.UNREGISTERED_URL);
        assertThat(reasonOf(() -> v.verify(HOOK + "/other?checksum=" + checksum, BODY))).isEqualTo(Reason.UNREGISTERED_URL);
    }

    @Test
    void verify_whenBodyIsNotTheDeliveryForm_isMalformed() {
        WebhookVerifier v = WebhookVerifier.builder().secrets(SECRET).callbackUrls(HOOK).build();
        for (String body : new String[] {"event=%5B%5D&domain=d&timestamp=1", "domain=d&event=%5B%5D", "domain=d&event=&timestamp=1",
                "domain=d&event=%5B%5D&timestamp=1&x=2", "domain=a=b&event=%5B%5D&timestamp=1", "domain=d&event=[]&timestamp=1",
                "domain=d&event=%5B%5D&timestamp=-1", "domain=d&event=%5B%5&timestamp=1"}) {
            assertThat(reasonOf(() -> v.verify(signedUrl(HOOK, HOOK, body), body))).as(body).isEqualTo(Reason.MALFORMED);
            assertThat(reasonOf(() -> v.verifyBearer("Bearer " + SECRET, bytes(body)))).as(body).isEqualTo(Reason.MALFORMED);
        }
    }

    @Test
    void verify_withMaxAge_refusesOldAndFutureDeliveries() {
        Instant sent = Instant.ofEpochMilli(1700000000123L);
        WebhookVerifier.Builder b = WebhookVerifier.builder().secrets(SECRET).callbackUrls(HOOK).maxAge(Duration.ofMinutes(10))
                .leeway(Duration.ofSeconds(5));
        String url = signedUrl(HOOK, HOOK, BODY);
        assertThat(b.clock(Clock.fixed(sent.plusSeconds(600), ZoneOffset.UTC)).build().verify(url, BODY).events()).hasSize(1);
        assertThat(reasonOf(() -> b.clock(Clock.fixed(sent.plusSeconds(606), ZoneOffset.UTC)).build().verify(url, BODY)))
                .isEqualTo(Reason.EXPIRED);
        assertThat(reasonOf(() -> b.clock(Clock.fixed(sent.minusSeconds(6), ZoneOffset.UTC)).build().verify(url, BODY)))
                .isEqualTo(Reason.NOT_YET_VALID);
    }

    @Test
    void builder_refusesBadCallbackUrlsAndMissingOnes() {
        assertThatThrownBy(() -> WebhookVerifier.builder().secrets(SECRET).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("callbackUrls");
        assertThatThrownBy(() -> WebhookVerifier.builder().callbackUrls("ftp://x/y"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("callbackUrls");
        assertThatThrownBy(() -> WebhookVerifier.builder().callbackUrls(HOOK + "#frag"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("fragment");
        assertThatThrownBy(() -> WebhookVerifier.builder().callbackUrls((String) null))
                .isInstanceOf(NullPointerException.class).hasMessage("callbackUrls");
        assertThatThrownBy(() -> WebhookVerifier.builder().callbackUrls(HOOK).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("secrets");
        assertThatThrownBy(() -> WebhookVerifier.builder().maxAge(Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
    }
}
