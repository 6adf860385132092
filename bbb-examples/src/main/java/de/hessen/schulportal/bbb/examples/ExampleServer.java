// SPDX-License-Identifier: Apache-2.0
package de.hessen.schulportal.bbb.examples;

import de.hessen.schulportal.bbb.client.BbbClient;
import de.hessen.schulportal.bbb.client.ChecksumAlgorithm;
import de.hessen.schulportal.bbb.testkit.BbbSimulator;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Where the examples send their calls: a real BigBlueButton server (or Scalelite) when
 * {@code BBB_URL} and {@code BBB_SECRET} are set, otherwise the embedded simulator from
 * bbb-testkit, started on a free loopback port.
 *
 * <p>Environment:
 * <ul>
 *   <li>{@code BBB_URL}: e.g. {@code https://bbb.example.org/bigbluebutton/}</li>
 *   <li>{@code BBB_SECRET}: the shared secret ({@code bbb-conf --secret}); never printed</li>
 *   <li>{@code BBB_CHECKSUM_ALGORITHM}: SHA1, SHA256 (default), SHA384 or SHA512</li>
 * </ul>
 */
public final class ExampleServer implements AutoCloseable {
    private final BbbClient client;
    private final BbbSimulator simulator;
    private final String baseUrl;
    private final String secret;

    private ExampleServer(BbbClient client, BbbSimulator simulator, String baseUrl, String secret) {
        this.client = client;
        this.simulator = simulator;
        this.baseUrl = baseUrl;
        this.secret = secret;
    }

    /**
     * Connects as the environment says.
     *
     * @return the connection; close it when done
     */
    public static ExampleServer fromEnvironment() {
        return fromEnvironment(System.getenv());
    }

    /**
     * Connects as the given environment says.
     *
     * @param env the environment variables
     * @return the connection; close it when done
     */
    public static ExampleServer fromEnvironment(Map<String, String> env) {
        String url = env.get("BBB_URL");
        String secret = env.get("BBB_SECRET");
        ChecksumAlgorithm algorithm = Optional.ofNullable(env.get("BBB_CHECKSUM_ALGORITHM"))
                .map(a -> ChecksumAlgorithm.valueOf(a.trim().toUpperCase(Locale.ROOT).replace("-", "")))
                .orElse(ChecksumAlgorithm.SHA256);
        if (url != null && !url.isBlank() && secret != null && !secret.isBlank()) {
            return new ExampleServer(BbbClient.builder().baseUrl(url).secret(secret).checksumAlgorithm(algorithm).build(), null,
                    url, secret);
        }
        BbbSimulator sim = BbbSimulator.start();
        return new ExampleServer(BbbClient.builder().baseUrl(sim.baseUrl()).secret(sim.secret())
                .checksumAlgorithm(algorithm).build(), sim, sim.baseUrl(), sim.secret());
    }

    /**
     * The client.
     *
     * @return the client
     */
    public BbbClient client() {
        return client;
    }

    /**
     * The base URL the client was built with.
     *
     * @return the URL
     */
    public String baseUrl() {
        return baseUrl;
    }

    /** The secret, for examples that build their own client. Never print it. */
    String secret() {
        return secret;
    }

    /**
     * The embedded simulator, when no real server was configured.
     *
     * @return the simulator, or empty against a real server
     */
    public Optional<BbbSimulator> simulator() {
        return Optional.ofNullable(simulator);
    }

    /**
     * A line saying where the calls go, without the secret.
     *
     * @return the description
     */
    public String describe() {
        return simulator != null
                ? "embedded BigBlueButton simulator at " + client.apiBaseUrl() + " (set BBB_URL and BBB_SECRET for a real server)"
                : "BigBlueButton at " + client.apiBaseUrl();
    }

    /**
     * Whether join links point at the simulator (and may be printed: they open nothing real).
     *
     * @return {@code true} for the simulator
     */
    public boolean isSimulated() {
        return simulator != null;
    }

    @Override
    public void close() {
        client.close();
        if (simulator != null) {
            simulator.close();
        }
    }
}
