// SPDX-License-Identifier: Apache-2.0
package de.hessen.schulportal.bbb.spring;

import de.hessen.schulportal.bbb.client.BbbClient;

/**
 * Adjusts the builder of every client the starter creates (the shared one and each tenant's)
 * before it is built, for settings without a property: user agent, hooks checksum algorithm,
 * backoff, response size. Customizers run in {@code @Order}; the properties are applied first.
 */
@FunctionalInterface
public interface BbbClientCustomizer {
    /**
     * Adjusts a builder.
     *
     * @param builder the builder, with the properties already applied
     */
    void customize(BbbClient.Builder builder);
}
