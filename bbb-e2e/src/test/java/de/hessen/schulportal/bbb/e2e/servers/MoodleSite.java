// SPDX-License-Identifier: Apache-2.0
package de.hessen.schulportal.bbb.e2e.servers;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A stock Moodle from its release archive, installed with its own CLI installer on PostgreSQL and
 * served by PHP's built-in server on 127.0.0.1. Moodle is GPL test data: it is unpacked under the
 * given work directory (the module's {@code target/}) and never copied anywhere else. {@link #close()}
 * stops PHP and deletes the unpacked code and the data directory. Thread-safe for reading; one test
 * at a time changes its configuration.
 */
public final class MoodleSite implements AutoCloseable {
    /** The Moodle administrator's login. */
    public static final String ADMIN = "admin";
    private static final String DATABASE = "moodle";
    /** Only a hang detector: installing takes about 40 s on two idle cores, minutes on a crowded machine. */
    private static final Duration CLI_BOUND = Duration.ofMinutes(20);

    private final Path work;
    private final Path code;
    private final PostgresCluster db;
    private final int port;
    private final Process php;
    private final Map<String, Duration> timings;

    private MoodleSite(Path work, Path code, PostgresCluster db, int port, Process php, Map<String, Duration> timings) {
        this.work = work;
        this.code = code;
        this.db = db;
        this.port = port;
        this.php = php;
        this.timings = timings;
    }

    /**
     * Why Moodle cannot run here, if it cannot: the archive or PHP with the extensions Moodle needs.
     *
     * @param archive where the archive should be
     * @return the reason, or empty
     */
    public static Optional<String> unavailableReason(Path archive) {
        if (!Files.isRegularFile(archive)) {
            return Optional.of("the Moodle archive is not at " + archive
                    + " (CI has shared/ beside the clone; elsewhere set BBB_MOODLE_ARCHIVE)");
        }
        String modules;
        try {
            modules = Command.of("php", "-m").run(Duration.ofSeconds(30));
        } catch (RuntimeException e) {
            return Optional.of("PHP is not installed (.ci/run installs php8.2-cli and its extensions)");
        }
        List<String> missing = new ArrayList<>();
        for (String m : List.of("pgsql", "xml", "mbstring", "curl", "zip", "gd", "intl", "soap")) {
            if (!modules.lines().anyMatch(l -> l.trim().equalsIgnoreCase(m))) {
                missing.add(m);
            }
        }
        return missing.isEmpty() ? Optional.empty()
                : Optional.of("PHP lacks the extensions " + missing + " (.ci/run installs php8.2-" + String.join(", php8.2-", missing) + ")");
    }

    /**
     * Unpacks the archive, installs Moodle into a fresh database of the cluster and starts serving it.
     *
     * @param archive the release archive ({@code .tar.xz}, the Moodle tree at its root)
     * @param work an empty or missing directory for the code, the data directory and the logs
     * @param db the database cluster
     * @param adminPassword the administrator's password
     * @return the running site
     * @throws IllegalStateException if a step fails, with the end of its output
     */
    public static MoodleSite install(Path archive, Path work, PostgresCluster db, String adminPassword) {
        Map<String, Duration> timings = new LinkedHashMap<>();
        try {
            Files2.deleteTree(work);
            Path code = Files.createDirectories(work.resolve("moodle"));
            Path data = Files.createDirectories(work.resolve("moodledata"));
            long t = System.nanoTime();
            Command.of("tar", "-xJf", archive.toString(), "-C", code.toString()).run(CLI_BOUND);
            timings.put("unpack", Duration.ofNanos(System.nanoTime() - t));

            db.createDatabase(DATABASE, "moodle", "moodle-db-pass");
            int port = FreePort.find();
            t = System.nanoTime();
            php(code, "admin/cli/install.php", "--non-interactive", "--agree-license", "--lang=en",
                    "--wwwroot=http://127.0.0.1:" + port, "--dataroot=" + data, "--dbtype=pgsql", "--dbhost=127.0.0.1",
                    "--dbport=" + db.port(), "--dbname=" + DATABASE, "--dbuser=moodle", "--dbpass=moodle-db-pass",
                    "--prefix=mdl_", "--fullname=E2E Schule", "--shortname=e2e", "--adminuser=" + ADMIN,
                    "--adminpass=" + adminPassword, "--adminemail=admin@e2e.invalid");
            timings.put("install", Duration.ofNanos(System.nanoTime() - t));

            // Several workers: a request of Moodle's may wait for a call back into Moodle (slides). In a
            // process group of its own (setsid), so close() can stop the workers with their parent.
            Process server = Command.of("setsid", "php", "-d", "max_input_vars=5000", "-S", "127.0.0.1:" + port, "-t", code.toString())
                    .in(code).env(Map.of("PHP_CLI_SERVER_WORKERS", "4")).start(work.resolve("php-server.log"));
            MoodleSite site = new MoodleSite(work, code, db, port, server, timings);
            site.awaitServing();
            return site;
        } catch (IOException e) {
            throw new UncheckedIOException("could not prepare " + work, e);
        }
    }

    private void awaitServing() {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (true) {
            try {
                HttpResponse<Void> r = http.send(HttpRequest.newBuilder(URI.create(wwwroot() + "/login/index.php"))
                        .timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.discarding());
                if (r.statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // Not listening yet.
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for PHP", e);
            }
            if (!php.isAlive() || System.nanoTime() > deadline) {
                close();
                throw new IllegalStateException("PHP's server did not serve Moodle within 60 s (see " + work.resolve("php-server.log") + ")");
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for PHP", e);
            }
        }
    }

    /**
     * Moodle's address, as configured at install ({@code $CFG->wwwroot}), without a trailing slash.
     *
     * @return e.g. {@code http://127.0.0.1:41234}
     */
    public String wwwroot() {
        return "http://127.0.0.1:" + port;
    }

    /**
     * What Moodle's address looks like inside URLs: host and port.
     *
     * @return e.g. {@code 127.0.0.1:41234}
     */
    public String hostAndPort() {
        return "127.0.0.1:" + port;
    }

    /**
     * How long unpacking and installing took.
     *
     * @return step name to duration, in order
     */
    public Map<String, Duration> timings() {
        return Collections.unmodifiableMap(timings);
    }

    /**
     * Sets a site setting with {@code admin/cli/cfg.php}, as an administrator would.
     *
     * @param name the setting, e.g. {@code bigbluebuttonbn_checksum_algorithm}
     * @param value its value
     */
    public void config(String name, String value) {
        php(code, "admin/cli/cfg.php", "--name=" + name, "--set=" + value);
    }

    /** Empties Moodle's caches: stands for the 5 minutes recording data stays cached. */
    public void purgeCaches() {
        php(code, "admin/cli/purge_caches.php");
    }

    /**
     * Runs one scheduled task now, as cron would.
     *
     * @param taskClass e.g. {@code \mod_bigbluebuttonbn\task\check_pending_recordings}
     * @return the task's output
     */
    public String runScheduledTask(String taskClass) {
        return php(code, "admin/cli/scheduled_task.php", "--execute=" + taskClass);
    }

    /** Runs the queued ad-hoc tasks now, as cron would. */
    public void runAdhocTasks() {
        php(code, "admin/cli/adhoc_task.php", "--execute");
    }

    /**
     * Runs one of our own CLI scripts (a resource under {@code /moodle/} of the test class path)
     * inside Moodle: it is copied into Moodle's root for the run.
     *
     * @param script the file name, e.g. {@code e2e_setup.php}
     * @param args its arguments
     * @return its output
     */
    public String runScript(String script, String... args) {
        try (InputStream in = MoodleSite.class.getResourceAsStream("/moodle/" + script)) {
            if (in == null) {
                throw new IllegalArgumentException("no test resource /moodle/" + script);
            }
            Files.copy(in, code.resolve(script), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("could not copy " + script, e);
        }
        List<String> all = new ArrayList<>(List.of(script));
        all.addAll(List.of(args));
        return php(code, all.toArray(String[]::new));
    }

    /**
     * Runs SQL on Moodle's database ({@link PostgresCluster#sql}).
     *
     * @param sql the statements
     * @return the rows, one a line, fields separated by {@code |}
     */
    public String sql(String sql) {
        return db.sql(DATABASE, sql);
    }

    private static String php(Path code, String... args) {
        List<String> argv = new ArrayList<>(List.of("php", "-d", "max_input_vars=5000"));
        argv.addAll(List.of(args));
        return Command.of(argv.toArray(String[]::new)).in(code).run(CLI_BOUND);
    }

    /** Stops PHP's server and deletes Moodle's code and data (the database goes with its cluster). */
    @Override
    public void close() {
        // PHP's server forks its workers and respawns them; a worker outlives a killed parent. The
        // whole process group goes: TERM, then KILL for what is left after a while.
        String group = "-" + php.pid();
        signal("-TERM", group);
        try {
            if (!php.waitFor(10, TimeUnit.SECONDS)) {
                php.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        signal("-KILL", group);
        Files2.deleteTree(work);
    }

    private static void signal(String signal, String group) {
        try {
            Command.of("kill", signal, "--", group).run(Duration.ofSeconds(30));
        } catch (IllegalStateException e) {
            // No such process group any more: nothing left to stop.
        }
    }

    @Override
    public String toString() {
        return "MoodleSite[" + wwwroot() + "]";
    }
}
