// SPDX-License-Identifier: Apache-2.0
package de.hessen.schulportal.bbb.gateway;

import de.hessen.schulportal.bbb.gateway.config.GatewayConfig;
import de.hessen.schulportal.bbb.gateway.config.GatewayLimits;
import de.hessen.schulportal.bbb.gateway.config.Tenant;
import de.hessen.schulportal.bbb.client.BbbClient;
import de.hessen.schulportal.bbb.gateway.internal.ApiCalls;
import de.hessen.schulportal.bbb.gateway.internal.CallbackRelay;
import de.hessen.schulportal.bbb.gateway.internal.FetchTargets;
import de.hessen.schulportal.bbb.gateway.internal.ChecksumCheck;
import de.hessen.schulportal.bbb.gateway.internal.ConnectionGuard;
import de.hessen.schulportal.bbb.gateway.internal.GatewayHandler;
import de.hessen.schulportal.bbb.gateway.internal.Metrics;
import de.hessen.schulportal.bbb.gateway.internal.Permits;
import de.hessen.schulportal.bbb.gateway.internal.Privacy;
import de.hessen.schulportal.bbb.gateway.internal.Readiness;
import de.hessen.schulportal.bbb.gateway.internal.SocketTransport;
import de.hessen.schulportal.bbb.gateway.internal.SlideRelay;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.NetworkConnectionLimit;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.GracefulHandler;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The running privacy gateway: an embedded Jetty 12 server that speaks the BigBlueButton API to
 * its clients at {@code /bigbluebutton/api/} and forwards to each tenant's backend through
 * bbb-client. Stateless: several instances with the same configuration can run behind a load
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
    /** Slide downloads at once; BigBlueButton fetches a meeting's presentations one after another. */
    private static final int SLIDE_DOWNLOADS = 4;
    /** bbb-web's own default upload limit ({@code maxFileSizeUpload=30000000}). */
    private static final long SLIDE_MAX_BYTES = 30_000_000L;
    private static final Duration SLIDE_TIME = Duration.ofSeconds(60);
    private static final Logger LOG = LoggerFactory.getLogger(Gateway.class);
    /** Threads of the management connector: health and metrics never wait for the public pool. */
    private static final int MANAGEMENT_THREADS = 8;
    private static final Duration READINESS_CACHE = Duration.ofSeconds(10);
    /** How long a stopping gateway keeps a connection that has no request on it (Jetty's default: 1 s). */
    private static final long SHUTDOWN_IDLE_MS = 100;

    private final Server server;
    private final ServerConnector connector;
    private final ServerConnector management;
    private final ConnectionGuard guard;
    private final String host;
    private final Metrics metrics = new Metrics();
    private final HttpClient callbackHttp;
    /**
     * The synchronous transport of every backend client, across reloads: one pool of kept connections
     * with one idle cap over all backends.
     */
    private final SocketTransport backendTransport;
    private final Clock clock;
    /** The limits as started: every generation uses them, a reload does not change them. */
    private final GatewayLimits limits;
    /** The concurrency bounds, one set for the gateway's lifetime: every generation shares them. */
    private final Permits permits;
    /** What a reload replaces as a whole: the configuration, its backend clients and the handler built on them. */
    private final AtomicReference<Generation> current = new AtomicReference<>();

    private static final class Generation {
        final GatewayConfig config;
        final Map<String, BbbClient> clients;
        final GatewayHandler handler;

        Generation(GatewayConfig config, Map<String, BbbClient> clients, GatewayHandler handler) {
            this.config = config;
            this.clients = clients;
            this.handler = handler;
        }
    }

    private Gateway(GatewayConfig config, Clock clock) throws Exception {
        GatewayLimits limits = config.limits();
        // Threads: the API permits plus room for callbacks, health, metrics and Jetty's own selectors. The
        // pool's queue stays Jetty's default: work is bounded by the connection limit and the API permits.
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
        // On close, Jetty lets a kept-alive connection with no request on it sit for this long before closing it
        // (its default is a second, so every stop took a second while any client held a connection open).
        // A request already running is not idle and still gets the stop timeout.
        connector.setShutdownIdleTimeout(SHUTDOWN_IDLE_MS);
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
        management.setShutdownIdleTimeout(SHUTDOWN_IDLE_MS);
        server.addConnector(management);
        // Bound now, so the local URL (the default public URL) knows its port before the handler is built.
        connector.open();
        management.open();
        this.host = config.host().equals("0.0.0.0") ? "127.0.0.1" : config.host();

        this.clock = clock;
        this.limits = limits;
        this.permits = new Permits(limits, SLIDE_DOWNLOADS);
        this.backendTransport = new SocketTransport(backendConnectTimeout(limits));
        this.callbackHttp = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(limits.callbackTimeout()).version(HttpClient.Version.HTTP_1_1).build();
        this.guard = new ConnectionGuard(limits.maxConnectionsPerAddress(), limits.headerTimeout().toMillis(),
                server.getScheduler(), metrics);
        connector.addEventListener(guard);
        server.addBean(guard);
        current.set(generation(config));
        // Every request goes to the current generation's handler; a reload swaps it in one step.
        Handler.Abstract delegate = new Handler.Abstract() {
            @Override
            public boolean handle(Request request, Response response, Callback callback) throws Exception {
                return current.get().handler.handle(request, response, callback);
            }
        };

        server.addBean(new NetworkConnectionLimit(limits.maxConnections(), connector));
        server.setHandler(new GracefulHandler(delegate));
        server.setStopTimeout(limits.stopTimeout().toMillis());
        // Jetty's default error page repeats the request URI, checksum and all: answer its errors without it.
        server.setErrorHandler((request, response, callback) -> {
            response.getHeaders().put(HttpHeader.CONTENT_TYPE, "text/plain;charset=utf-8");
            response.write(true, ByteBuffer.wrap("error\n".getBytes(StandardCharsets.US_ASCII)), callback);
            return true;
        });
        server.start();
    }

    /** The backend connect timeout: the backend timeout, at most 3 s. */
    private static Duration backendConnectTimeout(GatewayLimits limits) {
        return limits.backendTimeout().compareTo(Duration.ofSeconds(3)) < 0 ? limits.backendTimeout() : Duration.ofSeconds(3);
    }

    private Generation generation(GatewayConfig config) {
        Privacy privacy = new Privacy(config, config.publicUrl().map(URI::toString).orElse(url().toString()), clock);
        Map<String, BbbClient> byTenant = new LinkedHashMap<>();
        Map<String, BbbClient> byBackend = new LinkedHashMap<>();
        Duration connect = backendConnectTimeout(limits);
        for (Tenant t : config.tenants()) {
            // Blocking I/O on Jetty's request thread: the JDK client's hand-offs to its selector and executor
            // threads cost about a third of the gateway's CPU per request (BENCHMARKS.md §7).
            BbbClient client = BbbClient.builder().baseUrl(t.backendUrl()).secret(t.backendSecret())
                    .checksumAlgorithm(t.backendAlgorithm()).connectTimeout(connect).requestTimeout(limits.backendTimeout())
                    .maxRetries(1).transport(backendTransport).build();
            byTenant.put(t.id(), client);
            byBackend.putIfAbsent(t.backendUrl() + '\n' + t.backendSecret(), client);
        }
        Readiness readiness = new Readiness(byBackend.values(), connect, READINESS_CACHE);
        FetchTargets targets = new FetchTargets(config.isAllowLoopbackFetch(), config.isRefusePrivateFetch());
        GatewayHandler handler = new GatewayHandler(new ChecksumCheck(config.tenants()), new ApiCalls(privacy, byTenant, metrics),
                new CallbackRelay(privacy, config.tenants(), callbackHttp, limits.callbackTimeout(), metrics, clock, targets),
                new SlideRelay(privacy.sealer(), callbackHttp, metrics, permits, SLIDE_MAX_BYTES, SLIDE_TIME, clock, targets),
                privacy, metrics, readiness, guard, management, config.tenants(), config.tenantRouting(), limits, permits);
        // Not the server's handler itself (the delegate is): it still needs the server's scheduler for body deadlines.
        handler.setServer(server);
        return new Generation(config, Collections.unmodifiableMap(byTenant), handler);
    }

    /**
     * Replaces the tenants (their secrets, previous secrets, backends and key rings), the gateway's key
     * ring and the privacy policy while the gateway runs, for instance after the tenants file changed
     * ({@code GatewayMain} calls it when the tenants file changes). Requests already running finish with the
     * configuration they started with; every later request sees the new one (and seals with the new
     * current keys: everything keyed is rebuilt with the generation); none is refused in between. The old backend clients are closed once requests that may still use them are over.
     *
     * <p>Where to listen ({@link GatewayConfig#host()}, {@link GatewayConfig#port()}) and the
     * {@link GatewayLimits} stay as started (every generation is built with them and shares one set of
     * request, body and slide permits, so old and new requests together stay within the configured
     * concurrency); a change to them is logged and needs a restart.
     * Thread-safe; reloads are applied one at a time.
     *
     * @param config the new configuration, already validated by its builder
     */
    public synchronized void reload(GatewayConfig config) {
        Objects.requireNonNull(config, "config");
        Generation old = current.get();
        if (!config.host().equals(old.config.host()) || config.port() != old.config.port() && config.port() != port()
                || !config.limits().equals(limits)) {
            LOG.warn("bbb-gateway reload: the listening address and the limits stay as started; restart to change them");
        }
        current.set(generation(config));
        // A request that took the old handler just before the swap may still call its backend: close its clients
        // after the longest such call can take.
        Duration grace = limits.backendTimeout().multipliedBy(2).plusSeconds(1);
        CompletableFuture.runAsync(() -> old.clients.values().forEach(BbbClient::close),
                CompletableFuture.delayedExecutor(grace.toMillis(), TimeUnit.MILLISECONDS));
        // Key IDs are no secret: the log shows which key each tenant seals with now, so an operator sees a rotation apply.
        Map<String, String> currentKeys = new LinkedHashMap<>();
        config.tenants().forEach(t -> currentKeys.put(t.id(), config.keyRing(t.id()).currentId()));
        LOG.info("bbb-gateway reloaded: {} tenants, current key IDs {}", config.tenants().size(), currentKeys);
        metrics.reload("applied");
    }

    /** Counts a reload whose configuration did not read or validate ({@code bbb_gateway_reloads_total{outcome="refused"}}). */
    void reloadRefused() {
        metrics.reload("refused");
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
     * Starts a gateway with a clock for the expiry of callback JWTs and slide links (tests).
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
     * The management connector's base URL ({@code /metrics} and {@code /health/ready} only here, {@code /health/live} too),
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

    /** Stops gracefully and closes the backend clients and their connections. Idempotent. */
    @Override
    public void close() {
        try {
            server.stop();
        } catch (Exception e) {
            throw new IllegalStateException("bbb-gateway did not stop cleanly", e);
        } finally {
            current.get().clients.values().forEach(BbbClient::close);
            backendTransport.close();
        }
    }

    /** The one transport of all backend clients (tests). */
    SocketTransport backendTransport() {
        return backendTransport;
    }

    @Override
    public String toString() {
        return "Gateway{port=" + port() + ", managementPort=" + management.getLocalPort() + ", tenants="
                + current.get().clients.keySet() + '}';
    }
}
