// SPDX-License-Identifier: Apache-2.0
package de.hessen.schulportal.bbb.client;

import de.hessen.schulportal.bbb.client.internal.CustomTransport;
import de.hessen.schulportal.bbb.client.internal.HttpCall;
import de.hessen.schulportal.bbb.client.internal.LimitedBodySubscriber;
import de.hessen.schulportal.bbb.client.internal.RawResponse;
import de.hessen.schulportal.bbb.client.transport.HttpTransport;
import de.hessen.schulportal.bbb.client.transport.ResponseTooLargeException;
import de.hessen.schulportal.bbb.client.transport.TransportRequest;
import de.hessen.schulportal.bbb.client.transport.TransportResponse;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;

/**
 * Hands the SDK's internal exchange to an integrator's {@link HttpTransport} and its answer back: the
 * one place where the public transport types meet the internal ones.
 */
final class TransportAdapter implements CustomTransport.Exchange {
    private final HttpTransport transport;
    private final String userAgent;
    private final Duration timeout;
    private final long maxResponseBytes;

    TransportAdapter(HttpTransport transport, String userAgent, Duration timeout, long maxResponseBytes) {
        this.transport = transport;
        this.userAgent = userAgent;
        this.timeout = timeout;
        this.maxResponseBytes = maxResponseBytes;
    }

    @Override
    public RawResponse send(HttpCall call, long deadlineNanos) throws IOException, InterruptedException {
        TransportRequest.Builder b = TransportRequest.builder(call.method(), URI.create(call.uri()), timeout, maxResponseBytes)
                .header("User-Agent", userAgent).header("Accept", call.accept()).idempotent(call.idempotent());
        if (call.body() != null && call.method().equals("POST")) {
            b.body(call.body());
        }
        if (call.contentType() != null && call.method().equals("POST")) {
            b.header("Content-Type", call.contentType());
        }
        TransportResponse r;
        try {
            r = transport.send(b.build());
        } catch (ResponseTooLargeException e) {
            throw new LimitedBodySubscriber.BodyTooLargeException(maxResponseBytes, e);
        }
        if (r == null) {
            throw new NullPointerException("the HttpTransport returned null instead of an answer");
        }
        return new RawResponse(r.status(), r.headers(), r.body(), 0, deadlineNanos);
    }
}
