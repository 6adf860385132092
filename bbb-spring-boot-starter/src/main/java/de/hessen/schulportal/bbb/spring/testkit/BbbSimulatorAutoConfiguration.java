// SPDX-License-Identifier: Apache-2.0
package de.hessen.schulportal.bbb.spring.testkit;

import de.hessen.schulportal.bbb.spring.BbbAutoConfiguration;
import de.hessen.schulportal.bbb.spring.BbbConnectionDetails;
import de.hessen.schulportal.bbb.testkit.BbbSimulator;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;

/**
 * With {@code bbb.testkit.enabled=true} and {@code bbb-testkit} on the class path: starts the
 * embedded simulator on a free loopback port (system clock, random secret) and points the shared
 * client at it, whatever {@code bbb.url} and {@code bbb.secret} say. The simulator is a bean, so
 * tests can inject it to look at meetings or inject faults; it stops with the context.
 */
@AutoConfiguration(before = BbbAutoConfiguration.class)
@ConditionalOnClass(BbbSimulator.class)
@ConditionalOnProperty(prefix = "bbb.testkit", name = "enabled", havingValue = "true")
public class BbbSimulatorAutoConfiguration {
    /** Created by Spring. */
    public BbbSimulatorAutoConfiguration() {
    }

    /**
     * The simulator, closed with the context.
     *
     * @return the running simulator
     */
    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean(BbbSimulator.class)
    public BbbSimulator bbbSimulator() {
        return BbbSimulator.builder().systemClock().start();
    }

    /**
     * Connects the shared client to the simulator.
     *
     * @param simulator the simulator
     * @return its URL and secret
     */
    @Bean
    @ConditionalOnMissingBean(BbbConnectionDetails.class)
    public BbbConnectionDetails bbbSimulatorConnectionDetails(BbbSimulator simulator) {
        return new BbbConnectionDetails() {
            @Override
            public String url() {
                return simulator.baseUrl();
            }

            @Override
            public String secret() {
                return simulator.secret();
            }

            @Override
            public String toString() {
                return "BbbConnectionDetails{simulator " + simulator.baseUrl() + '}';
            }
        };
    }
}
