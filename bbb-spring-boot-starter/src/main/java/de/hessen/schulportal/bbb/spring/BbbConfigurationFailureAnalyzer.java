// SPDX-License-Identifier: Apache-2.0
package de.hessen.schulportal.bbb.spring;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Reports a {@link BbbConfigurationException} at start-up as "what is wrong, which property, what
 * to do" instead of a stack trace. Registered in {@code META-INF/spring.factories}.
 */
public class BbbConfigurationFailureAnalyzer extends AbstractFailureAnalyzer<BbbConfigurationException> {
    /** Creates the analyzer; Spring Boot does so through {@code spring.factories}. */
    public BbbConfigurationFailureAnalyzer() {
    }

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, BbbConfigurationException cause) {
        return new FailureAnalysis("The BigBlueButton configuration is incomplete or wrong: " + cause.getMessage() + ".",
                cause.action(), cause);
    }
}
