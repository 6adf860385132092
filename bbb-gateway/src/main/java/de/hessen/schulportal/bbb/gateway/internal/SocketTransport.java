// SPDX-License-Identifier: Apache-2.0
package de.hessen.schulportal.bbb.gateway.internal;

import de.hessen.schulportal.bbb.client.transport.HttpTransport;
import de.hessen.schulportal.bbb.client.transport.ResponseTooLargeException;
import de.hessen.schulportal.bbb.client.transport.TransportRequest;
import de.hessen.schulportal.bbb.client.transport.TransportResponse;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ProtocolException;
import java.net.Proxy;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpHeaders;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The gateway's transport to its backends: one attempt of a synchronous bbb-client call over HTTP/1.1
 * on a blocking socket, written and read on the calling thread (Jetty's request thread), with
 * keep-alive connections pooled per origin. The JDK client hands every exchange from the caller to
 * its selector thread and on to an executor thread and back; on a busy server with few cores those
 * hand-offs cost more than the exchange (BENCHMARKS.md §7). It implements bbb-client's
 * {@link HttpTransport}, so the client's retries, logging, size cap, deadline, events and exception
 * mapping still wrap it; the client's asynchronous calls do not come here.
 *
 * <p>What it guarantees, as {@link HttpTransport} asks: the URL's bytes are sent as they were signed
 * (only characters outside ASCII are percent-encoded as UTF-8, as the JDK client does); redirects
 * are answers, never followed; one deadline ({@link TransportRequest#timeout()}) covers connecting,
 * TLS, writing and reading the whole answer (a watchdog closes the socket when it passes, so neither
 * a blocked write nor a server dripping a TLS record byte by byte holds the caller longer, and the
 * call fails with an {@link HttpTimeoutException}); a body is held only as far as it arrives, and
 * never beyond {@link TransportRequest#maxResponseBytes()}: a {@code Content-Length} over it fails
 * with {@link ResponseTooLargeException} before the body is read, any other body as soon as it passes
 * it (the connection is closed); other failures are the JDK's exception types ({@link HttpConnectTimeoutException},
 * {@link java.net.ConnectException}, {@link javax.net.ssl.SSLException}, {@link ProtocolException}
 * for an answer that breaks HTTP/1.1's grammar). HTTPS uses the JVM's default {@link SSLContext}
 * (its trust store) with host name verification; there is no proxy, as with bbb-client's own JDK
 * client (the JVM's SOCKS settings and {@link java.net.ProxySelector} are not consulted).
 *
 * <p>Connections: an answer framed by {@code Content-Length} or chunked encoding, without
 * {@code Connection: close}, leaves its connection in the pool for the next call to the same origin
 * (at most {@link #MAX_IDLE} over all origins, the oldest closed first, each for at most the idle
 * time: a sweep on the deadline watchdog's timer closes those past it, also of an origin nobody
 * calls any more, such as a backend a reload removed; the idle time is kept below the
 * keep-alive timeouts of common servers so that they rarely close one about to be reused; balancers
 * such as HAProxy or nginx may be set shorter). A connection the server closed while it sat in the
 * pool shows as an answer that never started; an {@linkplain TransportRequest#idempotent() idempotent}
 * {@code GET} then gets one more try on a new connection. Any other call (join, create) would fail
 * then, as it may have reached the server (RFC 9110 §9.2.2), so before such a call reuses a
 * connection a 1 ms read checks that the server has not closed it. Blocking reads and writes are not
 * interruptible: a caller waits at most until the deadline.
 *
 * <p>Thread-safe; one instance serves all backend clients of the gateway, so the idle cap holds over
 * all of them. {@link #close()} closes the idle connections; those in use are closed when their call
 * ends.
 */
public final class SocketTransport implements HttpTransport, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger("de.hessen.schulportal.bbb.gateway.backend");
    /**
     * Idle connections kept over all origins together; when one more is released the oldest is
     * closed (Scalelite's join redirects may name many servers).
     */
    public static final int MAX_IDLE = 64;
    /**
     * How long a connection is kept idle: below the keep-alive timeouts of Apache httpd (5 s), Tomcat
     * (20 s), Jetty (30 s) and nginx (75 s).
     */
    public static final Duration DEFAULT_MAX_IDLE = Duration.ofSeconds(2);
    /** The most bytes of status line and headers (or trailers) accepted. */
    static final int MAX_HEAD_BYTES = 64 * 1024;
    /** The longest array the JVM makes: a body is read into one. */
    static final int MAX_BODY = Integer.MAX_VALUE - 8;

    private final Duration connectTimeout;
    private final long maxIdleNanos;
    private final int idleCap;
    private final SSLSocketFactory tls;
    /** Idle connections by origin, most recently used last, no empty lists; guarded by itself. */
    private final Map<String, ArrayDeque<Connection>> idle = new HashMap<>();
    /** The number of connections in {@link #idle}; guarded by it. */
    private int idleCount;
    /** The next sweep of expired idle connections while any are pooled, else null; guarded by {@link #idle}. */
    private ScheduledFuture<?> sweep;
    private boolean closed;

    /**
     * Creates the transport with the JVM's default TLS settings and the default idle time.
     *
     * @param connectTimeout the time to open a TCP connection (also bounded by the request's timeout)
     */
    public SocketTransport(Duration connectTimeout) {
        this(connectTimeout, DEFAULT_MAX_IDLE, MAX_IDLE, null);
    }

    /**
     * Creates the transport with a given idle time and TLS socket factory (tests).
     *
     * @param connectTimeout the time to open a TCP connection
     * @param maxIdle how long an idle connection is kept; zero keeps none
     * @param idleCap the most idle connections kept over all origins
     * @param tls the TLS socket factory, or {@code null} for the JVM's default context's
     */
    SocketTransport(Duration connectTimeout, Duration maxIdle, int idleCap, SSLSocketFactory tls) {
        this.connectTimeout = connectTimeout;
        this.maxIdleNanos = maxIdle.toNanos();
        this.idleCap = idleCap;
        this.tls = tls;
    }

    @Override
    public TransportResponse send(TransportRequest request) throws IOException {
        long deadline = System.nanoTime() + request.timeout().toNanos();
        Origin origin = Origin.of(request.uri());
        byte[] bytes = request(request, origin);
        Watchdog watchdog = new Watchdog();
        watchdog.arm(deadline);
        Connection c = null;
        try {
            boolean retryable = "GET".equals(request.method()) && request.idempotent();
            c = pooled(origin.key, !retryable);
            if (c != null) {
                try {
                    return exchange(c, origin, bytes, request.maxResponseBytes(), deadline, watchdog);
                } catch (StaleConnection e) {
                    c.close();
                    c = null;
                    if (!retryable || watchdog.fired()) {
                        throw e.getCause();
                    }
                    LOG.debug("pooled connection to {} was closed by the server; trying a new one", origin.host);
                }
            }
            c = connect(origin, deadline, watchdog);
            try {
                return exchange(c, origin, bytes, request.maxResponseBytes(), deadline, watchdog);
            } catch (StaleConnection e) {
                throw e.getCause();
            }
        } catch (IOException e) {
            if (c != null) {
                c.close();
            }
            if (watchdog.fired() && !(e instanceof HttpTimeoutException)) {
                // The watchdog closed the socket at the deadline; what broke is the symptom.
                HttpTimeoutException t = timeout();
                t.initCause(e);
                throw t;
            }
            throw e;
        } catch (RuntimeException | Error e) {
            if (c != null) {
                c.close();
            }
            throw e;
        } finally {
            watchdog.disarm();
        }
    }

    /**
     * One request and its answer on a connection; the connection goes back to the pool or is closed.
     *
     * @throws StaleConnection if a reused connection broke before the first byte of the answer
     */
    private TransportResponse exchange(Connection c, Origin origin, byte[] request, long cap, long deadline,
            Watchdog watchdog) throws IOException {
        watchdog.watch(c.raw);
        Reader in = c.reader;
        in.deadline = deadline;
        try {
            c.socket.setSoTimeout(remainingMillis(deadline));
            c.out.write(request);
            c.out.flush();
            in.fill();
        } catch (SocketTimeoutException e) {
            throw timeout();
        } catch (HttpTimeoutException e) {
            throw e;
        } catch (IOException e) {
            if (c.reused) {
                throw new StaleConnection(e);
            }
            throw e;
        }
        try {
            Answer a = readAnswer(in, cap);
            if (a.reusable && watchdog.disarm()) {
                release(origin.key, c);
            } else {
                c.close();
            }
            return TransportResponse.of(a.status, a.headers, a.body);
        } catch (SocketTimeoutException e) {
            throw timeout();
        }
    }

    private static HttpTimeoutException timeout() {
        return new HttpTimeoutException("no complete answer within the request timeout");
    }

    /** The answer of one exchange, read completely. */
    private record Answer(int status, HttpHeaders headers, byte[] body, boolean reusable) {
    }

    /**
     * Reads the answer.
     *
     * @throws ResponseTooLargeException at once when the body passes the cap (announced or arriving);
     *         the caller closes the connection
     */
    private Answer readAnswer(Reader in, long cap) throws IOException {
        while (true) {
            String statusLine = in.line(MAX_HEAD_BYTES);
            // "HTTP/1.1 200 OK": the version, the three-digit status, a reason that may be empty.
            if (statusLine.length() < 12 || !statusLine.startsWith("HTTP/1.1 ") && !statusLine.startsWith("HTTP/1.0 ")
                    || statusLine.length() > 12 && statusLine.charAt(12) != ' ') {
                throw new ProtocolException("not an HTTP/1.0 or HTTP/1.1 status line");
            }
            int status = parseStatus(statusLine.substring(9, 12));
            boolean http10 = statusLine.charAt(7) == '0';
            Map<String, List<String>> fields = in.fields(MAX_HEAD_BYTES - statusLine.length());
            if (status == 101) {
                throw new ProtocolException("the server switched protocols");
            }
            if (status < 200) {
                continue; // 100 Continue, 103 Early Hints: the answer follows
            }
            HttpHeaders headers = HttpHeaders.of(fields, (k, v) -> true);
            boolean keepAlive = !http10 && !hasToken(fields.get("Connection"), "close");
            byte[] body;
            boolean framed;
            List<String> te = fields.get("Transfer-Encoding");
            List<String> cl = fields.get("Content-Length");
            if (status == 204 || status == 304) {
                body = new byte[0];
                framed = true;
            } else if (te != null) {
                // RFC 9112 §6.3: chunked last means chunked framing (and Content-Length is ignored); any
                // other coding runs to the end of the connection.
                framed = lastToken(te).equalsIgnoreCase("chunked");
                body = framed ? in.chunked(cap) : in.untilClose(cap);
                framed = framed && cl == null;
            } else if (cl != null) {
                long length = contentLength(cl);
                if (length > limit(cap)) {
                    // Refused before a byte of the body is read: nothing to hold, nothing to wait for.
                    throw new ResponseTooLargeException(limit(cap));
                }
                body = in.exactly(length, cap);
                framed = true;
            } else {
                body = in.untilClose(cap);
                framed = false;
            }
            return new Answer(status, headers, body, framed && keepAlive && !in.hasBuffered());
        }
    }

    /** The most body bytes held: the cap, or the largest array if the cap is beyond it. */
    private static long limit(long cap) {
        return Math.min(cap, MAX_BODY);
    }

    private static int parseStatus(String digits) throws ProtocolException {
        for (int i = 0; i < 3; i++) {
            if (digits.charAt(i) < '0' || digits.charAt(i) > '9') {
                throw new ProtocolException("not an HTTP/1.0 or HTTP/1.1 status line");
            }
        }
        int status = Integer.parseInt(digits);
        if (status < 100) {
            throw new ProtocolException("the answer's status is below 100");
        }
        return status;
    }

    private static long contentLength(List<String> values) throws ProtocolException {
        long length = -1;
        for (String v : values) {
            for (String part : v.split(",", -1)) {
                String p = part.strip();
                if (p.isEmpty() || p.length() > 18 || !p.chars().allMatch(ch -> ch >= '0' && ch <= '9')) {
                    throw new ProtocolException("malformed Content-Length");
                }
                long n = Long.parseLong(p);
                if (length >= 0 && n != length) {
                    throw new ProtocolException("conflicting Content-Length values");
                }
                length = n;
            }
        }
        return length;
    }

    private static boolean hasToken(List<String> values, String token) {
        if (values != null) {
            for (String v : values) {
                for (String t : v.split(",")) {
                    if (t.strip().equalsIgnoreCase(token)) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    private static String lastToken(List<String> values) {
        String last = values.get(values.size() - 1);
        int comma = last.lastIndexOf(',');
        return last.substring(comma + 1).strip();
    }

    private static int remainingMillis(long deadline) throws HttpTimeoutException {
        long ms = (deadline - System.nanoTime()) / 1_000_000;
        if (ms <= 0) {
            throw new HttpTimeoutException("no complete answer within the request timeout");
        }
        return (int) Math.min(Integer.MAX_VALUE, ms);
    }

    /** The request's head and body; header values were checked when the request was built. */
    private static byte[] request(TransportRequest request, Origin origin) {
        boolean post = "POST".equals(request.method());
        byte[] body = request.body();
        URI uri = request.uri();
        String path = uri.getRawPath();
        String query = uri.getRawQuery();
        StringBuilder head = new StringBuilder(200 + (path == null ? 0 : path.length()) + (query == null ? 0 : query.length()));
        head.append(post ? "POST " : "GET ");
        target(head, path == null || path.isEmpty() ? "/" : path);
        if (query != null) {
            target(head.append('?'), query);
        }
        head.append(" HTTP/1.1\r\nHost: ").append(origin.hostHeader);
        request.headers().map().forEach((name, values) -> {
            if (TransportRequest.isTransportHeader(name)) {
                // TransportRequest refuses them; this transport writes Host and the framing itself.
                throw new IllegalArgumentException("header " + name + " is the transport's to write");
            }
            for (String v : values) {
                head.append("\r\n").append(name).append(": ").append(v);
            }
        });
        if (post) {
            head.append("\r\nContent-Length: ").append(body.length);
        }
        head.append("\r\n\r\n");
        byte[] h = head.toString().getBytes(StandardCharsets.US_ASCII);
        if (body.length == 0) {
            return h;
        }
        byte[] all = Arrays.copyOf(h, h.length + body.length);
        System.arraycopy(body, 0, all, h.length, body.length);
        return all;
    }

    /** Appends a raw path or query; characters outside ASCII become %XX of their UTF-8 bytes, as in the JDK client. */
    private static void target(StringBuilder sb, String raw) {
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c < 0x80) {
                sb.append(c);
            } else {
                int end = Character.isHighSurrogate(c) && i + 1 < raw.length() ? i + 2 : i + 1;
                for (byte b : raw.substring(i, end).getBytes(StandardCharsets.UTF_8)) {
                    sb.append('%').append(Character.toUpperCase(Character.forDigit((b >> 4) & 0xf, 16)))
                            .append(Character.toUpperCase(Character.forDigit(b & 0xf, 16)));
                }
                i = end - 1;
            }
        }
    }

    private Connection connect(Origin origin, long deadline, Watchdog watchdog) throws IOException {
        // NO_PROXY: a plain Socket would follow the JVM's SOCKS settings, which the SDK's JDK client ignores.
        Socket s = new Socket(Proxy.NO_PROXY);
        try {
            watchdog.watch(s);
            s.setTcpNoDelay(true);
            int budget = (int) Math.min(connectTimeout.toMillis(), remainingMillis(deadline));
            try {
                s.connect(new InetSocketAddress(origin.host, origin.port), Math.max(1, budget));
            } catch (SocketTimeoutException e) {
                HttpConnectTimeoutException t = new HttpConnectTimeoutException("connect timed out");
                t.initCause(e);
                throw t;
            }
            if (!origin.tls) {
                return new Connection(s, s);
            }
            s.setSoTimeout(remainingMillis(deadline));
            SSLSocket ssl = (SSLSocket) tlsFactory().createSocket(s, origin.host, origin.port, true);
            SSLParameters p = ssl.getSSLParameters();
            p.setEndpointIdentificationAlgorithm("HTTPS");
            ssl.setSSLParameters(p);
            try {
                ssl.startHandshake();
            } catch (SocketTimeoutException e) {
                throw new HttpTimeoutException("the TLS handshake did not finish within the request timeout");
            }
            return new Connection(ssl, s);
        } catch (IOException | RuntimeException e) {
            s.close();
            throw e;
        }
    }

    private SSLSocketFactory tlsFactory() throws IOException {
        if (tls != null) {
            return tls;
        }
        try {
            return SSLContext.getDefault().getSocketFactory();
        } catch (NoSuchAlgorithmException e) {
            throw new IOException("no default TLS context", e);
        }
    }

    /**
     * The most recently used idle connection to the origin that has not passed the idle time, or
     * null. With {@code probe}, for a call that will not be retried, a connection the server closed
     * meanwhile is closed and the next one tried.
     */
    private Connection pooled(String origin, boolean probe) {
        while (true) {
            long now = System.nanoTime();
            List<Connection> expired = new ArrayList<>(0);
            Connection found = null;
            synchronized (idle) {
                ArrayDeque<Connection> q = idle.get(origin);
                if (q != null) {
                    Connection c = q.pollLast();
                    idleCount--;
                    if (now - c.idleSince < maxIdleNanos) {
                        found = c;
                    } else {
                        expired.add(c);
                    }
                    // The rest are older than the one taken: if it expired, so did they.
                    if (found == null || q.isEmpty()) {
                        idleCount -= q.size();
                        expired.addAll(q);
                        idle.remove(origin);
                    }
                }
            }
            expired.forEach(Connection::close);
            if (found == null || !probe || found.open()) {
                return found;
            }
            found.close();
        }
    }

    /**
     * Puts a connection back: first closes the idle connections of every origin that passed the
     * idle time, then, at the cap, the oldest one of any origin; makes sure a sweep is scheduled.
     */
    private void release(String origin, Connection c) {
        long now = System.nanoTime();
        c.idleSince = now;
        c.reused = true;
        List<Connection> drop = new ArrayList<>(0);
        synchronized (idle) {
            if (closed) {
                drop.add(c);
            } else {
                ArrayDeque<Connection> oldest = expire(now, drop);
                if (idleCount >= idleCap && oldest != null) {
                    drop.add(oldest.pollFirst());
                    idleCount--;
                    if (oldest.isEmpty()) {
                        idle.values().remove(oldest);
                    }
                }
                if (idleCount < idleCap) {
                    idle.computeIfAbsent(origin, k -> new ArrayDeque<>()).addLast(c);
                    idleCount++;
                    if (sweep == null) {
                        sweep = Watchdog.TIMER.schedule(this::sweep, maxIdleNanos, TimeUnit.NANOSECONDS);
                    }
                } else {
                    drop.add(c);
                }
            }
        }
        drop.forEach(Connection::close);
    }

    /**
     * Moves the idle connections past the idle time into {@code drop}, dropping emptied origins;
     * the caller holds {@link #idle}.
     *
     * @return the queue whose first connection is the oldest left, or null if none is left
     */
    private ArrayDeque<Connection> expire(long now, List<Connection> drop) {
        ArrayDeque<Connection> oldest = null;
        for (var it = idle.values().iterator(); it.hasNext();) {
            ArrayDeque<Connection> q = it.next();
            while (!q.isEmpty() && now - q.peekFirst().idleSince >= maxIdleNanos) {
                drop.add(q.pollFirst());
                idleCount--;
            }
            if (q.isEmpty()) {
                it.remove();
            } else if (oldest == null || q.peekFirst().idleSince - oldest.peekFirst().idleSince < 0) {
                oldest = q;
            }
        }
        return oldest;
    }

    /** Runs on the timer: closes what passed the idle time, and comes back when the oldest left will have. */
    private void sweep() {
        long now = System.nanoTime();
        List<Connection> drop = new ArrayList<>(0);
        synchronized (idle) {
            sweep = null;
            ArrayDeque<Connection> oldest = expire(now, drop);
            if (oldest != null && !closed) {
                long wait = oldest.peekFirst().idleSince + maxIdleNanos - now;
                sweep = Watchdog.TIMER.schedule(this::sweep, Math.max(0, wait), TimeUnit.NANOSECONDS);
            }
        }
        drop.forEach(Connection::close);
    }

    /** {@return the number of idle connections in the pool} For tests and monitoring. */
    public int idleConnections() {
        synchronized (idle) {
            return idleCount;
        }
    }

    /** The number of origins with idle connections (tests). */
    int idleOrigins() {
        synchronized (idle) {
            return idle.size();
        }
    }

    /** {@return whether {@link #close()} was called} */
    public boolean isClosed() {
        synchronized (idle) {
            return closed;
        }
    }

    /** Closes the idle connections; later answers close their connections instead of pooling them. */
    @Override
    public void close() {
        List<Connection> all = new ArrayList<>();
        ScheduledFuture<?> pending;
        synchronized (idle) {
            closed = true;
            idle.values().forEach(all::addAll);
            idle.clear();
            idleCount = 0;
            pending = sweep;
            sweep = null;
        }
        if (pending != null) {
            pending.cancel(false);
        }
        all.forEach(Connection::close);
    }

    /** A reused connection broke before the answer started; the cause is what broke it. */
    private static final class StaleConnection extends IOException {
        private static final long serialVersionUID = 1L;

        StaleConnection(IOException cause) {
            super(cause);
        }

        @Override
        public synchronized IOException getCause() {
            return (IOException) super.getCause();
        }
    }

    /** Where a URL's connections go: scheme, host and port. */
    private record Origin(String key, boolean tls, String host, int port, String hostHeader) {
        static Origin of(URI uri) {
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null) {
                throw new IllegalArgumentException("not an absolute http(s) URL with a host");
            }
            boolean tls = scheme.equals("https");
            int port = uri.getPort() < 0 ? (tls ? 443 : 80) : uri.getPort();
            String host = uri.getHost();
            String bare = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
            String hostHeader = uri.getPort() < 0 ? host : host + ':' + port;
            return new Origin(scheme + "://" + host + ':' + port, tls, bare, port, hostHeader);
        }
    }

    /**
     * Closes the socket of one call when its deadline passes. A blocked write and the reads an
     * {@link SSLSocket} makes for one record each wait as long as their socket lets them; closing the
     * underlying TCP socket (not the TLS socket, whose close may wait for the blocked writer's lock)
     * ends all of them at once.
     */
    private static final class Watchdog implements Runnable {
        /** One daemon thread for all transports; cancelled checks leave its queue at once. */
        private static final ScheduledThreadPoolExecutor TIMER = timer();
        private ScheduledFuture<?> task;
        private Socket socket;
        private boolean fired;
        private boolean done;

        private static ScheduledThreadPoolExecutor timer() {
            ScheduledThreadPoolExecutor t = new ScheduledThreadPoolExecutor(1, r -> {
                Thread thread = new Thread(r, "bbb-socket-deadline");
                thread.setDaemon(true);
                return thread;
            });
            t.setRemoveOnCancelPolicy(true);
            t.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
            return t;
        }

        void arm(long deadline) {
            ScheduledFuture<?> f = TIMER.schedule(this, deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
            synchronized (this) {
                task = f;
            }
        }

        /** Watches the socket the call uses now; closes it at once if the deadline already passed. */
        void watch(Socket s) throws IOException {
            synchronized (this) {
                socket = s;
                if (!fired) {
                    return;
                }
            }
            s.close();
            throw timeout();
        }

        @Override
        public void run() {
            Socket s;
            synchronized (this) {
                if (done) {
                    return;
                }
                fired = true;
                s = socket;
            }
            if (s != null) {
                try {
                    s.close();
                } catch (IOException e) {
                    // The blocked call fails with the close; nothing more to do.
                }
            }
        }

        synchronized boolean fired() {
            return fired;
        }

        /** Stops watching; false if the deadline passed first (the socket is closed then). */
        boolean disarm() {
            ScheduledFuture<?> f;
            synchronized (this) {
                if (fired) {
                    return false;
                }
                done = true;
                socket = null;
                f = task;
            }
            if (f != null) {
                f.cancel(false);
            }
            return true;
        }
    }

    /** One connection and its reading state; used by one call at a time. */
    private static final class Connection {
        final Socket socket;
        /** The TCP socket under {@link #socket} (the same one without TLS): what the watchdog closes. */
        final Socket raw;
        final OutputStream out;
        final Reader reader;
        /** Whether it went back to the pool once, so a failure before the answer may mean the server closed it. */
        boolean reused;
        long idleSince;

        Connection(Socket socket, Socket raw) throws IOException {
            this.socket = socket;
            this.raw = raw;
            this.out = socket.getOutputStream();
            this.reader = new Reader(socket, socket.getInputStream());
        }

        /**
         * Whether the server has not closed the idle connection: a read that waits 1 ms must time
         * out. The end of the stream (the server or a balancer closed it), an error (reset) or bytes
         * nobody asked for all mean it cannot carry a request. Costs that millisecond, so it is only
         * spent on calls that are not retried when a reused connection turns out closed.
         */
        boolean open() {
            if (reader.hasBuffered()) {
                return false;
            }
            try {
                socket.setSoTimeout(1);
                return reader.in.read(new byte[1]) == 0;
            } catch (SocketTimeoutException e) {
                return true;
            } catch (IOException e) {
                return false;
            }
        }

        void close() {
            try {
                socket.close();
            } catch (IOException e) {
                // Closing only frees the socket; nothing to tell the caller.
            }
        }
    }

    /**
     * Reads an answer from a socket through one buffer, resetting the socket's read timeout to the
     * time left before the deadline on every read, so no pace of bytes can hold a caller past it.
     */
    private static final class Reader {
        private final Socket socket;
        private final InputStream in;
        private final byte[] buf = new byte[16 * 1024];
        private int pos;
        private int lim;
        long deadline;

        Reader(Socket socket, InputStream in) {
            this.socket = socket;
            this.in = in;
        }

        boolean hasBuffered() {
            return pos < lim;
        }

        /** Reads more into the buffer; throws {@link EOFException} when the server closed the connection. */
        void fill() throws IOException {
            if (pos < lim) {
                return;
            }
            socket.setSoTimeout(remainingMillis(deadline));
            int n = in.read(buf, 0, buf.length);
            if (n < 0) {
                throw new EOFException("the server closed the connection");
            }
            if (System.nanoTime() - deadline >= 0) {
                throw new HttpTimeoutException("no complete answer within the request timeout");
            }
            pos = 0;
            lim = n;
        }

        /** A line ending in LF (CR before it dropped), decoded as ISO-8859-1. */
        String line(int max) throws IOException {
            StringBuilder sb = new StringBuilder(64);
            while (true) {
                fill();
                while (pos < lim) {
                    byte b = buf[pos++];
                    if (b == '\n') {
                        int end = sb.length();
                        if (end > 0 && sb.charAt(end - 1) == '\r') {
                            sb.setLength(end - 1);
                        }
                        return sb.toString();
                    }
                    if (sb.length() >= max) {
                        throw new ProtocolException("a line of the answer's head is longer than " + max + " bytes");
                    }
                    sb.append((char) (b & 0xff));
                }
            }
        }

        /** Header fields up to the empty line, names case-insensitive, within {@code max} bytes. */
        Map<String, List<String>> fields(int max) throws IOException {
            Map<String, List<String>> fields = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
            int budget = max;
            while (true) {
                String line = line(Math.max(0, budget));
                budget -= line.length() + 2;
                if (line.isEmpty()) {
                    return fields;
                }
                if (budget < 0) {
                    throw new ProtocolException("the answer's head is longer than " + MAX_HEAD_BYTES + " bytes");
                }
                int colon = line.indexOf(':');
                if (colon <= 0 || !isToken(line, 0, colon) || !isFieldValue(line, colon + 1)) {
                    throw new ProtocolException("malformed header line in the answer");
                }
                fields.computeIfAbsent(line.substring(0, colon), k -> new ArrayList<>(1))
                        .add(line.substring(colon + 1).strip());
            }
        }

        /**
         * A body of the announced length. The array grows with what arrives: an announcement alone
         * reserves no more than the first 64 KiB.
         */
        byte[] exactly(long length, long cap) throws IOException {
            Bytes out = new Bytes(cap, (int) Math.min(length, 64 * 1024));
            copy(out, length);
            return out.toArray();
        }

        /** Moves the next {@code length} bytes of the answer into {@code out}. */
        private void copy(Bytes out, long length) throws IOException {
            long left = length;
            while (left > 0) {
                fill();
                int n = (int) Math.min(left, lim - pos);
                out.add(buf, pos, n);
                pos += n;
                left -= n;
            }
        }

        /** RFC 9110 §5.6.2: a field name is one or more tchars. */
        private static boolean isToken(String s, int from, int to) {
            for (int i = from; i < to; i++) {
                char c = s.charAt(i);
                boolean alnum = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9';
                if (!alnum && "!#$%&'*+-.^_`|~".indexOf(c) < 0) {
                    return false;
                }
            }
            return to > from;
        }

        /** RFC 9110 §5.5: no control character in a field value but tab (a bare CR, NUL, DEL refused). */
        private static boolean isFieldValue(String s, int from) {
            for (int i = from; i < s.length(); i++) {
                char c = s.charAt(i);
                if (c < 0x20 && c != '\t' || c == 0x7f) {
                    return false;
                }
            }
            return true;
        }

        byte[] untilClose(long cap) throws IOException {
            Bytes out = new Bytes(cap, 8 * 1024);
            while (true) {
                try {
                    fill();
                } catch (EOFException e) {
                    return out.toArray();
                }
                out.add(buf, pos, lim - pos);
                pos = lim;
            }
        }

        byte[] chunked(long cap) throws IOException {
            Bytes out = new Bytes(cap, 8 * 1024);
            while (true) {
                String line = line(1024);
                int semicolon = line.indexOf(';');
                String hex = (semicolon < 0 ? line : line.substring(0, semicolon)).strip();
                if (hex.isEmpty() || hex.length() > 15 || !hex.chars().allMatch(c -> Character.digit(c, 16) >= 0)) {
                    throw new ProtocolException("malformed chunk size in the answer");
                }
                long size = Long.parseLong(hex, 16);
                if (size == 0) {
                    fields(MAX_HEAD_BYTES); // trailers, read and dropped
                    return out.toArray();
                }
                copy(out, size);
                if (!line(2).isEmpty()) {
                    throw new ProtocolException("a chunk of the answer does not end where its size says");
                }
            }
        }
    }

    /** A growing byte array that holds at most the cap. */
    private static final class Bytes {
        private final long limit;
        private byte[] data;
        private int size;

        Bytes(long cap, int initial) {
            this.limit = limit(cap);
            this.data = new byte[(int) Math.min(initial, limit)];
        }

        /**
         * Appends.
         *
         * @throws ResponseTooLargeException as soon as the body would pass the cap (or the largest array)
         */
        void add(byte[] b, int off, int len) throws ResponseTooLargeException {
            if (size + (long) len > limit) {
                throw new ResponseTooLargeException(limit);
            }
            if (size + len > data.length) {
                data = Arrays.copyOf(data, (int) Math.min(Math.max(data.length * 2L, size + (long) len), limit));
            }
            System.arraycopy(b, off, data, size, len);
            size += len;
        }

        byte[] toArray() {
            return size == data.length ? data : Arrays.copyOf(data, size);
        }
    }
}
