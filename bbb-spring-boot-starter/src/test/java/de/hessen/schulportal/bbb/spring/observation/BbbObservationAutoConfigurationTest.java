// SPDX-License-Identifier: Apache-2.0
package de.hessen.schulportal.bbb.spring.observation;

import static org.assertj.core.api.Assertions.assertThat;

import de.hessen.schulportal.bbb.spring.BbbAutoConfiguration;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration;
import org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

class BbbObservationAutoConfigurationTest {
    private final ApplicationContextRunner runner = new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(
            BbbObservationAutoConfiguration.class, BbbAutoConfiguration.class));

    @Test
    void withMicrometer_theListenerIsABean() {
        runner.withConfiguration(AutoConfigurations.of(ObservationAutoConfiguration.class, MetricsAutoConfiguration.class,
                CompositeMeterRegistryAutoConfiguration.class, SimpleMetricsExportAutoConfiguration.class)).run(ctx -> {
                    assertThat(ctx).hasNotFailed().hasSingleBean(ObservationBbbEventListener.class);
                    assertThat(ctx).hasSingleBean(MeterRegistry.class);
                });
    }

    @Test
    void withoutAnObservationRegistry_noListener() {
        runner.run(ctx -> assertThat(ctx).hasNotFailed().doesNotHaveBean(ObservationBbbEventListener.class));
    }
}
