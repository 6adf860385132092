// SPDX-License-Identifier: Apache-2.0
/**
 * Runnable examples of the BigBlueButton Java SDK: the quick starts, the school-morning demo, the
 * Moodle bridge, the callback receiver and the operations tool. Not published. A named module so
 * that its Javadoc links into the client's, adapter's and testkit's.
 */
module de.hessen.schulportal.bbb.examples {
    requires transitive de.hessen.schulportal.bbb.portal;
    requires transitive de.hessen.schulportal.bbb.testkit;
    requires java.net.http;
    requires jdk.httpserver;
    requires org.slf4j;

    exports de.hessen.schulportal.bbb.examples;
}
