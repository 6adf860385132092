// SPDX-License-Identifier: Apache-2.0
package de.hessen.schulportal.bbb.spring.actuate;

import static org.assertj.core.api.Assertions.assertThat;

import de.hessen.schulportal.bbb.spring.BbbAutoConfiguration;
import de.hessen.schulportal.bbb.spring.BbbProperties;
import de.hessen.schulportal.bbb.spring.TestServers;
import de.hessen.schulportal.bbb.testkit.BbbSimulator;
import de.hessen.schulportal.bbb.testsupport.CapturingLoggerProvider;
import de.hessen.schulportal.bbb.testsupport.Secrets;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.autoconfigure.context.properties.ConfigurationPropertiesReportEndpointAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.endpoint.EndpointAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.env.EnvironmentEndpointAutoConfiguration;
import org.springframework.boot.actuate.context.properties.ConfigurationPropertiesReportEndpoint;
import org.springframework.boot.actuate.env.EnvironmentEndpoint;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import tools.jackson.databind.json.JsonMapper;

/**
 * The secrets stay out of /actuator/env and /actuator/configprops even with
 * {@code show-values=always}, and out of the log (every line at TRACE, Spring's own included).
 */
class SecretsNeverShownTest {
    private static final String TENANT_SECRET = Secrets.forbid("0a1b2c3d4e5f60718293a4b5c6d7e8f9");
    private static final String ENV_TENANT_SECRET = Secrets.forbid("9f8e7d6c5b4a39281706f5e4d3c2b1a0");
    private static final String EXPOSE_WEB = "management.endpoints.web.exposure.include=*";
    private static final String EXPOSE_JMX = "management.endpoints.jmx.exposure.include=*";
    private static BbbSimulator sim;

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(BbbAutoConfiguration.class, BbbSanitizingAutoConfiguration.class,
                    EndpointAutoConfiguration.class, EnvironmentEndpointAutoConfiguration.class,
                    ConfigurationPropertiesReportEndpointAutoConfiguration.class))
            .withPropertyValues("management.endpoint.env.show-values=always",
                    "management.endpoint.configprops.show-values=always", EXPOSE_WEB, EXPOSE_JMX,
                    "bbb.secret=" + Secrets.SECRET,
                    "bbb.portal.pseudonym-key=" + TestServers.PSEUDONYM_KEY,
                    "bbb.tenants.6021.secret=" + TENANT_SECRET)
            .withInitializer(ctx -> ctx.getEnvironment().getPropertySources().addLast(new SystemEnvironmentPropertySource(
                    "systemEnvironment-test", Map.of("BBB_TENANTS_6021_URL", "http://127.0.0.1:9/bigbluebutton/",
                            "BBB_TENANTS_6022_SECRET", ENV_TENANT_SECRET, "BBB_TENANTS_6022_URL", "http://127.0.0.1:9/x/"))));

    @BeforeAll
    static void start() {
        sim = TestServers.simulator();
    }

    @AfterAll
    static void stop() {
        sim.close();
    }

    private static void assertNoSecret(String where, String text) {
        assertThat(text).as(where).doesNotContain(Secrets.SECRET).doesNotContain(TestServers.PSEUDONYM_KEY)
                .doesNotContain(TENANT_SECRET).doesNotContain(ENV_TENANT_SECRET);
    }

    @Test
    void envEndpoint_masksEverySpellingOfTheSecrets_andStillShowsTheUrl() {
        runner.withPropertyValues("bbb.url=" + sim.baseUrl()).run(ctx -> {
            assertThat(ctx).hasNotFailed();
            String env = JsonMapper.builder().build().writeValueAsString(ctx.getBean(EnvironmentEndpoint.class).environment(null));
            assertThat(env).as("show-values=always is in force").contains(sim.baseUrl()).contains("BBB_TENANTS_6021_URL");
            assertNoSecret("/actuator/env", env);
            assertThat(env).contains("******");
            String entry = JsonMapper.builder().build().writeValueAsString(
                    ctx.getBean(EnvironmentEndpoint.class).environmentEntry("bbb.secret"));
            assertNoSecret("/actuator/env/bbb.secret", entry);
        });
    }

    @Test
    void configpropsEndpoint_masksTheSecrets_andStillShowsTheUrl() {
        runner.withPropertyValues("bbb.url=" + sim.baseUrl()).run(ctx -> {
            String props = JsonMapper.builder().build().writeValueAsString(
                    ctx.getBean(ConfigurationPropertiesReportEndpoint.class).configurationProperties());
            assertThat(props).as("show-values=always is in force").contains(sim.baseUrl()).contains("bbb");
            assertNoSecret("/actuator/configprops", props);
            assertThat(props).contains("******");
        });
    }

    @Test
    void withoutTheStarterFunction_theEndpointsWouldShowTheSecret() {
        // Proves the two tests above can fail: Spring Boot alone shows the values under show-values=always.
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(EndpointAutoConfiguration.class, EnvironmentEndpointAutoConfiguration.class))
                .withPropertyValues("management.endpoint.env.show-values=always", EXPOSE_WEB, EXPOSE_JMX,
                        "bbb.secret=" + TENANT_SECRET)
                .run(ctx -> assertThat(JsonMapper.builder().build().writeValueAsString(
                        ctx.getBean(EnvironmentEndpoint.class).environmentEntry("bbb.secret"))).contains(TENANT_SECRET));
        assertThat(BbbSanitizingAutoConfiguration.isSecret("bbb.secret")).isTrue();
        assertThat(BbbSanitizingAutoConfiguration.isSecret("BBB_SECRET")).isTrue();
        assertThat(BbbSanitizingAutoConfiguration.isSecret("BBB_TENANTS_6021_SECRET")).isTrue();
        assertThat(BbbSanitizingAutoConfiguration.isSecret("bbb.tenants[6021].secret")).isTrue();
        assertThat(BbbSanitizingAutoConfiguration.isSecret("bbb.portal.pseudonymKey")).isTrue();
        assertThat(BbbSanitizingAutoConfiguration.isSecret("BBB_PORTAL_PSEUDONYMKEY")).isTrue();
        assertThat(BbbSanitizingAutoConfiguration.isSecret("bbb.url")).isFalse();
        assertThat(BbbSanitizingAutoConfiguration.isSecret("server.port")).isFalse();
    }

    @Test
    void log_atTrace_neverHoldsASecret() {
        runner.withPropertyValues("bbb.url=" + sim.baseUrl()).run(ctx -> {
            ctx.getBean(de.hessen.schulportal.bbb.client.BbbClient.class).getMeetings();
            assertThat(CapturingLoggerProvider.lines()).as("Spring and the SDK logged at TRACE").isNotEmpty();
            CapturingLoggerProvider.lines().forEach(line -> assertNoSecret("log line", line));
        });
    }

    @Test
    void propertiesToString_neverHoldsASecret() {
        runner.withPropertyValues("bbb.url=" + sim.baseUrl()).run(ctx -> {
            BbbProperties p = ctx.getBean(BbbProperties.class);
            assertNoSecret("toString", p.toString() + p.getTenants() + p.getPortal());
        });
    }
}
