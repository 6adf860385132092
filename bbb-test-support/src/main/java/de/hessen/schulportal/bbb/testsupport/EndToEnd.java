// SPDX-License-Identifier: Apache-2.0
package de.hessen.schulportal.bbb.testsupport;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;

/**
 * Marks an end-to-end suite: a test class that starts real servers of its own (the real Moodle on PHP and
 * PostgreSQL, HAProxy in front of child gateways, headless Chromium, the gateway in its own JVM under attack)
 * and drives them over the network for as long as that takes.
 *
 * <p>It is the JUnit tag {@value #TAG}. Every module's {@code mvn verify} runs these classes after the rest, in
 * the surefire execution {@code e2e} (the root {@code pom.xml}): one JVM, so a server shared by several classes
 * starts once, and reports of their own in {@code target/surefire-reports-e2e}, so their time is counted apart
 * ({@code .ci/test-times}). {@code -DskipE2e} leaves them out, {@code -Dgroups=e2e} runs only them. Inherited by
 * subclasses.
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@Tag(EndToEnd.TAG)
public @interface EndToEnd {
    /** The JUnit tag, as the surefire executions select it. */
    String TAG = "e2e";
}
