// SPDX-License-Identifier: Apache-2.0
package de.hessen.schulportal.bbb.spring;

import static org.assertj.core.api.Assertions.assertThat;

import de.hessen.schulportal.bbb.testsupport.JavadocContract;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The Javadoc rule of the starter's published API. Its javadoc runs doclint with every group, but JDK 17's
 * doclint does not see a public class's implicit default constructor (public API with no comment, such as a
 * {@code @ConfigurationProperties} bean's); {@link JavadocContract} does.
 */
class JavadocContractTest {
    @Test
    void publishedApi_isDocumented_constructorsToo() throws IOException {
        assertThat(JavadocContract.problems(Path.of("src/main/java"))).as("undocumented public API of the starter").isEmpty();
    }
}
