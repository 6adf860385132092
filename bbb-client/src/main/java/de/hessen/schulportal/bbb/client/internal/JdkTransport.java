// SPDX-License-Identifier: Apache-2.0
package de.hessen.schulportal.bbb.client.internal;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.channels.UnresolvedAddressException;
import javax.net.ssl.SSLException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The bottom of the transport stack: one attempt through the JDK {@link HttpClient}. The URL is
 * handed over with {@link URI#create(String)}, which keeps an already encoded string as it is, so
 * the bytes on the wire are the bytes that were signed.
 */
public final class JdkTransport implements Transport {
    private static final Logger LOG = LoggerFactory.getLogger("de.hessen.schulportal.bbb.client.http");

    private final HttpClient client;
    private final Duration requestTimeout;
    private final long maxResponseBytes;
    private final String userAgent;

    /**
     * Creates the transport.
     *
     * @param client the JDK client (redirects must be off)
     * @param requestTimeout the time one attempt may take, headers and body together
     * @param maxResponseBytes the largest body accepted
     * @param userAgent the {@code User-Agent} header
     */
    public JdkTransport(HttpClient client, Duration requestTimeout, long maxResponseBytes, String userAgent) {
        this.client = client;
        this.requestTimeout = requestTimeout;
        this.maxResponseBytes = maxResponseBytes;
        this.userAgent = userAgent;
    }

    private HttpRequest request(HttpCall call) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(call.uri()))
                .timeout(requestTimeout)
                .header("User-Agent", userAgent)
                .header("Accept", call.accept());
        if ("POST".equals(call.method())) {
            byte[] body = call.body() == null ? new byte[0] : call.body();
            if (call.contentType() != null) {
                b.header("Content-Type", call.contentType());
            }
            b.POST(HttpRequest.BodyPublishers.ofByteArray(body));
        } else {
            b.GET();
        }
        return b.build();
    }

    @Override
    public RawResponse send(HttpCall call) {
        if (LOG.isTraceEnabled()) {
            LOG.trace("-> {}", call);
        }
        long deadline = System.nanoTime() + requestTimeout.toNanos();
        try {
            HttpResponse<byte[]> r = client.send(request(call), LimitedBodySubscriber.handler(maxResponseBytes, deadline));
            return toRaw(call, r, deadline);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw interrupted(call, e);
        } catch (IOException e) {
            throw failure(call, e, deadline);
        }
    }

    @Override
    public CompletableFuture<RawResponse> sendAsync(HttpCall call) {
        if (LOG.isTraceEnabled()) {
            LOG.trace("-> {}", call);
        }
        long deadline = System.nanoTime() + requestTimeout.toNanos();
        HttpRequest request;
        try {
            request = request(call);
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
        return client.sendAsync(request, LimitedBodySubscriber.handler(maxResponseBytes, deadline))
                .handle((r, error) -> {
                    if (error != null) {
                        throw new CompletionException(failure(call, unwrap(error), deadline));
                    }
                    return toRaw(call, r, deadline);
                });
    }

    private RawResponse toRaw(HttpCall call, HttpResponse<byte[]> r, long deadline) {
        if (LOG.isTraceEnabled()) {
            LOG.trace("<- {} {} ({} bytes) for {}", r.statusCode(), r.headers().firstValue("Content-Type").orElse("-"),
                    r.body().length, call.call());
        }
        return new RawResponse(r.statusCode(), r.headers(), r.body(), 0, deadline);
    }

    private static Throwable unwrap(Throwable t) {
        Throwable cur = t;
        while ((cur instanceof CompletionException || cur instanceof ExecutionException) && cur.getCause() != null) {
            cur = cur.getCause();
        }
        return cur;
    }

    static String host(HttpCall call) {
        String host = URI.create(call.uri()).getHost();
        return host == null ? "the server" : host;
    }

    /** The failure of an attempt whose thread was interrupted: not retried, the cause kept. */
    static TransportFailure interrupted(HttpCall call, Exception cause) {
        String host = host(call);
        return new TransportFailure(TransportFailure.Reason.INTERRUPTED, host,
                "interrupted while calling " + call.call() + " on " + host, cause);
    }

    /**
     * Maps a failure of one attempt to a {@link TransportFailure} that names the host and the
     * reason and keeps the JDK's exception as its cause. Messages never carry the URL.
     */
    static TransportFailure failure(HttpCall call, Throwable error, long deadlineNanos) {
        Throwable root = unwrap(error);
        if (root instanceof TransportFailure) {
            return (TransportFailure) root;
        }
        String host = host(call);
        String what = call.call() + " on " + host;
        Throwable c;
        if ((c = find(root, LimitedBodySubscriber.BodyTooLargeException.class)) != null) {
            return new TransportFailure(TransportFailure.Reason.TOO_LARGE, host, "The answer to " + what + " "
                    + c.getMessage() + "; raise maxResponseBytes if the server really sends that much", root);
        }
        if (find(root, HttpConnectTimeoutException.class) != null) {
            return new TransportFailure(TransportFailure.Reason.CONNECT_TIMEOUT, host, "Connecting to " + host
                    + " for " + call.call() + " timed out", root);
        }
        if ((c = find(root, HttpTimeoutException.class)) != null) {
            return new TransportFailure(TransportFailure.Reason.TIMEOUT, host, what + " timed out: " + safeMessage(c), root);
        }
        if (find(root, UnknownHostException.class) != null || find(root, UnresolvedAddressException.class) != null) {
            return new TransportFailure(TransportFailure.Reason.UNKNOWN_HOST, host, "Unknown host " + host
                    + " for " + call.call() + ": check the base URL and DNS", root);
        }
        if ((c = find(root, SSLException.class)) != null) {
            return new TransportFailure(TransportFailure.Reason.TLS, host, "TLS with " + host + " failed for "
                    + call.call() + " (" + safeMessage(c) + "): check the certificate and the JVM's trust store", root);
        }
        if ((c = find(root, ConnectException.class)) != null) {
            return new TransportFailure(TransportFailure.Reason.CONNECTION_REFUSED, host, "Could not connect to "
                    + host + " for " + call.call() + " (connection refused): " + safeMessage(c), root);
        }
        if (System.nanoTime() - deadlineNanos >= 0) {
            // The attempt ran out of time: when the body deadline cancels the subscription, the JDK
            // may report the cancelled or closed exchange (an IOException) before our timeout.
            return new TransportFailure(TransportFailure.Reason.TIMEOUT, host, what
                    + " timed out: the request timeout passed", root);
        }
        return new TransportFailure(TransportFailure.Reason.IO, host, what + " failed: " + root.getClass().getSimpleName()
                + (root.getMessage() == null ? "" : " (" + safeMessage(root) + ")"), root);
    }

    private static Throwable find(Throwable root, Class<? extends Throwable> type) {
        for (Throwable c = root; c != null; c = c.getCause()) {
            if (type.isInstance(c)) {
                return c;
            }
        }
        return null;
    }

    /**
     * JDK I/O messages describe the failure ("Connection reset", "header parser received no bytes"),
     * not the request; Redactor still runs over them in case one quotes a URL.
     */
    private static String safeMessage(Throwable t) {
        String m = t.getMessage();
        return m == null ? t.getClass().getSimpleName() : Redactor.redact(m);
    }
}
