// SPDX-License-Identifier: Apache-2.0
package de.hessen.schulportal.bbb.client.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import de.hessen.schulportal.bbb.testsupport.JavadocContract;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The Javadoc rule of the published API, which javadoc's doclint enforces everywhere else in the
 * build ({@code -Xdoclint:all}) and which bbb-client states once instead for builder setters.
 *
 * <p>bbb-client runs doclint without its {@code missing} group (bbb-client/pom.xml);
 * {@link JavadocContract} (bbb-test-support) puts back everything that group checked, except
 * {@code @param}/{@code @return} on builder setters, which the builder contract of their class and
 * package documents once.
 */
class JavadocContractTest {
    private static final Path MAIN = Path.of("src/main/java");

    @Test
    void publishedApi_isDocumented_builderSettersByTheirClassContract() throws IOException {
        try (Stream<Path> walk = Files.walk(MAIN)) {
            assertThat(walk.filter(p -> p.toString().endsWith(".java")).count()).isGreaterThan(50);
        }
        assertThat(JavadocContract.problems(MAIN)).as("undocumented public API of bbb-client").isEmpty();
    }
}
