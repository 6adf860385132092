// SPDX-License-Identifier: Apache-2.0
package de.hessen.schulportal.bbb.client.reliability;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * A tiny HTTP/1.1 server on loopback that counts what matters for leak tests: connections accepted
 * and connections still open (closed by either side). The answer to each request is chosen from the
 * request line: a {@link Reply}. Idle keep-alive connections are closed after a short idle time, as
 * real servers do, so a client that pools connections is seen to give them back.
 */
final class LoopbackServer implements AutoCloseable {
    /** What to do with one request. */
    interface Reply {
        /**
         * Handles the request after its head was read.
         *
         * @return {@code true} to keep the connection for the next request
         */
        boolean answer(Socket socket, OutputStream out) throws IOException;
    }

    static final String THREAD_PREFIX = "loopback-server-";

    private final ServerSocket server;
    private final ExecutorService pool;
    private final Function<String, Reply> replies;
    private final AtomicInteger accepted = new AtomicInteger();
    private final AtomicInteger open = new AtomicInteger();
    private final AtomicInteger requests = new AtomicInteger();
    private final AtomicInteger threadIds = new AtomicInteger();
    private volatile boolean closed;

    LoopbackServer(Function<String, Reply> replies) throws IOException {
        this.replies = replies;
        this.server = new ServerSocket(0, 1024, InetAddress.getLoopbackAddress());
        this.pool = new ThreadPoolExecutor(0, Integer.MAX_VALUE, 200, TimeUnit.MILLISECONDS, new SynchronousQueue<>(),
                r -> {
                    Thread t = new Thread(r, THREAD_PREFIX + threadIds.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                });
        pool.execute(this::acceptLoop);
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.getLocalPort() + "/bigbluebutton/";
    }

    int accepted() {
        return accepted.get();
    }

    int openConnections() {
        return open.get();
    }

    int requests() {
        return requests.get();
    }

    private void acceptLoop() {
        while (!closed) {
            Socket s;
            try {
                s = server.accept();
            } catch (IOException e) {
                return;
            }
            accepted.incrementAndGet();
            open.incrementAndGet();
            pool.execute(() -> serve(s));
        }
    }

    private void serve(Socket s) {
        try (s) {
            s.setSoTimeout(300);
            s.setTcpNoDelay(true);
            InputStream in = new java.io.BufferedInputStream(s.getInputStream());
            OutputStream out = s.getOutputStream();
            while (true) {
                String head = readHead(in);
                if (head == null) {
                    return;
                }
                requests.incrementAndGet();
                String requestLine = head.substring(0, Math.max(0, head.indexOf('\r')));
                if (!replies.apply(requestLine).answer(s, out)) {
                    return;
                }
            }
        } catch (IOException e) {
            // The client went away or the reply reset the connection: either way it is closed now.
            return;
        } finally {
            open.decrementAndGet();
        }
    }

    /** The request head up to the blank line, or {@code null} at end of stream or after the idle time. */
    private static String readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int state = 0;
        while (state < 4) {
            int b;
            try {
                b = in.read();
            } catch (SocketTimeoutException idle) {
                return null;
            }
            if (b < 0) {
                return null;
            }
            head.write(b);
            state = (b == '\r' && (state == 0 || state == 2)) || (b == '\n' && (state == 1 || state == 3)) ? state + 1 : 0;
        }
        String text = head.toString(StandardCharsets.ISO_8859_1);
        for (String line : text.split("\r\n")) {
            if (line.regionMatches(true, 0, "Content-Length:", 0, 15)) {
                long length = Long.parseLong(line.substring(15).trim());
                for (long skipped = 0; skipped < length; skipped++) {
                    if (in.read() < 0) {
                        return null;
                    }
                }
            }
        }
        return text;
    }

    /** Answers with a status and body, keeping the connection alive. */
    static Reply status(int status, String contentType, String body) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        byte[] headBytes = ("HTTP/1.1 " + status + " X\r\nContent-Type: " + contentType + "\r\nContent-Length: "
                + bytes.length + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1);
        byte[] all = new byte[headBytes.length + bytes.length];
        System.arraycopy(headBytes, 0, all, 0, headBytes.length);
        System.arraycopy(bytes, 0, all, headBytes.length, bytes.length);
        return (socket, out) -> {
            out.write(all);
            out.flush();
            return true;
        };
    }

    /** Resets the connection (RST) without answering. */
    static Reply reset() {
        return (socket, out) -> {
            socket.setSoLinger(true, 0);
            socket.close();
            return false;
        };
    }

    /**
     * Never answers: reads until the client hangs up, a server that hangs. One minute without a byte or a hang-up
     * closes the connection, a guard against a client that never gives up, not a timing of the test.
     */
    static Reply silence() {
        return (socket, out) -> {
            socket.setSoTimeout(60_000);
            InputStream in = socket.getInputStream();
            while (in.read() >= 0) {
                // Whatever else the client sends goes unanswered too.
            }
            return false;
        };
    }

    /** Sends a head promising {@code length} bytes and then streams them until the client hangs up. */
    static Reply huge(int length) {
        return (socket, out) -> {
            out.write(("HTTP/1.1 200 OK\r\nContent-Type: text/xml\r\nContent-Length: " + length + "\r\n\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
            byte[] chunk = new byte[8192];
            java.util.Arrays.fill(chunk, (byte) ' ');
            for (int sent = 0; sent < length; sent += chunk.length) {
                out.write(chunk, 0, Math.min(chunk.length, length - sent));
            }
            out.flush();
            return true;
        };
    }

    @Override
    public void close() throws IOException {
        closed = true;
        server.close();
        pool.shutdownNow();
    }
}
