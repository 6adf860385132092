// SPDX-License-Identifier: Apache-2.0
package de.hessen.schulportal.bbb.spring;

import de.hessen.schulportal.bbb.client.BbbClient;
import de.hessen.schulportal.bbb.client.event.BbbEventListener;
import de.hessen.schulportal.bbb.portal.Pseudonyms;
import de.hessen.schulportal.bbb.portal.SchoolConferences;
import de.hessen.schulportal.bbb.portal.TenantDirectory;
import de.hessen.schulportal.bbb.portal.audit.AuditListener;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.AnyNestedCondition;
import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * Auto-configuration of the BigBlueButton SDK:
 * <ul>
 *   <li>a shared {@link BbbClient} from {@code bbb.url}, {@code bbb.secret},
 *       {@code bbb.checksum-algorithm}, {@code bbb.connect-timeout}, {@code bbb.request-timeout},
 *       {@code bbb.max-retries} (or from a {@link BbbConnectionDetails} bean), observed by every
 *       {@link BbbEventListener} bean;</li>
 *   <li>a {@link TenantDirectory} from {@code bbb.tenants.<school-id>.url} and {@code .secret},
 *       falling back to the shared client for schools not listed;</li>
 *   <li>{@link SchoolConferences} when {@code bbb.portal.pseudonym-key} is set.</li>
 * </ul>
 * Every bean backs off when the application defines its own. Clients the starter builds are
 * closed at shutdown. A missing or wrong value stops the start with a
 * {@link BbbConfigurationException} naming the property, never its value.
 */
@AutoConfiguration
@EnableConfigurationProperties(BbbProperties.class)
public class BbbAutoConfiguration {
    /** Created by Spring. */
    public BbbAutoConfiguration() {
    }

    /**
     * The shared server from {@code bbb.url} and {@code bbb.secret}, when either is set.
     *
     * @param properties the properties
     * @return the connection details
     */
    @Bean
    @ConditionalOnMissingBean(BbbConnectionDetails.class)
    @Conditional(SharedServerConfigured.class)
    public BbbConnectionDetails bbbConnectionDetails(BbbProperties properties) {
        return new PropertiesConnectionDetails(properties);
    }

    /**
     * The listener every client of the starter reports to: all {@link BbbEventListener} beans in
     * order (the starter's Micrometer listener among them when Micrometer is configured).
     *
     * @param listeners the listener beans
     * @return the combined listener
     */
    static BbbEventListener listener(ObjectProvider<BbbEventListener> listeners) {
        return CompositeEventListener.of(listeners.orderedStream().toList());
    }

    /**
     * The client factory shared by the shared client and the tenants' clients.
     *
     * @param properties the properties
     * @param listeners the listener beans
     * @param customizers the customizer beans
     * @return the factory
     */
    static BbbClientFactory factory(BbbProperties properties, ObjectProvider<BbbEventListener> listeners,
            ObjectProvider<BbbClientCustomizer> customizers) {
        return new BbbClientFactory(properties, listener(listeners), customizers.orderedStream().toList());
    }

    /**
     * The shared client. Closed at shutdown (Spring infers {@code close()}).
     *
     * @param details where to connect
     * @param properties timeouts, retries, algorithm
     * @param listeners the event listener beans
     * @param customizers the customizer beans
     * @return the client
     * @throws BbbConfigurationException if a property is missing or wrong
     */
    @Bean
    @ConditionalOnMissingBean(BbbClient.class)
    @ConditionalOnBean(BbbConnectionDetails.class)
    public BbbClient bbbClient(BbbConnectionDetails details, BbbProperties properties,
            ObjectProvider<BbbEventListener> listeners, ObjectProvider<BbbClientCustomizer> customizers) {
        return factory(properties, listeners, customizers).build("bbb", details.url(), details.secret(), null);
    }

    /**
     * The clients of {@code bbb.tenants.*}, owned and closed by this bean.
     *
     * @param properties the properties
     * @param listeners the event listener beans
     * @param customizers the customizer beans
     * @return the clients, possibly none
     * @throws BbbConfigurationException if a tenant's property is missing or wrong
     */
    @Bean
    @ConditionalOnMissingBean(BbbTenantClients.class)
    public BbbTenantClients bbbTenantClients(BbbProperties properties, ObjectProvider<BbbEventListener> listeners,
            ObjectProvider<BbbClientCustomizer> customizers) {
        BbbClientFactory factory = factory(properties, listeners, customizers);
        Map<String, BbbClient> clients = new LinkedHashMap<>();
        try {
            properties.getTenants().forEach((school, tenant) -> clients.put(school,
                    factory.build("bbb.tenants." + school, tenant.getUrl(), tenant.getSecret(),
                            tenant.getChecksumAlgorithm())));
        } catch (RuntimeException e) {
            clients.values().forEach(BbbClient::close);
            throw e;
        }
        return new BbbTenantClients(clients);
    }

    /**
     * Which client serves a school: its tenant's, else the shared one.
     *
     * @param tenants the tenants' clients
     * @param shared the shared client, if any
     * @return the directory
     */
    @Bean
    @ConditionalOnMissingBean(TenantDirectory.class)
    @Conditional(SharedClientOrTenants.class)
    public TenantDirectory bbbTenantDirectory(BbbTenantClients tenants, ObjectProvider<BbbClient> shared) {
        BbbClient fallback = shared.getIfUnique();
        if (tenants.bySchool().isEmpty() && fallback != null) {
            return TenantDirectory.single(fallback);
        }
        TenantDirectory.Builder builder = TenantDirectory.builder();
        tenants.bySchool().forEach(builder::school);
        if (fallback != null) {
            builder.fallback(fallback);
        }
        return builder.build();
    }

    /**
     * The portal adapter, when {@code bbb.portal.pseudonym-key} is set. Its join decisions go to
     * the {@link AuditListener} bean, if there is one (the data-protection auto-configuration logs them).
     *
     * @param properties the properties
     * @param tenants the tenant directory
     * @param audit the audit listener, if any
     * @return the adapter
     * @throws BbbConfigurationException if the key is wrong or no server is configured
     */
    @Bean
    @ConditionalOnMissingBean(SchoolConferences.class)
    @ConditionalOnProperty(prefix = "bbb.portal", name = "pseudonym-key")
    public SchoolConferences schoolConferences(BbbProperties properties, ObjectProvider<TenantDirectory> tenants,
            ObjectProvider<AuditListener> audit) {
        TenantDirectory directory = tenants.getIfUnique();
        if (directory == null) {
            throw new BbbConfigurationException("bbb.portal.pseudonym-key", "is set, but no BigBlueButton server is configured",
                    "Set bbb.url and bbb.secret, or bbb.tenants.<school-id>.url and .secret, or define a TenantDirectory bean.");
        }
        Pseudonyms pseudonyms;
        try {
            pseudonyms = Pseudonyms.fromBase64(properties.getPortal().getPseudonymKey());
        } catch (IllegalArgumentException e) {
            // Not chained: the cause must not carry any part of the key into a log.
            throw new BbbConfigurationException("bbb.portal.pseudonym-key",
                    "must be Base64 of at least 32 random bytes, not all the same",
                    "Generate a key with 'openssl rand -base64 32' and keep it as secret as bbb.secret.");
        }
        return SchoolConferences.builder().tenants(directory).pseudonyms(pseudonyms)
                .auditListener(audit.getIfAvailable(() -> AuditListener.NONE)).build();
    }

    /** {@code bbb.url} or {@code bbb.secret} is set. */
    static final class SharedServerConfigured extends AnyNestedCondition {
        SharedServerConfigured() {
            // On a @Bean method only REGISTER_BEAN conditions are evaluated; others would be ignored.
            super(ConfigurationPhase.REGISTER_BEAN);
        }

        @ConditionalOnProperty(prefix = "bbb", name = "url")
        static final class Url {
        }

        @ConditionalOnProperty(prefix = "bbb", name = "secret")
        static final class Secret {
        }
    }

    /** There is a shared client bean, or at least one tenant is configured. */
    static final class SharedClientOrTenants extends AnyNestedCondition {
        SharedClientOrTenants() {
            super(ConfigurationPhase.REGISTER_BEAN);
        }

        @ConditionalOnBean(BbbClient.class)
        static final class Shared {
        }

        @Conditional(TenantsConfigured.class)
        static final class Tenants {
        }
    }

    /** At least one {@code bbb.tenants.<school-id>} is configured. */
    static final class TenantsConfigured extends SpringBootCondition {
        @Override
        public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
            boolean any = Binder.get(context.getEnvironment())
                    .bind("bbb.tenants", Bindable.mapOf(String.class, BbbProperties.Tenant.class))
                    .map(m -> !m.isEmpty()).orElse(false);
            return any ? ConditionOutcome.match("bbb.tenants configured") : ConditionOutcome.noMatch("no bbb.tenants");
        }
    }

    /** {@code bbb.url} and {@code bbb.secret}. */
    static final class PropertiesConnectionDetails implements BbbConnectionDetails {
        private final BbbProperties properties;

        PropertiesConnectionDetails(BbbProperties properties) {
            this.properties = properties;
        }

        @Override
        public String url() {
            return properties.getUrl();
        }

        @Override
        public String secret() {
            return properties.getSecret();
        }

        @Override
        public String toString() {
            return "BbbConnectionDetails{url=" + properties.getUrl() + '}';
        }
    }
}
