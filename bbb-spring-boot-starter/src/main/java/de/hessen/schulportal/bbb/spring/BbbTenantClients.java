// SPDX-License-Identifier: Apache-2.0
package de.hessen.schulportal.bbb.spring;

import de.hessen.schulportal.bbb.client.BbbClient;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The clients the starter built for {@code bbb.tenants.<school-id>}, by school ID. It owns them:
 * {@link #close()} (called by Spring at shutdown) closes every one. Thread-safe and immutable.
 */
public final class BbbTenantClients implements AutoCloseable {
    private final Map<String, BbbClient> bySchool;

    /**
     * Takes over clients.
     *
     * @param bySchool clients by school ID; copied, in this order
     * @throws NullPointerException if {@code bySchool} is {@code null}
     */
    public BbbTenantClients(Map<String, BbbClient> bySchool) {
        this.bySchool = Collections.unmodifiableMap(new LinkedHashMap<>(bySchool));
    }

    /**
     * The clients by school ID.
     *
     * @return an unmodifiable map, empty when no tenant is configured
     */
    public Map<String, BbbClient> bySchool() {
        return bySchool;
    }

    /** Closes every client. */
    @Override
    public void close() {
        bySchool.values().forEach(BbbClient::close);
    }

    /** Names the schools only. */
    @Override
    public String toString() {
        return "BbbTenantClients" + bySchool.keySet();
    }
}
