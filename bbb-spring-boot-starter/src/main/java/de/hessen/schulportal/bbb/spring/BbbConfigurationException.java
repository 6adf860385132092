// SPDX-License-Identifier: Apache-2.0
package de.hessen.schulportal.bbb.spring;

import java.util.Objects;

/**
 * A {@code bbb.*} property is missing or wrong. The message names the property and the rule,
 * never its value; {@link BbbConfigurationFailureAnalyzer} turns it into Spring Boot's start-up
 * failure report.
 */
public class BbbConfigurationException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** The property, e.g. {@code bbb.secret}. */
    private final String property;
    /** What to do about it. */
    private final String action;

    /**
     * A configuration problem.
     *
     * @param property the property, e.g. {@code bbb.url}
     * @param problem what is wrong, without the value, e.g. "is required"
     * @param action what to do, without the value
     * @throws NullPointerException if an argument is {@code null}
     */
    public BbbConfigurationException(String property, String problem, String action) {
        super(Objects.requireNonNull(property, "property") + " " + Objects.requireNonNull(problem, "problem"));
        this.property = property;
        this.action = Objects.requireNonNull(action, "action");
    }

    /**
     * The property that is missing or wrong.
     *
     * @return the property name, e.g. {@code bbb.secret}
     */
    public String property() {
        return property;
    }

    /**
     * What to do about it.
     *
     * @return the advice
     */
    public String action() {
        return action;
    }
}
