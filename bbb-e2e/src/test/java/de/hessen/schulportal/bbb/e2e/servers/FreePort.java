// SPDX-License-Identifier: Apache-2.0
package de.hessen.schulportal.bbb.e2e.servers;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;

/** A free TCP port on 127.0.0.1 for servers that cannot be told to pick one themselves (PHP, PostgreSQL). */
public final class FreePort {
    private FreePort() {
    }

    /**
     * A port that was free a moment ago.
     *
     * @return the port
     */
    public static int find() {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free port on 127.0.0.1", e);
        }
    }
}
