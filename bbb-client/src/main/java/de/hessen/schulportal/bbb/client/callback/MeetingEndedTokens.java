// SPDX-License-Identifier: Apache-2.0
package de.hessen.schulportal.bbb.client.callback;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * The token format shared by {@link MeetingEndedCallbackSigner} and
 * {@link MeetingEndedCallbackVerifier}: {@code v1.<iat>.<exp>.<mac>}, where iat and exp are epoch
 * seconds (exp 0 = none) and mac is base64url(HMAC-SHA256(key, domain + iat + exp + meetingId)).
 * The meeting ID goes last, after fixed-format digits, so the MACed string is unambiguous; the
 * URL itself is not MACed because BigBlueButton rebuilds it when appending its parameters.
 */
final class MeetingEndedTokens {
    static final String VERSION = "v1";
    static final int MIN_KEY_BYTES = 32;
    private static final String DOMAIN = "de.hessen.schulportal.bbb/meeting-ended/v1\n";

    private MeetingEndedTokens() {
    }

    static String mac(byte[] key, long iat, long exp, String meetingId) {
        String input = DOMAIN + iat + "\n" + exp + "\n" + meetingId;
        byte[] mac = CallbackSupport.hmac("HmacSHA256", key, input.getBytes(StandardCharsets.UTF_8));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(mac);
    }

    static String token(byte[] key, long iat, long exp, String meetingId) {
        return VERSION + "." + iat + "." + exp + "." + mac(key, iat, exp, meetingId);
    }

    static byte[] checkKey(byte[] key, String what) {
        if (key == null || key.length < MIN_KEY_BYTES) {
            throw new IllegalArgumentException(what + ": a key of at least " + MIN_KEY_BYTES
                    + " random bytes is required (use a dedicated key, not the BigBlueButton secret)");
        }
        return key.clone();
    }
}
