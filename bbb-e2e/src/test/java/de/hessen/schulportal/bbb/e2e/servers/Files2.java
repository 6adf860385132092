// SPDX-License-Identifier: Apache-2.0
package de.hessen.schulportal.bbb.e2e.servers;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/** Deleting the directories the servers wrote. */
final class Files2 {
    private Files2() {
    }

    /**
     * Deletes a directory and everything in it; nothing if it does not exist.
     *
     * @param dir the directory
     */
    static void deleteTree(Path dir) {
        if (Files.exists(dir)) {
            // rm, not a walk in Java: Moodle's tree has some 30,000 files.
            Command.of("rm", "-rf", "--", dir.toAbsolutePath().toString()).run(Duration.ofMinutes(10));
        }
    }
}
