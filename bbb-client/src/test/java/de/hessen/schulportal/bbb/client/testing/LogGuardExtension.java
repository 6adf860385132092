package de.hessen.schulportal.bbb.client.testing;

import java.util.List;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Registered for every test of the module (JUnit extension auto-detection): logging runs at TRACE,
 * and a test fails if any line logged while it ran contains a secret or an unmasked checksum, or
 * if an exception it let through carries one in its message.
 */
public final class LogGuardExtension implements BeforeEachCallback, AfterEachCallback {
    @Override
    public void beforeEach(ExtensionContext context) {
        CapturingLoggerProvider.clear();
    }

    @Override
    public void afterEach(ExtensionContext context) {
        List<String> lines = CapturingLoggerProvider.lines();
        for (String line : lines) {
            String leak = Secrets.leakIn(line);
            if (leak != null) {
                throw new AssertionError("A log line contains " + leak + ": "
                        + line.replaceAll("[0-9a-fA-F]{40,128}", "<hex>"));
            }
        }
        context.getExecutionException().ifPresent(e -> {
            for (Throwable t = e; t != null; t = t.getCause()) {
                String leak = Secrets.leakIn(t.getMessage());
                if (leak != null && !(t instanceof AssertionError)) {
                    throw new AssertionError("An exception message contains " + leak);
                }
            }
        });
    }
}
