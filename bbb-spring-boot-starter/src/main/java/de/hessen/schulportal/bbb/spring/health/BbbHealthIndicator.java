// SPDX-License-Identifier: Apache-2.0
package de.hessen.schulportal.bbb.spring.health;

import de.hessen.schulportal.bbb.client.BbbClient;
import de.hessen.schulportal.bbb.client.ConnectionCheck;
import java.util.Objects;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * Health of one BigBlueButton server or tenant, from {@link BbbClient#checkConnection()}: UP when
 * a signed call is accepted, DOWN with {@code status} ({@code UNREACHABLE}, {@code NOT_BBB},
 * {@code WRONG_SECRET}, {@code ALGORITHM_NOT_SUPPORTED}) and a {@code reason} sentence otherwise.
 * Details name the API URL, never the secret.
 *
 * <p>Give it a client with a short request timeout and no retries (the starter derives one from
 * each client): the check makes two calls when all is well and at most six.
 */
public final class BbbHealthIndicator implements HealthIndicator {
    private final BbbClient client;

    /**
     * A health indicator on a client.
     *
     * @param client the client to check with; not closed by the indicator
     * @throws NullPointerException if {@code client} is {@code null}
     */
    public BbbHealthIndicator(BbbClient client) {
        this.client = Objects.requireNonNull(client, "client");
    }

    @Override
    public Health health() {
        ConnectionCheck check = client.checkConnection();
        Health.Builder health = check.isOk() ? Health.up() : Health.down();
        health.withDetail("url", client.apiBaseUrl()).withDetail("status", check.status().name());
        check.version().ifPresent(v -> health.withDetail("apiVersion", v.version()));
        if (!check.isOk()) {
            health.withDetail("reason", check.detail());
        }
        check.workingAlgorithm().ifPresent(a -> health.withDetail("workingAlgorithm", a.name()));
        return health.build();
    }

    @Override
    public String toString() {
        return "BbbHealthIndicator{" + client.apiBaseUrl() + '}';
    }
}
