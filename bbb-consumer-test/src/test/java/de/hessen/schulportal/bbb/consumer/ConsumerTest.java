// SPDX-License-Identifier: Apache-2.0
package de.hessen.schulportal.bbb.consumer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Runs {@link ConsumerMain} in a fresh JVM from the packaged jars, once on the module path (where
 * every {@code requires} and {@code exports} must be right) and once on the class path.
 */
class ConsumerTest {
    /** The runtime jars: the SDK's and its dependencies', without the test tooling. */
    private static List<String> runtimeJars() {
        String consumerJar = System.getProperty("consumer.jar");
        List<String> jars = new ArrayList<>();
        jars.add(consumerJar);
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            String name = Path.of(entry).getFileName().toString();
            if (name.matches("(bbb-client|bbb-testkit|bbb-portal-adapter|jackson-.*|woodstox-core|stax2-api|slf4j-api|icu4j)-.*\\.jar")
                    || entry.replace(File.separatorChar, '/').matches(".*/bbb-(client|testkit|portal-adapter)/target/classes/?")) {
                jars.add(entry);
            }
        }
        return jars;
    }

    private static String run(List<String> command) throws Exception {
        List<String> full = new ArrayList<>();
        full.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        full.addAll(command);
        Process p = new ProcessBuilder(full).redirectErrorStream(true).start();
        boolean done = p.waitFor(60, TimeUnit.SECONDS);
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(done).as("consumer finished: %s", out).isTrue();
        assertThat(p.exitValue()).as("exit code, output: %s", out).isZero();
        return out;
    }

    @Test
    void runsOnTheModulePath() throws Exception {
        String modulePath = String.join(File.pathSeparator, runtimeJars());
        String out = run(Arrays.asList("--module-path", modulePath, "--module",
                "de.hessen.schulportal.bbb.consumer/de.hessen.schulportal.bbb.consumer.ConsumerMain"));
        assertThat(out).contains("consumer ok on the module path: participants=1 adapter=SESSION/MODERATOR started=true pseudonymous=true");
    }

    @Test
    void runsOnTheClassPath() throws Exception {
        String classPath = runtimeJars().stream().collect(Collectors.joining(File.pathSeparator));
        String out = run(Arrays.asList("-cp", classPath, "de.hessen.schulportal.bbb.consumer.ConsumerMain"));
        assertThat(out).contains("consumer ok on the class path: participants=1 adapter=SESSION/MODERATOR started=true pseudonymous=true");
    }
}
