// SPDX-License-Identifier: Apache-2.0
package de.hessen.schulportal.bbb.spring;

import org.springframework.boot.autoconfigure.service.connection.ConnectionDetails;

/**
 * Where the shared {@code BbbClient} connects to. By default it comes from {@code bbb.url} and
 * {@code bbb.secret}; the simulator ({@code bbb.testkit.enabled=true}) or the application may
 * provide its own bean instead, which then wins over the properties.
 */
public interface BbbConnectionDetails extends ConnectionDetails {
    /**
     * The base URL of the server.
     *
     * @return the URL
     */
    String url();

    /**
     * The shared secret. Never log it.
     *
     * @return the secret
     */
    String secret();
}
