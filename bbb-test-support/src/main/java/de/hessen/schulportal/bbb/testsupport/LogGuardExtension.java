// SPDX-License-Identifier: Apache-2.0
package de.hessen.schulportal.bbb.testsupport;

import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.slf4j.LoggerFactory;
import org.slf4j.spi.SLF4JServiceProvider;

/**
 * Registered for every test of every module that has {@code bbb-test-support} on its test class
 * path (JUnit extension auto-detection, switched on by this jar's {@code junit-platform.properties}):
 * logging runs at TRACE, and a test fails if any line logged while it ran contains a registered
 * secret, an unmasked checksum, an unmasked password or a complete join URL, or if an exception it
 * let through carries one in its message.
 *
 * <p>It also fails every test when another SLF4J binding is on the class path: the guard only sees
 * what reaches {@link CapturingLoggerProvider}.
 */
public final class LogGuardExtension implements BeforeEachCallback, AfterEachCallback {
    private static volatile String bindingProblem;
    private static volatile boolean bindingChecked;

    @Override
    public void beforeEach(ExtensionContext context) {
        String problem = bindingProblem();
        if (problem != null) {
            throw new AssertionError(problem);
        }
        CapturingLoggerProvider.clear();
    }

    /**
     * Why the capturing binding is not the one SLF4J uses, or {@code null} when it is.
     *
     * @return the problem or {@code null}
     */
    static String bindingProblem() {
        if (!bindingChecked) {
            List<String> providers = new ArrayList<>();
            for (SLF4JServiceProvider p : ServiceLoader.load(SLF4JServiceProvider.class)) {
                providers.add(p.getClass().getName());
            }
            String problem = null;
            if (!providers.equals(List.of(CapturingLoggerProvider.class.getName()))) {
                problem = "The test class path must have exactly one SLF4J binding, bbb-test-support's "
                        + "CapturingLoggerProvider; found " + providers + ". Remove slf4j-simple, logback etc. from test scope.";
            } else if (!LoggerFactory.getILoggerFactory().getClass().getName()
                    .startsWith(CapturingLoggerProvider.class.getName())) {
                problem = "SLF4J does not log through CapturingLoggerProvider but " + LoggerFactory.getILoggerFactory().getClass();
            }
            bindingProblem = problem;
            bindingChecked = true;
        }
        return bindingProblem;
    }

    @Override
    public void afterEach(ExtensionContext context) {
        List<String> lines = CapturingLoggerProvider.lines();
        for (String line : lines) {
            String leak = Secrets.leakIn(line);
            if (leak != null) {
                throw new AssertionError("A log line contains " + leak + ": " + Secrets.mask(line));
            }
        }
        context.getExecutionException().ifPresent(e -> {
            for (Throwable t = e; t != null; t = t.getCause()) {
                String leak = Secrets.leakIn(t.getMessage());
                if (leak != null && !(t instanceof AssertionError)) {
                    throw new AssertionError("An exception message contains " + leak + " (" + t.getClass().getName() + ")");
                }
            }
        });
    }
}
