// SPDX-License-Identifier: Apache-2.0
package de.hessen.schulportal.bbb.testsupport;

import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.slf4j.ILoggerFactory;
import org.slf4j.IMarkerFactory;
import org.slf4j.Logger;
import org.slf4j.Marker;
import org.slf4j.event.Level;
import org.slf4j.helpers.BasicMarkerFactory;
import org.slf4j.helpers.LegacyAbstractLogger;
import org.slf4j.helpers.MessageFormatter;
import org.slf4j.helpers.NOPMDCAdapter;
import org.slf4j.spi.MDCAdapter;
import org.slf4j.spi.SLF4JServiceProvider;

/**
 * An SLF4J binding for tests: every logger is enabled at TRACE and every formatted line (with the
 * stack traces of attached exceptions) is kept, so tests can prove what never appears in a log.
 */
public final class CapturingLoggerProvider implements SLF4JServiceProvider {
    /** Every line logged since the JVM started or the last {@link #clear()}; O(1) appends for load tests. */
    private static final Queue<String> LINES = new ConcurrentLinkedQueue<>();

    private final ConcurrentHashMap<String, Logger> loggers = new ConcurrentHashMap<>();
    private final ILoggerFactory factory = name -> loggers.computeIfAbsent(name, CapturingLogger::new);
    private final IMarkerFactory markers = new BasicMarkerFactory();
    private final MDCAdapter mdc = new NOPMDCAdapter();

    /**
     * The captured lines.
     *
     * @return a snapshot
     */
    public static List<String> lines() {
        return List.copyOf(LINES);
    }

    /** Forgets the captured lines. */
    public static void clear() {
        LINES.clear();
    }

    @Override
    public ILoggerFactory getLoggerFactory() {
        return factory;
    }

    @Override
    public IMarkerFactory getMarkerFactory() {
        return markers;
    }

    @Override
    public MDCAdapter getMDCAdapter() {
        return mdc;
    }

    @Override
    public String getRequestedApiVersion() {
        return "2.0.99";
    }

    @Override
    public void initialize() {
        // Nothing to set up: loggers are created on demand.
    }

    /**
     * Logger name prefixes held at INFO instead of TRACE, from the system property
     * {@code bbb.logguard.infoOnly} (comma-separated). Only for a third-party server's wire trace
     * (Jetty's DEBUG prints every raw request line, checksum included, before any handler of ours
     * runs), which a service runs at WARN in production; INFO and above stay captured and guarded.
     */
    private static final List<String> INFO_ONLY = List.of(System.getProperty("bbb.logguard.infoOnly", "").split(","))
            .stream().map(String::strip).filter(p -> !p.isEmpty()).collect(java.util.stream.Collectors.toUnmodifiableList());

    private static final class CapturingLogger extends LegacyAbstractLogger {
        private static final long serialVersionUID = 1L;

        private final boolean verbose;

        CapturingLogger(String name) {
            this.name = name;
            this.verbose = INFO_ONLY.stream().noneMatch(name::startsWith);
        }

        @Override
        protected String getFullyQualifiedCallerName() {
            return null;
        }

        @Override
        protected void handleNormalizedLoggingCall(Level level, Marker marker, String pattern, Object[] args,
                Throwable throwable) {
            StringBuilder line = new StringBuilder().append(level).append(' ').append(name).append(" - ")
                    .append(MessageFormatter.basicArrayFormat(pattern, args));
            for (Throwable t = throwable; t != null; t = t.getCause()) {
                line.append(" | ").append(t);
            }
            LINES.add(line.toString());
        }

        // LegacyAbstractLogger answers the Marker variants from these.
        @Override
        public boolean isTraceEnabled() {
            return verbose;
        }

        @Override
        public boolean isDebugEnabled() {
            return verbose;
        }

        @Override
        public boolean isInfoEnabled() {
            return true;
        }

        @Override
        public boolean isWarnEnabled() {
            return true;
        }

        @Override
        public boolean isErrorEnabled() {
            return true;
        }
    }
}
