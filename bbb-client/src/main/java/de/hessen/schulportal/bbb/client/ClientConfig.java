// SPDX-License-Identifier: Apache-2.0
package de.hessen.schulportal.bbb.client;

import de.hessen.schulportal.bbb.client.internal.Validation;
import de.hessen.schulportal.bbb.client.internal.Redactor;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;

/**
 * The settled configuration of one client.
 *
 * @param apiBase the API base URL, ending in {@code /api/}
 * @param secret the shared secret
 * @param algorithm the checksum algorithm for API calls
 * @param hooksAlgorithm the checksum algorithm for {@code hooks/*} calls
 * @param connectTimeout the connect timeout
 * @param requestTimeout the time one attempt may take, body and parsing included
 * @param maxResponseBytes the largest body accepted
 */
record ClientConfig(String apiBase, String secret, ChecksumAlgorithm algorithm, ChecksumAlgorithm hooksAlgorithm,
        Duration connectTimeout, Duration requestTimeout, long maxResponseBytes) {

    /** Leaves the secret out. */
    @Override
    public String toString() {
        return "ClientConfig{apiBase=" + apiBase + ", secret=" + Redactor.MASK + ", algorithm=" + algorithm + ", hooksAlgorithm="
                + hooksAlgorithm + ", connectTimeout=" + connectTimeout + ", requestTimeout=" + requestTimeout
                + ", maxResponseBytes=" + maxResponseBytes + '}';
    }

    /**
     * Normalises a base URL: accepts {@code …/bigbluebutton}, {@code …/bigbluebutton/},
     * {@code …/bigbluebutton/api} and {@code …/api/}, and returns the API base ending in {@code /api/}.
     * Messages never repeat the URL: it might carry credentials.
     *
     * @param baseUrl the configured URL
     * @return the API base
     * @throws NullPointerException if {@code baseUrl} is {@code null}
     * @throws IllegalArgumentException if it is not an absolute http(s) URL, has user info, a query
     *     or a fragment
     */
    static String apiBase(String baseUrl) {
        Validation.text("baseUrl", baseUrl);
        String url = baseUrl.strip();
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("baseUrl must be a valid absolute http(s) URL (" + e.getReason()
                    + " at index " + e.getIndex() + ")");
        }
        String scheme = uri.getScheme();
        if (uri.getRawUserInfo() != null || (uri.getRawAuthority() != null && uri.getRawAuthority().contains("@"))) {
            throw new IllegalArgumentException("baseUrl must not contain user info (user:password@): BigBlueButton"
                    + " authenticates with the shared secret; set it with secret(...)");
        }
        if (scheme == null || !(scheme.equals("https") || scheme.equals("http")) || uri.getHost() == null) {
            throw new IllegalArgumentException("baseUrl must be an absolute http or https URL such as"
                    + " https://bbb.example.org/bigbluebutton/");
        }
        if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
            throw new IllegalArgumentException("baseUrl must not have a query or fragment");
        }
        while (url.endsWith("/")) {
            url = url.substring(0, url.length() - 1);
        }
        // concat, not +: the first string concatenation of a JVM spins up invokedynamic (cold start).
        if (!url.endsWith("/api")) {
            url = url.concat("/api");
        }
        return url.concat("/");
    }
}
