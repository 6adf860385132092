// SPDX-License-Identifier: Apache-2.0
package de.hessen.schulportal.bbb.client.internal;

import java.io.IOException;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The bottom of the transport stack when the integrator supplies the synchronous exchange (the
 * public {@code HttpTransport}, adapted to {@link Exchange} by the client): one attempt on the
 * caller's thread, held to the SDK's rules whatever the exchange does. Its exceptions are mapped as
 * {@link JdkTransport#failure} maps the JDK client's, a body over the cap fails
 * {@link TransportFailure.Reason#TOO_LARGE}, and an answer after the deadline fails
 * {@link TransportFailure.Reason#TIMEOUT}. Asynchronous calls go to another transport.
 */
public final class CustomTransport implements Transport {
    private static final Logger LOG = LoggerFactory.getLogger("de.hessen.schulportal.bbb.client.http");

    /** One attempt through the integrator's transport. */
    @FunctionalInterface
    public interface Exchange {
        /**
         * Sends the call and reads the whole answer.
         *
         * @param call the exchange
         * @param deadlineNanos the {@link System#nanoTime()} by which the attempt must be done
         * @return the answer, carrying {@code deadlineNanos}
         * @throws IOException if no complete answer arrived
         * @throws InterruptedException if the thread was interrupted
         */
        RawResponse send(HttpCall call, long deadlineNanos) throws IOException, InterruptedException;
    }

    private final Exchange exchange;
    private final Transport async;
    private final Duration requestTimeout;
    private final long maxResponseBytes;

    /**
     * Creates the transport.
     *
     * @param exchange the synchronous exchange
     * @param async the transport for {@link #sendAsync}
     * @param requestTimeout the time one attempt may take
     * @param maxResponseBytes the largest body accepted
     */
    public CustomTransport(Exchange exchange, Transport async, Duration requestTimeout, long maxResponseBytes) {
        this.exchange = exchange;
        this.async = async;
        this.requestTimeout = requestTimeout;
        this.maxResponseBytes = maxResponseBytes;
    }

    @Override
    public RawResponse send(HttpCall call) {
        if (LOG.isTraceEnabled()) {
            LOG.trace("-> {}", call);
        }
        long deadline = System.nanoTime() + requestTimeout.toNanos();
        RawResponse r;
        try {
            r = exchange.send(call, deadline);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw JdkTransport.interrupted(call, e);
        } catch (IOException e) {
            // An interrupt during blocking I/O shows as an IOException (ClosedByInterruptException,
            // InterruptedIOException) with the interrupt status set: it ends the call like one.
            if (Thread.currentThread().isInterrupted()) {
                throw JdkTransport.interrupted(call, e);
            }
            throw JdkTransport.failure(call, e, deadline);
        }
        if (r.body().length > maxResponseBytes) {
            throw JdkTransport.failure(call, new LimitedBodySubscriber.BodyTooLargeException(maxResponseBytes), deadline);
        }
        if (System.nanoTime() - deadline >= 0) {
            throw JdkTransport.failure(call, new HttpTimeoutException("the answer came after the request timeout"), deadline);
        }
        if (LOG.isTraceEnabled()) {
            LOG.trace("<- {} {} ({} bytes) for {}", r.status(), r.contentType().isEmpty() ? "-" : r.contentType(),
                    r.body().length, call.call());
        }
        return r;
    }

    @Override
    public CompletableFuture<RawResponse> sendAsync(HttpCall call) {
        return async.sendAsync(call);
    }
}
