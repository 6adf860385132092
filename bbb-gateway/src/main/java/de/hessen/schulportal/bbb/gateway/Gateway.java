// SPDX-License-Identifier: Apache-2.0
package de.hessen.schulportal.bbb.gateway;

import de.hessen.schulportal.bbb.gateway.config.GatewayConfig;
import de.hessen.schulportal.bbb.gateway.config.GatewayLimits;
import de.hessen.schulportal.bbb.gateway.config.Tenant;
import de.hessen.schulportal.bbb.client.BbbClient;
import de.hessen.schulportal.bbb.gateway.internal.ApiCalls;
import de.hessen.schulportal.bbb.gateway.internal.CallbackRelay;
import de.hessen.schulportal.bbb.gateway.internal.ChecksumCheck;
import de.hessen.schulportal.bbb.gateway.internal.GatewayHandler;
import de.hessen.schulportal.bbb.gateway.internal.Metrics;
import de.hessen.schulportal.bbb.gateway.internal.Privacy;
import de.hessen.schulportal.bbb.gateway.internal.SlideRelay;
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

    private final Server server;
    private final ServerConnector connector;
    private final Map<String, BbbClient> clients;
    private final String host;

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
        server.addConnector(connector);
        // Bound now, so the local URL (the default public URL) knows its port before the handler is built.
        connector.open();
        this.host = config.host().equals("0.0.0.0") ? "127.0.0.1" : config.host();

        Privacy privacy = new Privacy(config, config.publicUrl().map(URI::toString).orElse(url().toString()));
        Metrics metrics = new Metrics();
        Map<String, BbbClient> byTenant = new LinkedHashMap<>();
        Duration connect = limits.backendTimeout().compareTo(Duration.ofSeconds(3)) < 0 ? limits.backendTimeout() : Duration.ofSeconds(3);
        for (Tenant t : config.tenants()) {
            byTenant.put(t.id(), BbbClient.builder().baseUrl(t.backendUrl()).secret(t.backendSecret())
                    .checksumAlgorithm(t.backendAlgorithm()).connectTimeout(connect).requestTimeout(limits.backendTimeout())
                    .maxRetries(1).build());
        }
        this.clients = byTenant;
        HttpClient callbackHttp = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(limits.callbackTimeout()).version(HttpClient.Version.HTTP_1_1).build();
        GatewayHandler handler = new GatewayHandler(new ChecksumCheck(config.tenants()), new ApiCalls(privacy, byTenant, metrics),
                new CallbackRelay(privacy, config.tenants(), callbackHttp, limits.callbackTimeout(), metrics, clock),
                new SlideRelay(privacy.sealer(), callbackHttp, metrics, SLIDE_DOWNLOADS, SLIDE_MAX_BYTES, SLIDE_TIME),
                privacy, metrics, limits.maxConcurrentRequests(), limits.maxBodyBytes());

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
        return "Gateway{port=" + port() + ", tenants=" + clients.keySet() + '}';
    }
}
