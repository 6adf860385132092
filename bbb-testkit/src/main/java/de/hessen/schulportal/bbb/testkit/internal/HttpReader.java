// SPDX-License-Identifier: Apache-2.0
package de.hessen.schulportal.bbb.testkit.internal;

import java.io.ByteArrayOutputStream;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** Reads HTTP/1.1 requests within {@link HttpFront.Limits}: sizes, counts and a deadline for each request head. */
final class HttpReader {
    /** A request that breaks a limit; answered with {@link #status} and the connection closed. */
    static final class Refused extends IOException {
        private static final long serialVersionUID = 1L;
        final int status;

        Refused(int status, String reason) {
            super(reason);
            this.status = status;
        }
    }

    /**
     * A connection's buffered input that tells whether a read can be served from its buffer: only a
     * read that may block needs the socket's timeout set to the time left (setting it per byte cost the
     * simulator a third of its CPU per request, more for longer requests: BENCHMARKS.md §7).
     */
    static final class Input extends BufferedInputStream {
        Input(InputStream in) {
            super(in);
        }

        /** Whether the next read is served from the buffer, without touching the socket. */
        boolean buffered() {
            return pos < count;
        }
    }

    private final HttpFront.Limits limits;

    HttpReader(HttpFront.Limits limits) {
        this.limits = limits;
    }

    /** Reads one request; null when the connection ended or idled out before one began. */
    HttpFront.Request read(Socket socket, Input in, OutputStream out) throws IOException {
        socket.setSoTimeout((int) Math.max(1, limits.idleTimeoutMs()));
        int first;
        try {
            first = in.read();
            while (first == '\r' || first == '\n') {
                first = in.read();
            }
        } catch (SocketTimeoutException e) {
            return null;
        }
        if (first < 0) {
            return null;
        }
        long deadline = System.nanoTime() + limits.idleTimeoutMs() * 1_000_000L;
        String requestLine = readLine(socket, in, first, limits.maxRequestLine(), deadline, 414);
        String[] parts = requestLine.split(" ", -1);
        if (parts.length != 3 || parts[0].isEmpty() || parts[1].isEmpty() || !parts[2].startsWith("HTTP/1.")) {
            throw new Refused(400, "malformed request line");
        }
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put(":version", parts[2]);
        int headerBytes = 0;
        for (int count = 0; ; count++) {
            String line = readLine(socket, in, -1, limits.maxHeaderBytes() - headerBytes, deadline, 400);
            if (line.isEmpty()) {
                break;
            }
            headerBytes += line.length() + 2;
            int colon = line.indexOf(':');
            if (count >= limits.maxHeaders() || colon <= 0) {
                throw new Refused(400, "too many or malformed headers");
            }
            headers.putIfAbsent(line.substring(0, colon).trim().toLowerCase(Locale.ROOT), line.substring(colon + 1).trim());
        }
        String target = parts[1];
        if (target.startsWith("http://") || target.startsWith("https://")) {
            int slash = target.indexOf('/', target.indexOf("//") + 2);
            target = slash < 0 ? "/" : target.substring(slash);
        }
        int q = target.indexOf('?');
        String rawPath = q < 0 ? target : target.substring(0, q);
        String rawQuery = q < 0 ? null : target.substring(q + 1);
        if ("100-continue".equalsIgnoreCase(headers.get("expect"))) {
            out.write("HTTP/1.1 100 Continue\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
        }
        byte[] body = readBody(socket, in, headers);
        return new HttpFront.Request(parts[0], rawPath, rawQuery, Map.copyOf(headers), body);
    }

    private byte[] readBody(Socket socket, Input in, Map<String, String> headers) throws IOException {
        long deadline = System.nanoTime() + Math.max(60_000, limits.idleTimeoutMs()) * 1_000_000L;
        String te = headers.get("transfer-encoding");
        if (te != null && te.toLowerCase(Locale.ROOT).contains("chunked")) {
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            while (true) {
                String sizeLine = readLine(socket, in, -1, 1024, deadline, 400);
                int semi = sizeLine.indexOf(';');
                long size;
                try {
                    size = Long.parseLong((semi < 0 ? sizeLine : sizeLine.substring(0, semi)).trim(), 16);
                } catch (NumberFormatException e) {
                    throw new Refused(400, "bad chunk size");
                }
                if (size < 0 || body.size() + size > limits.maxBody()) {
                    throw new Refused(413, "body too large");
                }
                if (size == 0) {
                    while (!readLine(socket, in, -1, limits.maxHeaderBytes(), deadline, 400).isEmpty()) {
                        // trailers are ignored
                    }
                    return body.toByteArray();
                }
                body.write(readExactly(socket, in, (int) size, deadline));
                readLine(socket, in, -1, 2, deadline, 400);
            }
        }
        String length = headers.get("content-length");
        if (length == null) {
            return new byte[0];
        }
        long n;
        try {
            n = Long.parseLong(length.trim());
        } catch (NumberFormatException e) {
            throw new Refused(400, "bad Content-Length");
        }
        if (n < 0) {
            throw new Refused(400, "bad Content-Length");
        }
        if (n > limits.maxBody()) {
            throw new Refused(413, "body too large");
        }
        return readExactly(socket, in, (int) n, deadline);
    }

    private static byte[] readExactly(Socket socket, Input in, int n, long deadline) throws IOException {
        byte[] buf = new byte[n];
        int off = 0;
        while (off < n) {
            setRemaining(socket, in, deadline);
            int r = in.read(buf, off, n - off);
            if (r < 0) {
                throw new IOException("body ended early");
            }
            off += r;
        }
        return buf;
    }

    /** Reads a CRLF- or LF-terminated line of at most {@code max} bytes before the deadline. */
    private static String readLine(Socket socket, Input in, int first, int max, long deadline, int tooLong)
            throws IOException {
        StringBuilder sb = new StringBuilder();
        int c = first;
        while (true) {
            if (c < 0) {
                setRemaining(socket, in, deadline);
                c = in.read();
                if (c < 0) {
                    throw new IOException("connection ended inside a request");
                }
            }
            if (c == '\n') {
                int len = sb.length();
                return len > 0 && sb.charAt(len - 1) == '\r' ? sb.substring(0, len - 1) : sb.toString();
            }
            if (sb.length() >= max) {
                throw new Refused(tooLong, "line too long");
            }
            sb.append((char) c);
            c = -1;
        }
    }

    /** Before a read: past the deadline fails; a read that may block waits at most until the deadline. */
    private static void setRemaining(Socket socket, Input in, long deadline) throws IOException {
        long remainingMs = (deadline - System.nanoTime()) / 1_000_000L;
        if (remainingMs <= 0) {
            throw new SocketTimeoutException("request took too long");
        }
        if (!in.buffered()) {
            socket.setSoTimeout((int) Math.min(Integer.MAX_VALUE, remainingMs));
        }
    }

}
