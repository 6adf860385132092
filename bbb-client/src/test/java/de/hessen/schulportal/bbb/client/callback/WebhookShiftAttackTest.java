// SPDX-License-Identifier: Apache-2.0
package de.hessen.schulportal.bbb.client.callback;

import static de.hessen.schulportal.bbb.client.callback.IndependentCrypto.hexDigest;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * bbb-webhooks signs {@code registeredUrl + body + secret} with nothing between the parts
 * (REFERENCE §8.3), so a checksum made for school "12" also covers the string school "1" + "2" + body.
 * Written against the old API first: the old verifier accepted the shifted pair.
 */
class WebhookShiftAttackTest {
    static final String SECRET = "secret";
    static final String SCHOOL_12 = "https://portal.example.org/hook?school=12";
    static final String SCHOOL_1 = "https://portal.example.org/hook?school=1";

    @Test
    void verify_whenPartOfTheUrlIsShiftedIntoTheBody_isRejected() {
        String body = WebhookVerifierTest.BODY;
        String checksum = hexDigest("SHA-1", SCHOOL_12 + body + SECRET);
        WebhookVerifier verifier = WebhookVerifier.builder().secrets(SECRET).callbackUrls(SCHOOL_1, SCHOOL_12).build();
        String shiftedUrl = SCHOOL_1 + "&checksum=" + checksum;
        byte[] shiftedBody = ("2" + body).getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> verifier.verify(shiftedUrl, shiftedBody)).isInstanceOf(CallbackVerificationException.class);
    }
}
