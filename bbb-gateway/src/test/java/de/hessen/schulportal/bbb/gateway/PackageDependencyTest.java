// SPDX-License-Identifier: Apache-2.0
package de.hessen.schulportal.bbb.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import de.hessen.schulportal.bbb.gateway.internal.ParameterTable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Packages point one way: {@code gateway} → {@code internal} → {@code config}; {@code config}
 * needs neither. And the README's parameter table names every parameter of {@link ParameterTable}.
 */
class PackageDependencyTest {
    static final Path MAIN = Path.of("src", "main", "java", "de", "hessen", "schulportal", "bbb", "gateway");
    static final Pattern IMPORT = Pattern.compile("^import (de\\.hessen\\.schulportal\\.bbb\\.gateway(\\.[a-z]+)?)\\.[A-Z]", Pattern.MULTILINE);

    static List<String> gatewayImports(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.toString().endsWith(".java")).flatMap(f -> {
                try {
                    Matcher m = IMPORT.matcher(Files.readString(f));
                    return m.results().map(r -> f.getFileName() + " imports " + r.group(1)).collect(Collectors.toList()).stream();
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }).collect(Collectors.toList());
        }
    }

    @Test
    void packages_pointOneWay() throws IOException {
        assertThat(gatewayImports(MAIN.resolve("config"))).isEmpty();
        assertThat(gatewayImports(MAIN.resolve("internal")))
                .allSatisfy(i -> assertThat(i).endsWith("imports de.hessen.schulportal.bbb.gateway.config"));
    }

    @Test
    void readme_namesEveryParameterOfTheTable() throws IOException {
        String readme = Files.readString(Path.of("README.md"));
        for (String name : Stream.concat(ParameterTable.createTreatments().keySet().stream(),
                ParameterTable.joinTreatments().keySet().stream()).collect(Collectors.toList())) {
            String documented = name.startsWith("lockSettings") && !name.equals("lockSettingsDisableNote") ? "lockSettings*" : name;
            assertThat(readme).as("README parameter table names %s", name).contains("`" + documented + "`");
        }
    }
}
