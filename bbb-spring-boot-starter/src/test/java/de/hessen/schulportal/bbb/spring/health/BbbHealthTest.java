// SPDX-License-Identifier: Apache-2.0
package de.hessen.schulportal.bbb.spring.health;

import static org.assertj.core.api.Assertions.assertThat;

import de.hessen.schulportal.bbb.spring.BbbAutoConfiguration;
import de.hessen.schulportal.bbb.spring.TestServers;
import de.hessen.schulportal.bbb.testkit.BbbSimulator;
import de.hessen.schulportal.bbb.testsupport.RefusedPort;
import de.hessen.schulportal.bbb.testsupport.Secrets;
import java.net.ServerSocket;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.actuate.endpoint.HealthEndpoint;
import org.springframework.boot.health.autoconfigure.actuate.endpoint.HealthEndpointAutoConfiguration;
import org.springframework.boot.health.autoconfigure.contributor.HealthContributorAutoConfiguration;
import org.springframework.boot.health.autoconfigure.registry.HealthContributorRegistryAutoConfiguration;
import org.springframework.boot.health.contributor.CompositeHealthContributor;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthContributor;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.health.registry.HealthContributorRegistry;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

class BbbHealthTest {
    private static BbbSimulator sim;
    private static BbbSimulator sha1Only;
    private static BbbSimulator hanging;

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(BbbAutoConfiguration.class, BbbHealthAutoConfiguration.class,
                    HealthContributorAutoConfiguration.class, HealthContributorRegistryAutoConfiguration.class,
                    HealthEndpointAutoConfiguration.class));

    @BeforeAll
    static void start() {
        sim = TestServers.simulator();
        sha1Only = BbbSimulator.builder().secret(Secrets.SECRET).supportedChecksumAlgorithms("sha1").start();
        hanging = TestServers.simulator();
        hanging.faults().hang(true);
    }

    @AfterAll
    static void stop() {
        sim.close();
        sha1Only.close();
        hanging.faults().hang(false);
        hanging.close();
    }

    private static Health health(org.springframework.context.ApplicationContext ctx) {
        HealthContributor contributor = ctx.getBean(HealthContributorRegistry.class).getContributor("bbb");
        assertThat(contributor).as("registered as 'bbb'").isInstanceOf(HealthIndicator.class);
        Health health = ((HealthIndicator) contributor).health();
        Secrets.assertNoLeak("health details", health.toString());
        return health;
    }

    @Test
    void rightConfiguration_isUp() {
        runner.withPropertyValues("bbb.url=" + sim.baseUrl(), "bbb.secret=" + Secrets.SECRET).run(ctx -> {
            Health health = health(ctx);
            assertThat(health.getStatus()).isEqualTo(Status.UP);
            assertThat(health.getDetails()).containsEntry("status", "OK").containsEntry("url", sim.apiUrl());
            assertThat(ctx.getBean(HealthEndpoint.class).healthForPath("bbb")).isNotNull();
        });
    }

    @Test
    void wrongSecret_isDownWithTheReason() {
        runner.withPropertyValues("bbb.url=" + sim.baseUrl(), "bbb.secret=" + TestServers.OTHER_SECRET).run(ctx -> {
            Health health = health(ctx);
            assertThat(health.getStatus()).isEqualTo(Status.DOWN);
            assertThat(health.getDetails()).containsEntry("status", "WRONG_SECRET");
            assertThat((String) health.getDetails().get("reason")).contains("secret is wrong");
            assertThat(health.toString()).doesNotContain(TestServers.OTHER_SECRET).doesNotContain(Secrets.SECRET);
        });
    }

    @Test
    void algorithmNotEnabled_isDownAndNamesOneThatWorks() {
        runner.withPropertyValues("bbb.url=" + sha1Only.baseUrl(), "bbb.secret=" + Secrets.SECRET).run(ctx -> {
            Health health = health(ctx);
            assertThat(health.getStatus()).isEqualTo(Status.DOWN);
            assertThat(health.getDetails()).containsEntry("status", "ALGORITHM_NOT_SUPPORTED")
                    .containsEntry("workingAlgorithm", "SHA1");
        });
    }

    @Test
    void unreachable_isDown() throws Exception {
        try (RefusedPort refused = new RefusedPort()) {
            runner.withPropertyValues("bbb.url=" + refused.baseUrl(), "bbb.secret=" + Secrets.SECRET).run(ctx -> {
                Health health = health(ctx);
                assertThat(health.getStatus()).isEqualTo(Status.DOWN);
                assertThat(health.getDetails()).containsEntry("status", "UNREACHABLE").containsKey("reason");
            });
        }
    }

    /** The server accepts and never answers: the check ends by its own timeout, not the client's 15 s with retries. */
    @Test
    @Timeout(120)
    void hangingServer_isDownAfterTheHealthTimeout() {
        runner.withPropertyValues("bbb.url=" + hanging.baseUrl(), "bbb.secret=" + Secrets.SECRET,
                "bbb.request-timeout=10m", "bbb.max-retries=10", "bbb.health.timeout=300ms").run(ctx -> {
                    Health health = health(ctx);
                    assertThat(health.getStatus()).isEqualTo(Status.DOWN);
                    assertThat(health.getDetails()).containsEntry("status", "UNREACHABLE");
                });
    }

    @Test
    void severalTenants_areAComposite() {
        runner.withPropertyValues("bbb.url=" + sim.baseUrl(), "bbb.secret=" + Secrets.SECRET,
                "bbb.tenants.6022.url=" + sha1Only.baseUrl(), "bbb.tenants.6022.secret=" + Secrets.SECRET,
                "bbb.tenants.6022.checksum-algorithm=SHA1").run(ctx -> {
                    HealthContributor contributor = ctx.getBean(HealthContributorRegistry.class).getContributor("bbb");
                    assertThat(contributor).isInstanceOf(CompositeHealthContributor.class);
                    CompositeHealthContributor composite = (CompositeHealthContributor) contributor;
                    assertThat(((HealthIndicator) composite.getContributor("shared")).health().getStatus()).isEqualTo(Status.UP);
                    assertThat(((HealthIndicator) composite.getContributor("6022")).health().getStatus()).isEqualTo(Status.UP);
                    assertThat(ctx.getBean(BbbHealthClients.class).byName()).containsOnlyKeys("shared", "6022");
                });
    }

    @Test
    void disabled_noContributor() {
        runner.withPropertyValues("bbb.url=" + sim.baseUrl(), "bbb.secret=" + Secrets.SECRET, "management.health.bbb.enabled=false")
                .run(ctx -> assertThat(ctx).hasNotFailed().doesNotHaveBean(BbbHealthClients.class)
                        .doesNotHaveBean("bbbHealthContributor"));
    }

    @Test
    void noClient_isUnknown() {
        runner.run(ctx -> assertThat(health(ctx).getStatus()).isEqualTo(Status.UNKNOWN));
    }

    @Test
    void details_areOnlyUrlStatusVersionReason() {
        runner.withPropertyValues("bbb.url=" + sim.baseUrl(), "bbb.secret=" + Secrets.SECRET).run(ctx -> {
            Map<String, Object> details = health(ctx).getDetails();
            assertThat(details.keySet()).isSubsetOf("url", "status", "apiVersion", "reason", "workingAlgorithm");
        });
    }
}
