// SPDX-License-Identifier: Apache-2.0
package de.hessen.schulportal.bbb.gateway.internal;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.util.component.AbstractLifeCycle;
import org.eclipse.jetty.util.thread.Scheduler;

/**
 * What one unauthenticated peer can hold on the public connector, beyond Jetty's own limits:
 *
 * <ul>
 *   <li><b>Connections per address:</b> a connection beyond the cap for its remote address is closed
 *       as soon as it opens, so one host cannot fill the global connection limit (issue 19 §2: 2,050
 *       connections from one host kept {@code /health} failing).</li>
 *   <li><b>A total deadline for the request head:</b> a connection must deliver a complete request
 *       line and headers within the deadline of opening or of the end of its previous answer. Jetty's
 *       idle timeout applies per read, so one header byte every 10 s held a connection for ever; this
 *       deadline does not reset on reads. An idle keep-alive connection counts as a slow head too, so
 *       the deadline is also the keep-alive limit.</li>
 * </ul>
 *
 * <p>Connections are swept twice a second on Jetty's scheduler; the cost is one map walk over the open
 * connections. Register it with {@code connector.addEventListener(guard)} and as a bean of the server;
 * the handler reports {@link #requestStarted} and {@link #requestEnded}.
 *
 * <p>Thread-safe.
 */
public final class ConnectionGuard extends AbstractLifeCycle implements Connection.Listener {
    private static final long SWEEP_MILLIS = 500;

    private final int maxPerAddress;
    private final long headerDeadlineNanos;
    private final Scheduler scheduler;
    private final Metrics metrics;
    private final Map<Connection, State> open = new ConcurrentHashMap<>();
    private final Map<InetAddress, AtomicInteger> perAddress = new ConcurrentHashMap<>();

    private static final class State {
        final InetAddress address;
        volatile long headSince = System.nanoTime();
        volatile boolean inRequest;

        State(InetAddress address) {
            this.address = address;
        }
    }

    /**
     * A guard.
     *
     * @param maxPerAddress connections one remote address may hold at once
     * @param headerDeadlineMillis total time for a request head, in milliseconds
     * @param scheduler the scheduler for the sweep
     * @param metrics counts {@code per_address_limit} and {@code header_timeout} rejections
     */
    public ConnectionGuard(int maxPerAddress, long headerDeadlineMillis, Scheduler scheduler, Metrics metrics) {
        this.maxPerAddress = maxPerAddress;
        this.headerDeadlineNanos = TimeUnit.MILLISECONDS.toNanos(headerDeadlineMillis);
        this.scheduler = scheduler;
        this.metrics = metrics;
    }

    @Override
    protected void doStart() {
        scheduler.schedule(this::sweep, SWEEP_MILLIS, TimeUnit.MILLISECONDS);
    }

    @Override
    public void onOpened(Connection connection) {
        InetAddress address = address(connection.getEndPoint().getRemoteSocketAddress());
        State state = new State(address);
        open.put(connection, state);
        if (address != null && perAddress.computeIfAbsent(address, a -> new AtomicInteger()).incrementAndGet() > maxPerAddress) {
            metrics.rejection("per_address_limit");
            connection.getEndPoint().close();
        }
    }

    @Override
    public void onClosed(Connection connection) {
        State state = open.remove(connection);
        if (state != null && state.address != null) {
            perAddress.computeIfPresent(state.address, (a, n) -> n.decrementAndGet() <= 0 ? null : n);
        }
    }

    /**
     * The handler got a complete request head on this connection.
     *
     * @param connection the connection
     */
    public void requestStarted(Connection connection) {
        State state = open.get(connection);
        if (state != null) {
            state.inRequest = true;
        }
    }

    /**
     * The answer on this connection is complete; the deadline for the next head starts now.
     *
     * @param connection the connection
     */
    public void requestEnded(Connection connection) {
        State state = open.get(connection);
        if (state != null) {
            state.headSince = System.nanoTime();
            state.inRequest = false;
        }
    }

    /**
     * Connections open now (tests and metrics).
     *
     * @return the count
     */
    public int openConnections() {
        return open.size();
    }

    private void sweep() {
        if (!isRunning()) {
            return;
        }
        long now = System.nanoTime();
        open.forEach((connection, state) -> {
            if (!state.inRequest && now - state.headSince > headerDeadlineNanos) {
                metrics.rejection("header_timeout");
                connection.getEndPoint().close();
            }
        });
        scheduler.schedule(this::sweep, SWEEP_MILLIS, TimeUnit.MILLISECONDS);
    }

    private static InetAddress address(SocketAddress remote) {
        return remote instanceof InetSocketAddress ? ((InetSocketAddress) remote).getAddress() : null;
    }
}
