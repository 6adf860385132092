// SPDX-License-Identifier: Apache-2.0
package de.hessen.schulportal.bbb.e2e.servers;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.UserPrincipal;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * A private PostgreSQL 15 cluster for one test run: {@code initdb} into a fresh temporary directory,
 * {@code pg_ctl start} on a free port of 127.0.0.1 (its Unix socket in that directory, so it meets no
 * other cluster on the machine), trust authentication, durability off (a test database is thrown
 * away). Run as the {@code postgres} user when the JVM runs as root, as CI does. {@link #close()}
 * stops it and deletes its files. Thread-safe.
 */
public final class PostgresCluster implements AutoCloseable {
    /** Debian's place for PostgreSQL 15's programs. */
    public static final Path BIN = Path.of("/usr/lib/postgresql/15/bin");
    private static final Duration BOUND = Duration.ofMinutes(2);

    private final Path dir;
    private final String user;
    private final int port;

    private PostgresCluster(Path dir, String user, int port) {
        this.dir = dir;
        this.user = user;
        this.port = port;
    }

    /**
     * Why PostgreSQL 15 cannot run here, if it cannot.
     *
     * @return the reason, or empty when its programs are installed
     */
    public static Optional<String> unavailableReason() {
        if (!Files.isExecutable(BIN.resolve("initdb")) || !Files.isExecutable(BIN.resolve("pg_ctl"))) {
            return Optional.of("PostgreSQL 15 is not installed (.ci/run installs it: apt-get install -y postgresql-15)");
        }
        if (!Files.isExecutable(Path.of("/usr/bin/psql"))) {
            return Optional.of("psql is not installed (apt-get install -y postgresql-client-15)");
        }
        return Optional.empty();
    }

    /**
     * Creates and starts a cluster.
     *
     * @return the running cluster
     * @throws IllegalStateException if initdb or pg_ctl fail
     */
    public static PostgresCluster start() {
        String user = "root".equals(System.getProperty("user.name")) ? "postgres" : null;
        try {
            Path dir = Files.createTempDirectory("bbb-e2e-pg-");
            if (user != null) {
                UserPrincipal owner = dir.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName(user);
                Files.setOwner(dir, owner);
            }
            int port = FreePort.find();
            PostgresCluster cluster = new PostgresCluster(dir, user, port);
            Command.as(user, List.of(BIN.resolve("initdb").toString(), "-D", dir.resolve("data").toString(), "-A", "trust",
                    "-U", "postgres", "-E", "UTF8", "--locale=C.UTF-8", "--no-sync")).in(dir).run(BOUND);
            Command.as(user, List.of(BIN.resolve("pg_ctl").toString(), "-D", dir.resolve("data").toString(), "-l",
                    dir.resolve("server.log").toString(), "-w", "-t", "60", "-o",
                    "-p " + port + " -k " + dir + " -c listen_addresses=127.0.0.1 -c fsync=off"
                            + " -c synchronous_commit=off -c full_page_writes=off", "start")).in(dir).run(BOUND);
            return cluster;
        } catch (IOException e) {
            throw new UncheckedIOException("could not prepare a PostgreSQL cluster", e);
        }
    }

    /**
     * The TCP port on 127.0.0.1.
     *
     * @return the port
     */
    public int port() {
        return port;
    }

    /**
     * Creates a login role and a UTF-8 database it owns (from {@code template0}, as Moodle wants).
     *
     * @param database the database name
     * @param role the role name
     * @param password its password (trust authentication accepts any; Moodle's installer wants one)
     */
    public void createDatabase(String database, String role, String password) {
        sql("postgres", "CREATE ROLE " + role + " LOGIN PASSWORD '" + password + "'");
        sql("postgres", "CREATE DATABASE " + database + " OWNER " + role + " ENCODING 'UTF8' TEMPLATE template0");
    }

    /**
     * Runs SQL with {@code psql} as the superuser and returns the rows unaligned, one per line, fields
     * separated by {@code |}, without headers.
     *
     * @param database the database
     * @param sql one or more statements
     * @return the output, trimmed
     * @throws IllegalStateException if psql fails
     */
    public String sql(String database, String sql) {
        return Command.of("psql", "-X", "-q", "-t", "-A", "-v", "ON_ERROR_STOP=1", "-h", "127.0.0.1", "-p",
                String.valueOf(port), "-U", "postgres", "-d", database, "-c", sql).run(BOUND).trim();
    }

    /** Stops the cluster at once and deletes its files. */
    @Override
    public void close() {
        try {
            Command.as(user, List.of(BIN.resolve("pg_ctl").toString(), "-D", dir.resolve("data").toString(), "-m",
                    "immediate", "-w", "stop")).in(dir).run(BOUND);
        } finally {
            Files2.deleteTree(dir);
        }
    }

    @Override
    public String toString() {
        return "PostgresCluster[127.0.0.1:" + port + "]";
    }
}
