// SPDX-License-Identifier: Apache-2.0
package de.hessen.schulportal.bbb.testsupport;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assertions;

/**
 * Runs a child process (a Maven build, gpg) the one way the build's tests do: output to a file, this JVM's
 * {@code JAVA_HOME}, none of the outer build's {@code MAVEN_ARGS} or GnuPG passphrase, and a guard against
 * a hang that is no performance limit. Used by bbb-consumer-test and bbb-release-check. Thread-safe (no
 * state).
 */
public final class ChildProcess {
    /**
     * What the process left.
     *
     * @param exitValue its exit code
     * @param output everything it printed, stdout and stderr together
     */
    public record Result(int exitValue, String output) {
    }

    private ChildProcess() {
    }

    /**
     * The {@code mvn} of the Maven running this build, from the system property {@code maven.home} that the
     * module's Surefire configuration passes on.
     *
     * @return the path of the {@code mvn} script ({@code mvn.cmd} on Windows)
     */
    public static String mvn() {
        return Path.of(System.getProperty("maven.home"), "bin", File.separatorChar == '\\' ? "mvn.cmd" : "mvn").toString();
    }

    /**
     * Runs the command to its end and fails the test if it did not finish within ten minutes (a guard
     * against a hang, not a performance limit); it does not judge the exit code.
     *
     * @param dir the working directory
     * @param command the program and its arguments
     * @param output the file the output goes to (stdout and stderr together)
     * @param env variables to set on top of this JVM's
     * @param what how a failure message names the process
     * @return the exit code and the output
     * @throws IOException if the process cannot start or its output cannot be read
     * @throws InterruptedException if the test is interrupted while waiting
     */
    public static Result run(Path dir, List<String> command, Path output, Map<String, String> env, String what)
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
        Assertions.assertTrue(done, () -> what + " finished; output:\n" + text);
        return new Result(p.exitValue(), text);
    }
}
