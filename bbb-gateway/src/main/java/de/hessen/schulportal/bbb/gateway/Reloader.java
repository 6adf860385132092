// SPDX-License-Identifier: Apache-2.0
package de.hessen.schulportal.bbb.gateway;

import de.hessen.schulportal.bbb.gateway.config.GatewayConfig;
import java.util.Objects;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reloads a running gateway's configuration from its source (the environment and the tenants file)
 * all or nothing: a file that does not read or validate leaves the running configuration as it is
 * and the log says why (by variable, file and JSON key, never a value); {@code bbb_gateway_reloads_total}
 * counts both outcomes. {@link TenantsFileWatcher}
 * calls {@link #reload()} when the tenants file changes.
 *
 * <p>Thread-safe.
 */
final class Reloader {
    private static final Logger LOG = LoggerFactory.getLogger(Reloader.class);

    private final Gateway gateway;
    private final Supplier<GatewayConfig> source;

    Reloader(Gateway gateway, Supplier<GatewayConfig> source) {
        this.gateway = Objects.requireNonNull(gateway, "gateway");
        this.source = Objects.requireNonNull(source, "source");
    }

    /**
     * Reads the configuration again and applies it.
     *
     * @return whether the new configuration is now in use
     */
    boolean reload() {
        GatewayConfig config;
        try {
            config = source.get();
        } catch (IllegalArgumentException | IllegalStateException e) {
            LOG.error("bbb-gateway reload refused, the running configuration stays: {}", e.getMessage());
            gateway.reloadRefused();
            return false;
        }
        gateway.reload(config);
        return true;
    }
}
