// SPDX-License-Identifier: Apache-2.0
package de.hessen.schulportal.bbb.spring;

import de.hessen.schulportal.bbb.client.BbbClient;
import de.hessen.schulportal.bbb.client.ChecksumAlgorithm;
import de.hessen.schulportal.bbb.client.event.BbbEventListener;
import java.util.List;

/**
 * Builds the starter's clients from properties and turns the client builder's refusals into
 * {@link BbbConfigurationException}s that name the property. Never puts a value into a message.
 */
final class BbbClientFactory {
    private final BbbProperties properties;
    private final BbbEventListener listener;
    private final List<BbbClientCustomizer> customizers;

    BbbClientFactory(BbbProperties properties, BbbEventListener listener, List<BbbClientCustomizer> customizers) {
        this.properties = properties;
        this.listener = listener;
        this.customizers = List.copyOf(customizers);
    }

    /**
     * Builds a client.
     *
     * @param prefix the property prefix the values came from: {@code bbb} or {@code bbb.tenants.<id>}
     * @param url the base URL
     * @param secret the secret
     * @param algorithm the checksum algorithm, or {@code null} for the shared one
     * @return the client; the caller closes it
     */
    BbbClient build(String prefix, String url, String secret, ChecksumAlgorithm algorithm) {
        if (url == null || url.isBlank()) {
            throw new BbbConfigurationException(prefix + ".url", "is required",
                    "Set " + prefix + ".url to the server's base URL, e.g. https://bbb.example.org/bigbluebutton/.");
        }
        if (secret == null || secret.isBlank()) {
            throw new BbbConfigurationException(prefix + ".secret", "is required",
                    "Set " + prefix + ".secret to the server's shared secret (bbb-conf --secret), e.g. from an environment variable.");
        }
        ChecksumAlgorithm checksumAlgorithm = algorithm != null ? algorithm : sharedAlgorithm();
        try {
            // The client checks the URL and the secret as they are set, so they are set inside the try.
            BbbClient.Builder builder = BbbClient.builder()
                    .baseUrl(url)
                    .secret(secret)
                    .checksumAlgorithm(checksumAlgorithm)
                    .eventListener(listener);
            apply("bbb.connect-timeout", () -> builder.connectTimeout(properties.getConnectTimeout()));
            apply("bbb.request-timeout", () -> builder.requestTimeout(properties.getRequestTimeout()));
            apply("bbb.max-retries", () -> builder.maxRetries(properties.getMaxRetries()));
            customizers.forEach(c -> c.customize(builder));
            return builder.build();
        } catch (IllegalArgumentException e) {
            String message = String.valueOf(e.getMessage());
            if (message.startsWith("secret")) {
                // The builder's own words name the rule, never the secret.
                throw new BbbConfigurationException(prefix + ".secret", message.substring("secret".length()).strip(),
                        "Copy the secret again without surrounding whitespace or line breaks.");
            }
            if (message.startsWith("baseUrl")) {
                throw new BbbConfigurationException(prefix + ".url", message.substring("baseUrl".length()).strip(),
                        "Set " + prefix + ".url to the server's base URL, e.g. https://bbb.example.org/bigbluebutton/.");
            }
            throw new BbbConfigurationException(prefix, "is refused by the client: " + message,
                    "Check the " + prefix + ".* properties and the BbbClientCustomizer beans.");
        }
    }

    private ChecksumAlgorithm sharedAlgorithm() {
        if (properties.getChecksumAlgorithm() == null) {
            throw new BbbConfigurationException("bbb.checksum-algorithm", "must not be empty",
                    "Set one of SHA1, SHA256, SHA384, SHA512, or remove the property for SHA256.");
        }
        return properties.getChecksumAlgorithm();
    }

    private static void apply(String property, Runnable setter) {
        try {
            setter.run();
        } catch (IllegalArgumentException e) {
            // These settings hold no secret, so the builder's rule (which may show the value) can be shown.
            throw new BbbConfigurationException(property, "is invalid: " + e.getMessage(),
                    "Fix " + property + " or remove it to use the default.");
        }
    }
}
