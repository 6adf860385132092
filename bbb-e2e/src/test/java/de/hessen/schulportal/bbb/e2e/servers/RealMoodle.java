// SPDX-License-Identifier: Apache-2.0
package de.hessen.schulportal.bbb.e2e.servers;

import de.hessen.schulportal.bbb.testsupport.Prerequisites;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * One real Moodle (with its PostgreSQL) for the whole test run, shared by every test class that
 * uses this extension: installed once on first use (about 40 s), stopped and deleted when the run
 * ends. Injects {@link MoodleSite} into test constructors and methods. Where the archive, PHP or
 * PostgreSQL is missing, the class fails with {@code CI=true} and is skipped with the reason
 * elsewhere ({@link Prerequisites#unavailable}).
 *
 * <p>The archive is {@code BBB_MOODLE_ARCHIVE}, or {@code ../shared/moodle/moodle-4.5.6.tar.xz}
 * beside the repository root (system property {@code bbb.e2e.repository}, set by the module's pom).
 */
public final class RealMoodle implements BeforeAllCallback, ParameterResolver {
    /** The administrator's password of the test site. */
    public static final String ADMIN_PASSWORD = "E2e-Admin-pass1!";
    private static final ExtensionContext.Namespace NS = ExtensionContext.Namespace.create(RealMoodle.class);

    @Override
    public void beforeAll(ExtensionContext context) {
        Holder holder = context.getRoot().getStore(NS).getOrComputeIfAbsent(Holder.class, k -> new Holder(), Holder.class);
        if (holder.unavailable != null) {
            Prerequisites.unavailable(holder.unavailable);
        }
        if (holder.failure != null) {
            throw new IllegalStateException("the real Moodle could not be installed (first failure attached)", holder.failure);
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == MoodleSite.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return context.getRoot().getStore(NS).get(Holder.class, Holder.class).site;
    }

    /**
     * Where the Moodle archive is expected.
     *
     * @return {@code BBB_MOODLE_ARCHIVE} or the shared folder beside the repository
     */
    public static Path archive() {
        String env = System.getenv("BBB_MOODLE_ARCHIVE");
        if (env != null && !env.isBlank()) {
            return Path.of(env);
        }
        String repo = System.getProperty("bbb.e2e.repository", Path.of("").toAbsolutePath().getParent().toString());
        return Path.of(repo).toAbsolutePath().normalize().resolveSibling("shared").resolve("moodle").resolve("moodle-4.5.6.tar.xz");
    }

    /** Starts once; closed by JUnit at the end of the run (the root store closes what it holds). */
    private static final class Holder implements AutoCloseable {
        private String unavailable;
        private RuntimeException failure;
        private PostgresCluster db;
        private MoodleSite site;

        Holder() {
            Path archive = archive();
            Optional<String> reason = MoodleSite.unavailableReason(archive).or(PostgresCluster::unavailableReason);
            if (reason.isPresent()) {
                unavailable = reason.get();
                // Surefire does not print why a class was skipped; this line says it once.
                System.out.println("[bbb-e2e] real Moodle unavailable: " + unavailable);
                return;
            }
            try {
                long t = System.nanoTime();
                db = PostgresCluster.start();
                Duration pg = Duration.ofNanos(System.nanoTime() - t);
                Path work = Path.of(System.getProperty("bbb.e2e.work", "target/e2e")).resolve("moodle-site");
                site = MoodleSite.install(archive, work, db, ADMIN_PASSWORD);
                Map<String, Duration> timings = site.timings();
                System.out.println("[bbb-e2e] real Moodle 4.5.6: PostgreSQL " + seconds(pg) + ", "
                        + timings.entrySet().stream().map(e -> e.getKey() + " " + seconds(e.getValue())).collect(Collectors.joining(", "))
                        + " (once per build)");
            } catch (RuntimeException e) {
                failure = e;
                close();
            }
        }

        private static String seconds(Duration d) {
            return String.format(Locale.ROOT, "%.1f s", d.toMillis() / 1000.0);
        }

        /** Idempotent: a failed install closes at once, JUnit closes again at the end of the run. */
        @Override
        public synchronized void close() {
            try {
                if (site != null) {
                    site.close();
                }
            } finally {
                site = null;
                if (db != null) {
                    db.close();
                }
                db = null;
            }
        }
    }
}
