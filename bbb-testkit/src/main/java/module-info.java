// SPDX-License-Identifier: Apache-2.0
/**
 * An embedded, stateful simulator of the BigBlueButton HTTP API (bbb-web, or Scalelite in front of
 * several servers) for tests, built on the JDK only.
 *
 * <p>Start at {@link de.hessen.schulportal.bbb.testkit.BbbSimulator}; JUnit 5 users add
 * {@link de.hessen.schulportal.bbb.testkit.BbbSimulatorExtension}.
 */
// Immutables is an automatic module, needed only while compiling (requires static).
@SuppressWarnings("requires-automatic")
module de.hessen.schulportal.bbb.testkit {
    requires static org.immutables.value;
    requires java.net.http;
    requires java.xml;
    // Optional: only BbbSimulatorExtension needs JUnit. Not transitive: that would make JUnit
    // mandatory at compile time for every module that requires the testkit, JUnit user or not.
    requires static org.junit.jupiter.api;

    exports de.hessen.schulportal.bbb.testkit;
}
