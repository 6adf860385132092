// SPDX-License-Identifier: Apache-2.0
package de.hessen.schulportal.bbb.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;

/**
 * A loopback port that refuses every connection for as long as this object is open.
 *
 * <p>It holds a bound socket that never listens: a connection to the port is refused at once, and
 * no other process can bind the port meanwhile. (Closing a {@code ServerSocket} and using its port
 * afterwards is a race on a busy machine: another test's server may take the port and answer.)
 */
public final class RefusedPort implements AutoCloseable {
    private final Socket socket = new Socket();

    /** Reserves a free loopback port. */
    public RefusedPort() {
        try {
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** @return the port number */
    public int port() {
        return socket.getLocalPort();
    }

    /** @return {@code http://127.0.0.1:<port>/bigbluebutton/}, a BigBlueButton base URL nobody answers */
    public String baseUrl() {
        return "http://127.0.0.1:" + port() + "/bigbluebutton/";
    }

    /** Releases the port. */
    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
