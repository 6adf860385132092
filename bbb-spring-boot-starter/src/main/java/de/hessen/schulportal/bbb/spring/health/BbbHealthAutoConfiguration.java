// SPDX-License-Identifier: Apache-2.0
package de.hessen.schulportal.bbb.spring.health;

import de.hessen.schulportal.bbb.client.BbbClient;
import de.hessen.schulportal.bbb.spring.BbbAutoConfiguration;
import de.hessen.schulportal.bbb.spring.BbbProperties;
import de.hessen.schulportal.bbb.spring.BbbTenantClients;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.contributor.CompositeHealthContributor;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthContributor;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;

/**
 * The actuator health contributor {@code bbb}: one indicator for a single server, a composite
 * with one entry per client ({@code shared} and each school ID of {@code bbb.tenants}) when there
 * are several. Switch it off with {@code management.health.bbb.enabled=false}.
 */
@AutoConfiguration(after = BbbAutoConfiguration.class,
        beforeName = "org.springframework.boot.health.autoconfigure.contributor.HealthContributorAutoConfiguration")
@ConditionalOnClass(HealthIndicator.class)
@ConditionalOnEnabledHealthIndicator("bbb")
public class BbbHealthAutoConfiguration {
    /** Created by Spring. */
    public BbbHealthAutoConfiguration() {
    }

    /**
     * Clients for the health check: each configured client with {@code bbb.health.timeout} and no
     * retries, so a probe never waits long. Owned and closed by this bean.
     *
     * @param properties the properties
     * @param shared the shared client, if any
     * @param tenants the tenants' clients, if any
     * @return the check clients by name
     */
    @Bean
    @ConditionalOnMissingBean(BbbHealthClients.class)
    public BbbHealthClients bbbHealthClients(BbbProperties properties, ObjectProvider<BbbClient> shared,
            ObjectProvider<BbbTenantClients> tenants) {
        Map<String, BbbClient> clients = new LinkedHashMap<>();
        BbbClient sharedClient = shared.getIfUnique();
        if (sharedClient != null) {
            clients.put("shared", sharedClient);
        }
        BbbTenantClients tenantClients = tenants.getIfUnique();
        if (tenantClients != null) {
            clients.putAll(tenantClients.bySchool());
        }
        return BbbHealthClients.derive(clients, properties.getHealth().getTimeout());
    }

    /**
     * The health contributor {@code bbb}.
     *
     * @param clients the check clients
     * @return a single indicator, or a composite by client name
     */
    @Bean
    @ConditionalOnMissingBean(name = "bbbHealthContributor")
    public HealthContributor bbbHealthContributor(BbbHealthClients clients) {
        Map<String, BbbClient> byName = clients.byName();
        if (byName.isEmpty()) {
            HealthIndicator none = () -> Health.unknown()
                    .withDetail("reason", "no BigBlueButton client is configured (bbb.url, bbb.tenants)").build();
            return none;
        }
        if (byName.size() == 1) {
            return new BbbHealthIndicator(byName.values().iterator().next());
        }
        return CompositeHealthContributor.fromMap(byName, BbbHealthIndicator::new);
    }
}
