// SPDX-License-Identifier: Apache-2.0
package de.hessen.schulportal.bbb.spring;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.EnumerablePropertySource;
import org.springframework.core.env.Environment;
import org.springframework.core.env.PropertySource;
import org.springframework.util.PlaceholderResolutionException;

/**
 * Reports a {@code bbb.*} property whose placeholder cannot be resolved ({@code bbb.secret=${BBB_SECRET}}
 * started without {@code BBB_SECRET}) as "which property, which variable, what to do" instead of a
 * stack trace. Only failures about {@code bbb.*} properties are claimed; others are left to Spring
 * Boot. Names the property and the placeholder, never a value. Registered in
 * {@code META-INF/spring.factories}; Spring Boot passes the {@link Environment}.
 */
public class BbbPlaceholderFailureAnalyzer extends AbstractFailureAnalyzer<PlaceholderResolutionException> {
    private final Environment environment;

    /**
     * Creates the analyzer; Spring Boot does so through {@code spring.factories}.
     *
     * @param environment the application's environment, to find the {@code bbb.*} property that refers to the placeholder
     */
    public BbbPlaceholderFailureAnalyzer(Environment environment) {
        this.environment = Objects.requireNonNull(environment, "environment");
    }

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, PlaceholderResolutionException cause) {
        String placeholder = cause.getPlaceholder();
        List<String> properties = propertiesReferringTo(placeholder);
        if (placeholder == null || properties.isEmpty()) {
            return null;
        }
        return new FailureAnalysis("The BigBlueButton configuration refers to ${" + placeholder + "}, which is not set: "
                + String.join(", ", properties) + ".",
                "Set " + placeholder + " (an environment variable, a system property or an entry in application.properties), "
                        + "or change " + properties.get(0) + ".", cause);
    }

    /** The {@code bbb.*} property names whose raw value mentions the placeholder, in order. */
    private List<String> propertiesReferringTo(String placeholder) {
        TreeSet<String> names = new TreeSet<>();
        if (placeholder == null || !(environment instanceof ConfigurableEnvironment)) {
            return new ArrayList<>(names);
        }
        String reference = "${" + placeholder;
        for (PropertySource<?> source : ((ConfigurableEnvironment) environment).getPropertySources()) {
            if (source instanceof EnumerablePropertySource) {
                for (String name : ((EnumerablePropertySource<?>) source).getPropertyNames()) {
                    Object raw = source.getProperty(name);
                    if (name.startsWith("bbb.") && raw instanceof CharSequence && raw.toString().contains(reference)) {
                        names.add(name);
                    }
                }
            }
        }
        return new ArrayList<>(names);
    }
}
