// SPDX-License-Identifier: Apache-2.0
package de.hessen.schulportal.bbb.portal;

import static org.assertj.core.api.Assertions.assertThat;

import de.hessen.schulportal.bbb.testsupport.JavadocContract;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The Javadoc rule of bbb-portal-adapter's published API: javadoc runs doclint without its {@code missing}
 * group (bbb-portal-adapter/pom.xml), and {@link JavadocContract} puts back everything that group checked, except
 * {@code @param}/{@code @return} on builder setters, which each builder's class comment documents once.
 */
class JavadocContractTest {
    @Test
    void publishedApi_isDocumented_builderSettersByTheirClassContract() throws IOException {
        assertThat(JavadocContract.problems(Path.of("src/main/java"))).as("undocumented public API of bbb-portal-adapter").isEmpty();
    }
}
