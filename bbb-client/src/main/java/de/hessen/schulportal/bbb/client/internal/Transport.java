// SPDX-License-Identifier: Apache-2.0
package de.hessen.schulportal.bbb.client.internal;

import java.util.concurrent.CompletableFuture;

/**
 * Sends one HTTP exchange. Implementations are thread-safe decorators around the JDK client.
 * Network failures surface as {@link de.hessen.schulportal.bbb.client.BbbTransportException}
 * (thrown, or completing the future); any HTTP status is a normal answer.
 */
public interface Transport {
    /**
     * Sends and waits.
     *
     * @param call the exchange
     * @return the answer
     */
    RawResponse send(HttpCall call);

    /**
     * Sends without blocking the caller.
     *
     * @param call the exchange
     * @return the answer, or a future failed with a transport exception
     */
    CompletableFuture<RawResponse> sendAsync(HttpCall call);
}
