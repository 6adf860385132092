// SPDX-License-Identifier: Apache-2.0
package de.hessen.schulportal.bbb.e2e.servers;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs the command-line tools of the servers under test (PostgreSQL's, PHP's, Moodle's CLI scripts),
 * bounded in time, output to a file (a full pipe cannot stall them). Failures name the program and
 * show the end of its output, never its arguments (they may carry secrets). Thread-safe.
 */
public final class Command {
    private final List<String> argv;
    private final Path dir;
    private final Map<String, String> env;

    private Command(List<String> argv, Path dir, Map<String, String> env) {
        this.argv = List.copyOf(argv);
        this.dir = dir;
        this.env = Map.copyOf(env);
    }

    /**
     * A command run as the given OS user: directly when the JVM already runs as that user, through
     * {@code runuser} when it runs as root (PostgreSQL refuses to run as root).
     *
     * @param user the user, e.g. {@code postgres}; null runs as the JVM's user
     * @param argv the program and its arguments
     * @return the command, run in the JVM's working directory with its environment
     */
    public static Command as(String user, List<String> argv) {
        List<String> all = new ArrayList<>();
        if (user != null && !user.equals(System.getProperty("user.name"))) {
            all.addAll(List.of("runuser", "-u", user, "--"));
        }
        all.addAll(argv);
        return new Command(all, null, Map.of());
    }

    /**
     * A command run as the JVM's user.
     *
     * @param argv the program and its arguments
     * @return the command
     */
    public static Command of(String... argv) {
        return new Command(List.of(argv), null, Map.of());
    }

    /**
     * The same command run in another directory.
     *
     * @param directory the working directory
     * @return a new command
     */
    public Command in(Path directory) {
        return new Command(argv, directory, env);
    }

    /**
     * The same command with extra environment variables.
     *
     * @param variables added to the JVM's environment
     * @return a new command
     */
    public Command env(Map<String, String> variables) {
        return new Command(argv, dir, variables);
    }

    /**
     * Runs the command to its end.
     *
     * @param bound how long it may run
     * @return its output (stdout and stderr together)
     * @throws IllegalStateException if it exits with another status than 0 or runs past the bound
     */
    public String run(Duration bound) {
        Path log = null;
        try {
            log = Files.createTempFile("bbb-e2e-", ".log");
            Process p = start(log);
            p.getOutputStream().close();
            boolean ended = p.waitFor(bound.toMillis(), TimeUnit.MILLISECONDS);
            if (!ended) {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly();
            }
            String out = Files.readString(log, StandardCharsets.UTF_8);
            if (!ended || p.exitValue() != 0) {
                throw new IllegalStateException(name() + (ended ? " exited with " + p.exitValue() : " ran past " + bound)
                        + "; its output ends with:\n" + tail(out));
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(name() + " could not run", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(name() + " interrupted", e);
        } finally {
            if (log != null) {
                try {
                    Files.deleteIfExists(log);
                } catch (IOException ignored) {
                    // A temporary file left behind is harmless.
                }
            }
        }
    }

    /**
     * Starts the command in the background (a server), its output to a file.
     *
     * @param log where stdout and stderr go
     * @return the running process; the caller stops it
     * @throws IOException if it cannot start
     */
    public Process start(Path log) throws IOException {
        ProcessBuilder pb = new ProcessBuilder(argv).redirectErrorStream(true).redirectOutput(log.toFile());
        if (dir != null) {
            pb.directory(dir.toFile());
        }
        pb.environment().putAll(env);
        return pb.start();
    }

    /** The program and, for PHP, the script: enough to know what failed, never a value. */
    private String name() {
        int i = argv.get(0).equals("runuser") ? 4 : 0;
        String program = argv.get(i);
        String script = argv.stream().skip(i + 1L).filter(a -> a.endsWith(".php")).findFirst().orElse("");
        return (program + " " + script).trim();
    }

    private static String tail(String out) {
        return out.length() <= 4000 ? out : "…" + out.substring(out.length() - 4000);
    }
}
