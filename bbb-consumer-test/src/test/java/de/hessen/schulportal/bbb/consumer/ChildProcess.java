// SPDX-License-Identifier: Apache-2.0
package de.hessen.schulportal.bbb.consumer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs a child process (a Maven build, gpg) the one way these tests do: output to a file, this JVM's
 * {@code JAVA_HOME}, none of the outer build's {@code MAVEN_ARGS} or GnuPG passphrase, and a guard
 * against a hang that is no performance limit.
 */
final class ChildProcess {
    /** What the process left: its exit code and everything it printed. */
    record Result(int exitValue, String output) {
    }

    private ChildProcess() {
    }

    /** @return the {@code mvn} of the Maven running this build */
    static String mvn() {
        return Path.of(System.getProperty("maven.home"), "bin", File.separatorChar == '\\' ? "mvn.cmd" : "mvn").toString();
    }

    /**
     * Runs the command and asserts that it finished (not that it succeeded).
     *
     * @param dir the working directory
     * @param command the command
     * @param output where its output goes
     * @param env variables to set on top of this JVM's
     * @param what how a failure message names the process
     * @return the exit code and the output
     */
    static Result run(Path dir, List<String> command, Path output, Map<String, String> env, String what)
            throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(output.toFile());
        pb.environment().put("JAVA_HOME", System.getProperty("java.home"));
        pb.environment().remove("MAVEN_ARGS");
        pb.environment().remove("MAVEN_GPG_PASSPHRASE");
        pb.environment().putAll(env);
        Process p = pb.start();
        boolean done = p.waitFor(10, TimeUnit.MINUTES);   // a guard against a hang, not a performance limit
        if (!done) {
            p.destroyForcibly();
        }
        String text = Files.readString(output, StandardCharsets.UTF_8);
        assertThat(done).as("%s finished; output:%n%s", what, text).isTrue();
        return new Result(p.exitValue(), text);
    }
}
