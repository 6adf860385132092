// SPDX-License-Identifier: Apache-2.0
package de.hessen.schulportal.bbb.spring.health;

import de.hessen.schulportal.bbb.client.BbbClient;
import de.hessen.schulportal.bbb.spring.BbbConfigurationException;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The clients the health check uses, derived from the application's clients with a short timeout
 * and no retries. Owns them: {@link #close()} closes them. Immutable and thread-safe.
 */
public final class BbbHealthClients implements AutoCloseable {
    private final Map<String, BbbClient> byName;

    private BbbHealthClients(Map<String, BbbClient> byName) {
        this.byName = Collections.unmodifiableMap(byName);
    }

    /**
     * Derives check clients.
     *
     * @param clients the application's clients by name; not closed here
     * @param timeout the request timeout of each check call
     * @return the check clients, in the same order
     * @throws BbbConfigurationException if the timeout is not positive
     */
    public static BbbHealthClients derive(Map<String, BbbClient> clients, Duration timeout) {
        if (timeout == null || timeout.isZero() || timeout.isNegative()) {
            throw new BbbConfigurationException("bbb.health.timeout", "must be a positive duration",
                    "Set it to e.g. 3s, or remove it for the default.");
        }
        Map<String, BbbClient> derived = new LinkedHashMap<>();
        clients.forEach((name, client) -> derived.put(name,
                client.toBuilder().requestTimeout(timeout).maxRetries(0).build()));
        return new BbbHealthClients(derived);
    }

    /**
     * The check clients by name.
     *
     * @return an unmodifiable map
     */
    public Map<String, BbbClient> byName() {
        return byName;
    }

    /** Closes the check clients. */
    @Override
    public void close() {
        byName.values().forEach(BbbClient::close);
    }

    /** Names the clients only. */
    @Override
    public String toString() {
        return "BbbHealthClients" + byName.keySet();
    }
}
