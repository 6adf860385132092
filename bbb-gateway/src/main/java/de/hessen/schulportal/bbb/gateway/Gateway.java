// SPDX-License-Identifier: Apache-2.0
package de.hessen.schulportal.bbb.gateway;

import de.hessen.schulportal.bbb.gateway.config.GatewayConfig;
import de.hessen.schulportal.bbb.gateway.config.GatewayLimits;
import de.hessen.schulportal.bbb.gateway.config.Tenant;
import de.hessen.schulportal.bbb.client.BbbClient;
import de.hessen.schulportal.bbb.gateway.internal.ApiCalls;
import de.hessen.schulportal.bbb.gateway.internal.CallbackRelay;
import de.hessen.schulportal.bbb.gateway.internal.ChecksumCheck;
import de.hessen.schulportal.bbb.gateway.internal.ConnectionGuard;
import de.hessen.schulportal.bbb.gateway.internal.GatewayHandler;
import de.hessen.schulportal.bbb.gateway.internal.Metrics;
import de.hessen.schulportal.bbb.gateway.internal.Privacy;
import de.hessen.schulportal.bbb.gateway.internal.Readiness;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.NetworkConnectionLimit;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.GracefulHandler;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * The running privacy gateway: an embedded Jetty 12 server that speaks the BigBlueButton API to
 * its clients at {@code /bigbluebutton/api/} and forwards to each tenant's backend through
 * bbb-client. A second connector, on loopback by default, serves {@code /metrics} and the health
 * routes with its own threads. Stateless: several instances with the same configuration can run behind a load
 * balancer.
 *
 * <p>Thread-safe. {@link #close()} stops gracefully: new connections are refused, requests in
 * flight get up to {@link GatewayLimits#stopTimeout()} to finish.
 *
 * <pre>{@code
 * try (Gateway gateway = Gateway.start(GatewayEnvironment.config(System.getenv()))) {
 *     System.out.println("Moodle's server URL: " + gateway.url() + "bigbluebutton/");
 *     gateway.await();
 * }
 * }</pre>
 */
public final class Gateway implements AutoCloseable {
    /** Threads of the management connector: health and metrics never wait for the public pool. */
    private static final int MANAGEMENT_THREADS = 8;
    private static final Duration READINESS_CACHE = Duration.ofSeconds(10);

    private final Server server;
    private final ServerConnector connector;
    private final ServerConnector management;
    private final Map<String, BbbClient> clients;
    private final String host;

    private Gateway(GatewayConfig config, Clock clock) throws Exception {
        GatewayLimits limits = config.limits();
        // Threads: the API permits plus room for callbacks, health and Jetty's own selectors. The pool's
        // queue stays Jetty's default: work is bounded by the connection limits and the API permits, and no
        // thread waits for a slow client (bodies are read asynchronously, heads have a total deadline).
        int maxThreads = limits.maxConcurrentRequests() + 32;
        QueuedThreadPool pool = new QueuedThreadPool(maxThreads, 8, 60_000);
        pool.setName("bbb-gateway");
        this.server = new Server(pool);
        HttpConfiguration http = new HttpConfiguration();
        http.setRequestHeaderSize(limits.maxHeaderBytes());
        http.setSendServerVersion(false);
        http.setSendXPoweredBy(false);
        this.connector = new ServerConnector(server, new HttpConnectionFactory(http));
        connector.setHost(config.host());
        connector.setPort(config.port());
        connector.setIdleTimeout(limits.idleTimeout().toMillis());
        server.addConnector(connector);
        // The management connector has its own small pool, so /health and /metrics answer even when the
        // public pool is busy; it listens on loopback unless configured otherwise.
        QueuedThreadPool managementPool = new QueuedThreadPool(MANAGEMENT_THREADS, 2, 60_000);
        managementPool.setName("bbb-gateway-management");
        HttpConfiguration managementHttp = new HttpConfiguration(http);
        managementHttp.setRequestHeaderSize(8 * 1024);
        this.management = new ServerConnector(server, managementPool, null, null, 1, 1, new HttpConnectionFactory(managementHttp));
        management.setHost(config.managementHost());
        management.setPort(config.managementPort());
        management.setIdleTimeout(limits.idleTimeout().toMillis());
        server.addConnector(management);
        // Bound now, so the local URL (the default public URL) knows its port before the handler is built.
        connector.open();
        management.open();
        this.host = config.host().equals("0.0.0.0") ? "127.0.0.1" : config.host();

        Privacy privacy = new Privacy(config, config.publicUrl().map(URI::toString).orElse(url().toString()));
        Metrics metrics = new Metrics();
        Map<String, BbbClient> byTenant = new LinkedHashMap<>();
        Map<String, BbbClient> byBackend = new LinkedHashMap<>();
        Duration connect = limits.backendTimeout().compareTo(Duration.ofSeconds(3)) < 0 ? limits.backendTimeout() : Duration.ofSeconds(3);
        for (Tenant t : config.tenants()) {
            BbbClient client = BbbClient.builder().baseUrl(t.backendUrl()).secret(t.backendSecret())
                    .checksumAlgorithm(t.backendAlgorithm()).connectTimeout(connect).requestTimeout(limits.backendTimeout())
                    .maxRetries(1).build();
            byTenant.put(t.id(), client);
            byBackend.putIfAbsent(t.backendUrl() + '\n' + t.backendSecret(), client);
        }
        this.clients = byTenant;
        HttpClient callbackHttp = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(limits.callbackTimeout()).version(HttpClient.Version.HTTP_1_1).build();
        ConnectionGuard guard = new ConnectionGuard(limits.maxConnectionsPerAddress(), limits.headerTimeout().toMillis(),
                server.getScheduler(), metrics);
        connector.addEventListener(guard);
        server.addBean(guard);
        Readiness readiness = new Readiness(byBackend.values(), connect, READINESS_CACHE);
        GatewayHandler handler = new GatewayHandler(new ChecksumCheck(config.tenants()), new ApiCalls(privacy, byTenant, metrics),
                new CallbackRelay(privacy, config.tenants(), callbackHttp, limits.callbackTimeout(), metrics, clock),
                privacy, metrics, readiness, guard, management, config.tenants(), config.tenantRouting(), limits);

        server.addBean(new NetworkConnectionLimit(limits.maxConnections(), connector));
        server.setHandler(new GracefulHandler(handler));
        server.setStopTimeout(limits.stopTimeout().toMillis());
        server.start();
    }

    /**
     * Starts a gateway.
     *
     * @param config the configuration
     * @return the running gateway; close it to stop
     * @throws IllegalStateException if the server cannot start (e.g. the port is taken)
     */
    public static Gateway start(GatewayConfig config) {
        return start(config, Clock.systemUTC());
    }

    /**
     * Starts a gateway with a clock for callback token expiry (tests).
     *
     * @param config the configuration
     * @param clock the clock
     * @return the running gateway
     * @throws IllegalStateException if the server cannot start
     */
    public static Gateway start(GatewayConfig config, Clock clock) {
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(clock, "clock");
        try {
            return new Gateway(config, clock);
        } catch (Exception e) {
            throw new IllegalStateException("bbb-gateway could not start on port " + config.port() + ": " + e.getMessage(), e);
        }
    }

    /**
     * The port the gateway listens on.
     *
     * @return the port
     */
    public int port() {
        return connector.getLocalPort();
    }

    /**
     * The gateway's local base URL, e.g. {@code http://127.0.0.1:8090/}; clients use {@code url() + "bigbluebutton/"}.
     *
     * @return the URL
     */
    public URI url() {
        return URI.create("http://" + host + ':' + port() + '/');
    }

    /**
     * The management connector's base URL ({@code /metrics}, {@code /health/live}, {@code /health/ready}),
     * e.g. {@code http://127.0.0.1:8091/}.
     *
     * @return the URL
     */
    public URI managementUrl() {
        String h = management.getHost() == null || management.getHost().equals("0.0.0.0") ? "127.0.0.1" : management.getHost();
        return URI.create("http://" + (h.indexOf(':') >= 0 ? '[' + h + ']' : h) + ':' + management.getLocalPort() + '/');
    }

    /**
     * Blocks until the gateway is stopped.
     *
     * @throws InterruptedException if interrupted while waiting
     */
    public void await() throws InterruptedException {
        server.join();
    }

    /** Stops gracefully and closes the backend clients. Idempotent. */
    @Override
    public void close() {
        try {
            server.stop();
        } catch (Exception e) {
            throw new IllegalStateException("bbb-gateway did not stop cleanly", e);
        } finally {
            clients.values().forEach(BbbClient::close);
        }
    }

    @Override
    public String toString() {
        return "Gateway{port=" + port() + ", managementPort=" + management.getLocalPort() + ", tenants=" + clients.keySet() + '}';
    }
}
