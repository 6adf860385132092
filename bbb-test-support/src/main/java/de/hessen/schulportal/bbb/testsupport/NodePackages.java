// SPDX-License-Identifier: Apache-2.0
package de.hessen.schulportal.bbb.testsupport;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * npm packages for tests that drive our servers with a client nobody here wrote. node and npm are
 * installed by {@code .ci/run}; where they are missing a test must not pass silently: it fails when
 * the environment variable {@code CI} is {@code true} and is skipped with the reason otherwise.
 */
public final class NodePackages {
    /** How long node or npm may run before the attempt counts as failed. */
    private static final long BOUND_SECONDS = 300;

    private NodePackages() {
    }

    /**
     * Installs an npm package into {@code dir/node_modules} unless it is there already.
     *
     * @param dir the folder to install into, e.g. under the module's {@code target/}
     * @param name the package name, e.g. {@code bigbluebutton-js}
     * @param version the exact version
     * @return {@code dir/node_modules}, for {@code NODE_PATH}
     * @throws org.opentest4j.AssertionFailedError on CI when node or npm cannot do it
     * @throws org.opentest4j.TestAbortedException elsewhere when node or npm cannot do it
     */
    public static Path install(Path dir, String name, String version) {
        Path modules = dir.toAbsolutePath().resolve("node_modules");
        if (run(List.of("node", "--version")) == null) {
            unavailable("node is not installed (.ci/run installs it: apt-get install -y nodejs npm)");
        }
        if (!Files.exists(modules.resolve(name).resolve("package.json"))) {
            String installed = run(List.of("npm", "install", "--silent", "--no-save", "--no-package-lock", "--no-audit",
                    "--no-fund", "--prefix", dir.toAbsolutePath().toString(), name + "@" + version));
            if (installed == null || !Files.exists(modules.resolve(name).resolve("package.json"))) {
                unavailable("npm could not install " + name + "@" + version + " into " + dir);
            }
        }
        return modules;
    }

    /**
     * Fails on CI and skips elsewhere, with the reason, when a tool the test needs is missing.
     *
     * @param reason what is missing and how to get it
     */
    public static void unavailable(String reason) {
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            Assertions.fail("CI=true, but " + reason);
        }
        Assumptions.abort(reason + ": skipped (set CI=true to make this a failure)");
    }

    /** Runs a command to its end, bounded in time; its output, or null if it could not start, failed or hung. */
    private static String run(List<String> command) {
        Path log = null;
        try {
            // Output to a file, not a pipe: a full pipe would stall the process until the bound.
            log = Files.createTempFile("npm-", ".log");
            Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            p.getOutputStream().close();
            if (!p.waitFor(BOUND_SECONDS, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return null;
            }
            return p.exitValue() == 0 ? Files.readString(log, StandardCharsets.UTF_8) : null;
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
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
