// SPDX-License-Identifier: Apache-2.0
package de.hessen.schulportal.bbb.spring.actuate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.hessen.schulportal.bbb.spring.BbbAutoConfiguration;
import de.hessen.schulportal.bbb.spring.TestServers;
import de.hessen.schulportal.bbb.spring.health.BbbHealthAutoConfiguration;
import de.hessen.schulportal.bbb.testkit.BbbSimulator;
import de.hessen.schulportal.bbb.testsupport.CapturingLoggerProvider;
import de.hessen.schulportal.bbb.testsupport.Secrets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.actuate.autoconfigure.context.properties.ConfigurationPropertiesReportEndpointAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.endpoint.EndpointAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.env.EnvironmentEndpointAutoConfiguration;
import org.springframework.boot.actuate.context.properties.ConfigurationPropertiesReportEndpoint;
import org.springframework.boot.actuate.env.EnvironmentEndpoint;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.health.actuate.endpoint.HealthEndpoint;
import org.springframework.boot.health.autoconfigure.actuate.endpoint.HealthEndpointAutoConfiguration;
import org.springframework.boot.health.autoconfigure.contributor.HealthContributorAutoConfiguration;
import org.springframework.boot.health.autoconfigure.registry.HealthContributorRegistryAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import tools.jackson.databind.json.JsonMapper;

/**
 * Issue 19: secrets are masked by value, whatever the property's name or source: the JSON of
 * {@code SPRING_APPLICATION_JSON}, a variable such as {@code BBB_PSEUDONYM_KEY} that a placeholder
 * refers to, {@code --bbb.secret=…} inside {@code sun.java.command}, another configuration
 * property that copies a secret. With {@code show-values=always}, in /actuator/env, /actuator/configprops,
 * health details, the log at TRACE and the start-up failure report.
 */
class SecretsByValueTest {
    private static final String TENANT_SECRET = Secrets.forbid("77aa88bb99cc00dd11ee22ff33aa44bb");
    private static final String JSON = "{\"bbb\":{\"secret\":\"" + Secrets.SECRET + "\"}}";
    private static final String COMMAND = "portal.jar --bbb.secret=" + Secrets.SECRET + " --bbb.tenants.6021.secret=" + TENANT_SECRET;
    private static BbbSimulator sim;

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(BbbAutoConfiguration.class, BbbSanitizingAutoConfiguration.class,
                    BbbHealthAutoConfiguration.class, HealthContributorAutoConfiguration.class,
                    HealthContributorRegistryAutoConfiguration.class, HealthEndpointAutoConfiguration.class,
                    EndpointAutoConfiguration.class, EnvironmentEndpointAutoConfiguration.class,
                    ConfigurationPropertiesReportEndpointAutoConfiguration.class))
            .withPropertyValues("management.endpoint.env.show-values=always",
                    "management.endpoint.configprops.show-values=always", "management.endpoint.health.show-details=always",
                    "management.endpoints.web.exposure.include=*",
                    // as SpringApplication flattens SPRING_APPLICATION_JSON and the command line
                    "bbb.secret=" + Secrets.SECRET, "bbb.tenants.6021.secret=" + TENANT_SECRET,
                    "bbb.portal.pseudonym-key=${BBB_PSEUDONYM_KEY}",
                    // a property of another configuration-properties bean that copies the secret
                    "management.endpoint.env.roles=${bbb.secret}", "portal.title=Schulportal")
            .withInitializer(ctx -> {
                ctx.getEnvironment().getPropertySources().addLast(new SystemEnvironmentPropertySource("systemEnvironment-test",
                        Map.of("SPRING_APPLICATION_JSON", JSON, "BBB_PSEUDONYM_KEY", TestServers.PSEUDONYM_KEY,
                                "BBB_TENANTS_6021_URL", "http://127.0.0.1:9/bigbluebutton/")));
                ctx.getEnvironment().getPropertySources().addLast(new MapPropertySource("systemProperties-test",
                        Map.of("sun.java.command", COMMAND)));
            });

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
                .doesNotContain(TENANT_SECRET);
    }

    @Test
    void theseSpellings_areNotSecretsByName_soOnlyValueMaskingCatchesThem() {
        for (String key : List.of("SPRING_APPLICATION_JSON", "BBB_PSEUDONYM_KEY", "sun.java.command", "management.endpoint.env.roles")) {
            assertThat(BbbSanitizingAutoConfiguration.isSecret(key)).as(key).isFalse();
        }
    }

    @Test
    void envEndpoint_masksEverySourceByValue() {
        runner.withPropertyValues("bbb.url=" + sim.baseUrl()).run(ctx -> {
            assertThat(ctx).hasNotFailed();
            EnvironmentEndpoint endpoint = ctx.getBean(EnvironmentEndpoint.class);
            String env = JsonMapper.builder().build().writeValueAsString(endpoint.environment(null));
            assertThat(env).as("show-values=always is in force").contains(sim.baseUrl()).contains("Schulportal")
                    .contains("SPRING_APPLICATION_JSON").contains("BBB_PSEUDONYM_KEY").contains("sun.java.command");
            assertNoSecret("/actuator/env", env);
            for (String key : List.of("SPRING_APPLICATION_JSON", "BBB_PSEUDONYM_KEY", "sun.java.command", "management.endpoint.env.roles")) {
                String entry = JsonMapper.builder().build().writeValueAsString(endpoint.environmentEntry(key));
                assertThat(entry).as(key).contains("******");
                assertNoSecret("/actuator/env/" + key, entry);
            }
            assertThat(JsonMapper.builder().build().writeValueAsString(endpoint.environmentEntry("portal.title")))
                    .contains("Schulportal");
        });
    }

    @Test
    void configprops_healthDetails_andTheLogAtTrace_holdNoSecret() {
        runner.withPropertyValues("bbb.url=" + sim.baseUrl()).run(ctx -> {
            String props = JsonMapper.builder().build().writeValueAsString(
                    ctx.getBean(ConfigurationPropertiesReportEndpoint.class).configurationProperties());
            assertThat(props).contains("management.endpoint.env").contains("roles");
            assertNoSecret("/actuator/configprops", props);
            String health = JsonMapper.builder().build().writeValueAsString(ctx.getBean(HealthEndpoint.class).health());
            assertThat(health).contains("UP");
            assertNoSecret("/actuator/health", health);
            assertThat(CapturingLoggerProvider.lines()).isNotEmpty();
            CapturingLoggerProvider.lines().forEach(line -> assertNoSecret("log line", line));
        });
    }

    /** A secret shorter than the minimum is masked by name, but not looked for inside other values. */
    @Test
    void shortSecrets_doNotMaskEverything() {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new MapPropertySource("test", Map.of("bbb.secret", "abc",
                "bbb.portal.pseudonym-key", TestServers.PSEUDONYM_KEY, "bbb.tenants.6021.secret", "  " + TENANT_SECRET + " ")));
        assertThat(BbbSanitizingAutoConfiguration.configuredSecrets(Binder.get(environment)))
                .containsExactlyInAnyOrder(TestServers.PSEUDONYM_KEY, TENANT_SECRET);
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(BbbSanitizingAutoConfiguration.class, EndpointAutoConfiguration.class,
                        EnvironmentEndpointAutoConfiguration.class))
                .withPropertyValues("management.endpoint.env.show-values=always", "management.endpoints.web.exposure.include=*",
                        "bbb.secret=abc", "app.name=abc-portal")
                .run(ctx -> {
                    EnvironmentEndpoint endpoint = ctx.getBean(EnvironmentEndpoint.class);
                    assertThat(JsonMapper.builder().build().writeValueAsString(endpoint.environmentEntry("app.name")))
                            .contains("abc-portal");
                    assertThat(JsonMapper.builder().build().writeValueAsString(endpoint.environmentEntry("bbb.secret")))
                            .contains("******");
                });
    }

    /** The failure report of a real start with the secret in SPRING_APPLICATION_JSON and on the command line. */
    @Test
    void failureReport_withSecretsInJsonAndOnTheCommandLine_holdsNone() {
        SpringApplication app = new SpringApplication(FailingApp.class);
        app.setWebApplicationType(WebApplicationType.NONE);
        app.setDefaultProperties(Map.of("spring.application.json",
                "{\"bbb\":{\"url\":\"http://127.0.0.1:9/bigbluebutton/\",\"secret\":\"" + Secrets.SECRET + "\"}}"));
        assertThatThrownBy(() -> app.run("--bbb.tenants.6021.secret=" + TENANT_SECRET, "--bbb.max-retries=11")).isNotNull();
        List<String> lines = CapturingLoggerProvider.lines();
        assertThat(String.join("\n", lines)).contains("APPLICATION FAILED TO START").contains("bbb.max-retries");
        lines.forEach(line -> assertNoSecret("log line", line));
    }

    @Configuration(proxyBeanMethods = false)
    @ImportAutoConfiguration(BbbAutoConfiguration.class)
    static class FailingApp {
    }
}
