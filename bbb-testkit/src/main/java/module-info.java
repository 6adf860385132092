/**
 * An embedded, stateful simulator of the BigBlueButton HTTP API for tests, built on the JDK's
 * {@code com.sun.net.httpserver} only.
 *
 * <p>Start at {@link de.hessen.schulportal.bbb.testkit.BbbSimulator}; JUnit 5 users add
 * {@link de.hessen.schulportal.bbb.testkit.BbbSimulatorExtension}.
 */
module de.hessen.schulportal.bbb.testkit {
    requires jdk.httpserver;
    requires java.net.http;
    requires java.xml;
    // Optional: only BbbSimulatorExtension needs JUnit, and its API exposes JUnit types, hence transitive.
    requires static transitive org.junit.jupiter.api;

    exports de.hessen.schulportal.bbb.testkit;
}
