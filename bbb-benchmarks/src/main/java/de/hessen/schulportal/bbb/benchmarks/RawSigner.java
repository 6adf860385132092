// SPDX-License-Identifier: Apache-2.0
package de.hessen.schulportal.bbb.benchmarks;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The raw floor: what signing a BigBlueButton URL costs with nothing but the JDK's
 * {@link URLEncoder} and {@link MessageDigest}, no validation, no SDK code. Also used by the
 * harnesses to sign the few calls the public client API does not expose as URLs.
 */
public final class RawSigner {
    private static final HexFormat HEX = HexFormat.of();

    private RawSigner() {
    }

    /**
     * Signs one call the plain JDK way: values form-encoded (names are ASCII constants), one
     * {@code MessageDigest.getInstance} per call (a digest is not thread-safe), lowercase hex.
     *
     * @param apiBase the API base ending in {@code /api/}
     * @param call the call name
     * @param names the parameter names
     * @param values the parameter values
     * @param secret the shared secret
     * @param jcaName {@code SHA-1} or {@code SHA-256}
     * @return the signed URL
     */
    public static String sign(String apiBase, String call, String[] names, String[] values, String secret, String jcaName) {
        StringBuilder q = new StringBuilder(256);
        for (int i = 0; i < names.length; i++) {
            if (i > 0) {
                q.append('&');
            }
            q.append(names[i]).append('=').append(URLEncoder.encode(values[i], StandardCharsets.UTF_8));
        }
        String query = q.toString();
        MessageDigest md;
        try {
            md = MessageDigest.getInstance(jcaName);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        md.update((call + query + secret).getBytes(StandardCharsets.UTF_8));
        String checksum = HEX.formatHex(md.digest());
        return apiBase + call + "?" + (query.isEmpty() ? "checksum=" + checksum : query + "&checksum=" + checksum);
    }
}
