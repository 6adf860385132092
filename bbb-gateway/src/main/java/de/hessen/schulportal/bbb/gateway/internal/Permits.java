// SPDX-License-Identifier: Apache-2.0
package de.hessen.schulportal.bbb.gateway.internal;

import de.hessen.schulportal.bbb.gateway.config.GatewayLimits;
import java.util.concurrent.Semaphore;

/**
 * The gateway's concurrency bounds, made once when it starts and shared by every configuration
 * generation: a reload builds a new handler and relays over the same permits, so requests of the old
 * and the new generation together never exceed the configured concurrency.
 *
 * <p>Thread-safe.
 */
public final class Permits {
    final Semaphore requests;
    final Semaphore bodyKib;
    final Semaphore slides;

    /**
     * The permits of a gateway.
     *
     * @param limits the limits as started ({@link GatewayLimits#maxConcurrentRequests()},
     *     {@link GatewayLimits#maxBodyBytesInFlight()})
     * @param slideDownloads slide downloads at once
     */
    public Permits(GatewayLimits limits, int slideDownloads) {
        this.requests = new Semaphore(limits.maxConcurrentRequests());
        this.bodyKib = new Semaphore(limits.maxBodyBytesInFlight() / 1024);
        this.slides = new Semaphore(slideDownloads);
    }
}
