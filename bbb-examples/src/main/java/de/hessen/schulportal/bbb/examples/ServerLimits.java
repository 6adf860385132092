// SPDX-License-Identifier: Apache-2.0
package de.hessen.schulportal.bbb.examples;

/**
 * Time and size limits for the JDK {@code HttpServer}s the examples start (the Moodle bridge, the
 * callback receiver). The JDK server has no timeouts by default: a few clients that never finish
 * their request would hold its threads for ever. Its limits are system properties, read once when
 * the first server of the JVM starts, so {@link #apply()} runs before any example server (and the
 * embedded simulator) is created. Values set on the command line win.
 *
 * <p>A deployment puts a reverse proxy in front that terminates TLS and enforces its own limits;
 * these keep the examples safe on their own.
 */
final class ServerLimits {
    /** Seconds a client may take to send its request headers and body. */
    static final int MAX_REQUEST_SECONDS = 10;
    /** Seconds the server may take to send its answer. */
    static final int MAX_RESPONSE_SECONDS = 10;
    /** Seconds an idle keep-alive connection stays open. */
    static final int IDLE_SECONDS = 30;
    /** Request headers per request. */
    static final int MAX_HEADERS = 64;

    private ServerLimits() {
    }

    /** Sets the limits unless already set. Idempotent. */
    static void apply() {
        setIfAbsent("sun.net.httpserver.maxReqTime", MAX_REQUEST_SECONDS);
        setIfAbsent("sun.net.httpserver.maxRspTime", MAX_RESPONSE_SECONDS);
        setIfAbsent("sun.net.httpserver.idleInterval", IDLE_SECONDS);
        setIfAbsent("sun.net.httpserver.maxReqHeaders", MAX_HEADERS);
        setIfAbsent("sun.net.httpserver.maxIdleConnections", 64);
    }

    private static void setIfAbsent(String name, int value) {
        if (System.getProperty(name) == null) {
            System.setProperty(name, Integer.toString(value));
        }
    }
}
