// SPDX-License-Identifier: Apache-2.0
package de.hessen.schulportal.bbb.spring.observation;

import de.hessen.schulportal.bbb.spring.BbbAutoConfiguration;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * Observes every call of the starter's clients with Micrometer when the application has an
 * {@link ObservationRegistry} (Spring Boot's actuator): timer {@code bbb.client.requests}, retry
 * counter {@code bbb.client.retries}, and spans when tracing is on.
 */
@AutoConfiguration(before = BbbAutoConfiguration.class, afterName = {
        "org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration",
        "org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration",
        "org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration"})
@ConditionalOnClass({ObservationRegistry.class, MeterRegistry.class})
@ConditionalOnBean(ObservationRegistry.class)
public class BbbObservationAutoConfiguration {
    /** Created by Spring. */
    public BbbObservationAutoConfiguration() {
    }

    /**
     * The Micrometer listener.
     *
     * @param registry the observation registry
     * @param meters the meter registry, if any, for the retry counter
     * @return the listener
     */
    @Bean
    @ConditionalOnMissingBean(ObservationBbbEventListener.class)
    public ObservationBbbEventListener bbbObservationEventListener(ObservationRegistry registry,
            ObjectProvider<MeterRegistry> meters) {
        return new ObservationBbbEventListener(registry, meters.getIfUnique());
    }
}
