// SPDX-License-Identifier: Apache-2.0
package de.hessen.schulportal.bbb.testsupport;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * npm packages for tests that drive our servers with a client nobody here wrote. node and npm are
 * installed by {@code .ci/run}; where they are missing the test fails on CI and is skipped with the reason
 * elsewhere ({@link Prerequisites#unavailable}).
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
            Prerequisites.unavailable("node is not installed (.ci/run installs it: apt-get install -y nodejs npm)");
        }
        if (!Files.exists(modules.resolve(name).resolve("package.json"))) {
            String installed = run(List.of("npm", "install", "--silent", "--no-save", "--no-package-lock", "--no-audit",
                    "--no-fund", "--prefix", dir.toAbsolutePath().toString(), name + "@" + version));
            if (installed == null || !Files.exists(modules.resolve(name).resolve("package.json"))) {
                Prerequisites.unavailable("npm could not install " + name + "@" + version + " into " + dir);
            }
        }
        return modules;
    }

    private static String run(List<String> command) {
        return Prerequisites.output(command, Duration.ofSeconds(BOUND_SECONDS)).orElse(null);
    }
}
