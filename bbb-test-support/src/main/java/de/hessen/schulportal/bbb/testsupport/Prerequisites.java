// SPDX-License-Identifier: Apache-2.0
package de.hessen.schulportal.bbb.testsupport;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * Tools and data a test needs from the machine (node, PHP, PostgreSQL, a Moodle archive), installed
 * on CI by {@code .ci/run}. Where one is missing a test must not pass silently: it fails when the
 * environment variable {@code CI} is {@code true} and is skipped with the reason otherwise. Thread-safe
 * (no state).
 */
public final class Prerequisites {
    private Prerequisites() {
    }

    /**
     * Fails on CI and skips elsewhere, with the reason, when something the test needs is missing.
     *
     * @param reason what is missing and how to get it
     * @throws org.opentest4j.AssertionFailedError when {@code CI=true}
     * @throws org.opentest4j.TestAbortedException otherwise
     */
    public static void unavailable(String reason) {
        if (onCi()) {
            Assertions.fail("CI=true, but " + reason);
        }
        Assumptions.abort(reason + ": skipped (set CI=true to make this a failure)");
    }

    /**
     * Whether this run is on CI, where nothing may be skipped for a missing tool.
     *
     * @return true when the environment variable {@code CI} is {@code true} (any case)
     */
    public static boolean onCi() {
        return "true".equalsIgnoreCase(System.getenv("CI"));
    }

    /**
     * Runs a command to its end, bounded in time, and returns its output (stdout and stderr together)
     * when it exits with 0. The output goes to a file, not a pipe, so a chatty command cannot stall.
     *
     * @param command the program and its arguments
     * @param bound how long it may run before it is killed and counts as failed
     * @return its output, or empty if it could not start, exited with another status or hung
     */
    public static Optional<String> output(List<String> command, Duration bound) {
        Path log = null;
        try {
            log = Files.createTempFile("prerequisite-", ".log");
            Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            p.getOutputStream().close();
            if (!p.waitFor(bound.toMillis(), TimeUnit.MILLISECONDS)) {
                p.destroyForcibly();
                return Optional.empty();
            }
            return p.exitValue() == 0 ? Optional.of(Files.readString(log, StandardCharsets.UTF_8)) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        } finally {
            if (log != null) {
                try {
                    Files.deleteIfExists(log);
                } catch (IOException ignored) {
                    // A temporary file left behind is harmless.
                }
            }
        }
    }
}
