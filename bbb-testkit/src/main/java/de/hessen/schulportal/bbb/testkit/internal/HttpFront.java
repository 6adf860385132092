// SPDX-License-Identifier: Apache-2.0
package de.hessen.schulportal.bbb.testkit.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * A small HTTP/1.1 server on loopback, one thread per connection, that bounds everything a peer
 * can make it hold: the request line (longer → 414, as nginx/Tomcat answer), the header block and
 * header count (→ 400), the body (→ 413), the number of open connections (more are closed at
 * once), and time: a connection that sends nothing for {@link Limits#idleTimeoutMs()} is closed,
 * and so is one whose request head does not arrive completely within that time (slow or half-open
 * peers). It writes the status line with the standard reason phrase ({@code 302 Found}) and answers
 * {@code HEAD} with the headers of the {@code GET} answer and no body. It replaces the JDK's
 * {@code com.sun.net.httpserver}, which can do neither of the last two and blocks a worker thread
 * on every half-open connection.
 */
public final class HttpFront implements AutoCloseable {
    /**
     * The bounds of the server.
     *
     * @param maxRequestLine bytes of the request line (method, target, version)
     * @param maxHeaderBytes bytes of all header lines together
     * @param maxHeaders     number of header lines
     * @param maxBody        bytes of a request body
     * @param maxConnections open connections at once
     * @param idleTimeoutMs  how long a connection may stay silent, and how long a request head may take
     */
    public record Limits(int maxRequestLine, int maxHeaderBytes, int maxHeaders, int maxBody, int maxConnections,
                         long idleTimeoutMs) {
        /** The limits of the simulator unless a test sets another idle timeout. */
        public static Limits defaults() {
            return new Limits(64 * 1024, 64 * 1024, 100, 16 * 1024 * 1024, 1000, 20_000);
        }

        /** These limits with another idle timeout. */
        public Limits withIdleTimeout(long ms) {
            return new Limits(maxRequestLine, maxHeaderBytes, maxHeaders, maxBody, maxConnections, ms);
        }
    }

    /**
     * One parsed request.
     *
     * @param method   the method as sent
     * @param rawPath  the path, still percent-encoded
     * @param rawQuery the query string exactly as sent, or {@code null} when the target had no {@code ?}
     * @param headers  header values by lower-case name (the first of repeated headers)
     * @param body     the body, empty when none
     */
    public record Request(String method, String rawPath, String rawQuery, Map<String, String> headers, byte[] body) {
        /** A header by lower-case name, or null. */
        public String header(String lowerCaseName) {
            return headers.get(lowerCaseName);
        }
    }

    private final Limits limits;
    private final HttpReader reader;
    private final Function<Request, ApiResponse> handler;
    private final ServerSocket serverSocket;
    private final Semaphore connectionSlots;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private final Set<Socket> held = ConcurrentHashMap.newKeySet();
    private final AtomicInteger threadNumber = new AtomicInteger();
    private final Thread acceptor;
    private volatile boolean closed;

    /**
     * Binds to {@code 127.0.0.1:port}; call {@link #start()} to serve.
     *
     * @throws java.net.BindException if the port is taken
     */
    public HttpFront(int port, Limits limits, Function<Request, ApiResponse> handler) throws IOException {
        this.limits = limits;
        this.reader = new HttpReader(limits);
        this.handler = handler;
        this.connectionSlots = new Semaphore(limits.maxConnections());
        ServerSocket socket = new ServerSocket();
        try {
            socket.setReuseAddress(false);
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 1024);
        } catch (IOException e) {
            socket.close();
            throw e;
        }
        this.serverSocket = socket;
        this.acceptor = new Thread(this::acceptLoop, "bbb-simulator-accept-" + port());
        acceptor.setDaemon(true);
    }

    /** Starts accepting connections. */
    public void start() {
        acceptor.start();
    }

    /** The bound port. */
    public int port() {
        return serverSocket.getLocalPort();
    }

    /** How many connections are open now (held ones included). */
    public int openConnections() {
        return open.size();
    }

    /** Closes every connection held by {@link ApiResponse#HOLD}. */
    public void releaseHeld() {
        for (Socket s : held) {
            held.remove(s);
            closeQuietly(s);
        }
    }

    private void acceptLoop() {
        while (!closed) {
            Socket socket;
            try {
                socket = serverSocket.accept();
            } catch (IOException e) {
                if (closed) {
                    return;
                }
                continue;
            }
            if (!connectionSlots.tryAcquire()) {
                closeQuietly(socket); // at the bound: refuse rather than queue
                continue;
            }
            open.add(socket);
            // A small stack: hundreds of silent connections must not cost hundreds of megabytes.
            Thread t = new Thread(null, () -> serve(socket), "bbb-simulator-" + threadNumber.incrementAndGet(),
                    256 * 1024);
            t.setDaemon(true);
            t.start();
        }
    }

    private void serve(Socket socket) {
        boolean keep = false;
        try {
            socket.setTcpNoDelay(true);
            HttpReader.Input in = new HttpReader.Input(socket.getInputStream());
            OutputStream out = socket.getOutputStream();
            boolean keepAlive = true;
            while (keepAlive && !closed) {
                Request request;
                try {
                    request = reader.read(socket, in, out);
                } catch (HttpReader.Refused r) {
                    write(out, "GET", ApiResponse.html(r.status, r.status + " " + reason(r.status)), false);
                    return;
                }
                if (request == null) {
                    return; // the peer closed or stayed silent
                }
                keepAlive = wantsKeepAlive(request);
                ApiResponse response = handler.apply(request);
                if (response == ApiResponse.DROP) {
                    return;
                }
                if (response == ApiResponse.HOLD) {
                    held.add(socket);
                    keep = true;
                    if (closed) {
                        held.remove(socket);
                        keep = false;
                    }
                    return;
                }
                write(out, request.method(), response, keepAlive);
            }
        } catch (IOException | RuntimeException e) {
            // the peer went away or broke the protocol; nothing to tell it
        } finally {
            open.remove(socket);
            connectionSlots.release();
            if (!keep) {
                closeQuietly(socket);
            }
        }
    }

    private static boolean wantsKeepAlive(Request r) {
        String connection = r.header("connection");
        String c = connection == null ? "" : connection.toLowerCase(Locale.ROOT);
        if (c.contains("close")) {
            return false;
        }
        return !"HTTP/1.0".equals(r.header(":version")) || c.contains("keep-alive");
    }

    private static void write(OutputStream out, String method, ApiResponse response, boolean keepAlive)
            throws IOException {
        StringBuilder head = new StringBuilder(256);
        head.append("HTTP/1.1 ").append(response.status()).append(' ').append(reason(response.status())).append("\r\n");
        if (response.contentType() != null) {
            head.append("Content-Type: ").append(response.contentType()).append("\r\n");
        }
        if (response.location() != null) {
            head.append("Location: ").append(response.location()).append("\r\n");
        }
        if (response.setCookie() != null) {
            head.append("Set-Cookie: ").append(response.setCookie()).append("\r\n");
        }
        head.append("Cache-Control: no-cache\r\n");
        head.append("Content-Length: ").append(response.body().length).append("\r\n");
        if (!keepAlive) {
            head.append("Connection: close\r\n");
        }
        head.append("\r\n");
        out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
        if (!"HEAD".equals(method)) {
            out.write(response.body());
        }
        out.flush();
    }

    /** The reason phrases of RFC 9110, as Tomcat and nginx send them. */
    static String reason(int status) {
        switch (status) {
            case 200: return "OK";
            case 302: return "Found";
            case 400: return "Bad Request";
            case 404: return "Not Found";
            case 405: return "Method Not Allowed";
            case 413: return "Content Too Large";
            case 414: return "URI Too Long";
            case 429: return "Too Many Requests";
            case 500: return "Internal Server Error";
            case 502: return "Bad Gateway";
            case 503: return "Service Unavailable";
            case 504: return "Gateway Timeout";
            default: return "Status";
        }
    }

    private static void closeQuietly(Socket s) {
        try {
            s.close();
        } catch (IOException e) {
            // closing anyway
        }
    }

    /** Stops accepting, closes every connection (held ones too). Idempotent. */
    @Override
    public void close() {
        closed = true;
        try {
            serverSocket.close();
        } catch (IOException e) {
            // closing anyway
        }
        releaseHeld();
        for (Socket s : open) {
            closeQuietly(s);
        }
    }
}
