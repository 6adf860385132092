// SPDX-License-Identifier: Apache-2.0
package de.hessen.schulportal.bbb.consumer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every source file of the repository (Java, JavaScript, shell) names its licence with an SPDX
 * line within its first three lines, so a file copied out of the repository still says what it is.
 */
class LicenceHeaderTest {
    private static final Path ROOT = Path.of(System.getProperty("repo.root", "..")).toAbsolutePath().normalize();
    private static final String SPDX = "SPDX-License-Identifier: Apache-2.0";

    @Test
    void everySourceFile_hasTheSpdxLine() throws IOException {
        List<Path> sources;
        try (Stream<Path> walk = Files.walk(ROOT)) {
            sources = walk.filter(Files::isRegularFile)
                    .filter(p -> isSource(ROOT.relativize(p)))
                    .sorted()
                    .collect(Collectors.toList());
        }
        assertThat(sources).as("source files under %s", ROOT).hasSizeGreaterThan(100);
        List<String> missing = sources.stream()
                .filter(p -> !firstLines(p).contains(SPDX))
                .map(p -> ROOT.relativize(p).toString())
                .collect(Collectors.toList());
        assertThat(missing).as("files without '%s' in their first three lines", SPDX).isEmpty();
    }

    private static boolean isSource(Path relative) {
        for (Path part : relative) {
            String name = part.toString();
            if (name.equals("target") || name.equals("node_modules") || name.startsWith(".") && !name.equals(".ci")) {
                return false;
            }
        }
        String name = relative.getFileName().toString();
        return name.endsWith(".java") || name.endsWith(".js") || name.endsWith(".sh")
                || relative.getNameCount() > 1 && relative.getName(0).toString().equals(".ci");
    }

    private static String firstLines(Path file) {
        try (Stream<String> lines = Files.lines(file, StandardCharsets.UTF_8)) {
            return lines.limit(3).collect(Collectors.joining("\n"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
