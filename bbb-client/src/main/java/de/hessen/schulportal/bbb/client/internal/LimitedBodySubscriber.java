// SPDX-License-Identifier: Apache-2.0
package de.hessen.schulportal.bbb.client.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Collects a response body with two guards the JDK client lacks: a size cap, and a deadline that
 * also covers the body (the JDK's request timeout stops at the headers, so a server that drips or
 * stalls mid-body would otherwise hold the call forever). Either guard cancels the subscription,
 * which closes the connection.
 */
public final class LimitedBodySubscriber implements HttpResponse.BodySubscriber<byte[]> {
    /**
     * Thrown (as the cause of the failed body) when the cap is exceeded; also what a custom
     * transport's refusal of a too large body becomes, so that one place maps it.
     */
    public static final class BodyTooLargeException extends IOException {
        private static final long serialVersionUID = 1L;

        BodyTooLargeException(long cap) {
            this(cap, null);
        }

        /**
         * Creates the exception.
         *
         * @param cap the client's {@code maxResponseBytes}
         * @param cause what reported it (a custom transport's exception), or {@code null}
         */
        public BodyTooLargeException(long cap, Throwable cause) {
            super("response body exceeds the cap of " + cap + " bytes", cause);
        }
    }

    private final long cap;
    private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    private final CompletableFuture<byte[]> result = new CompletableFuture<>();
    private volatile Flow.Subscription subscription;

    private LimitedBodySubscriber(long cap, Duration remaining) {
        this.cap = cap;
        result.orTimeout(Math.max(1, remaining.toMillis()), TimeUnit.MILLISECONDS)
                .whenComplete((bytes, error) -> {
                    if (error != null) {
                        cancel();
                    }
                });
    }

    /** A handler that applies the guards to every response. */
    public static HttpResponse.BodyHandler<byte[]> handler(long cap, long deadlineNanos) {
        return info -> new LimitedBodySubscriber(cap, Duration.ofNanos(deadlineNanos - System.nanoTime()));
    }

    private void cancel() {
        Flow.Subscription s = subscription;
        if (s != null) {
            s.cancel();
        }
    }

    @Override
    public CompletionStage<byte[]> getBody() {
        return result.handle((bytes, error) -> {
            if (error instanceof TimeoutException) {
                throw new java.util.concurrent.CompletionException(
                        new HttpTimeoutException("response body not complete before the request timeout"));
            }
            if (error != null) {
                throw error instanceof java.util.concurrent.CompletionException
                        ? (java.util.concurrent.CompletionException) error
                        : new java.util.concurrent.CompletionException(error);
            }
            return bytes;
        });
    }

    @Override
    public void onSubscribe(Flow.Subscription s) {
        this.subscription = s;
        if (result.isDone()) {
            s.cancel();
        } else {
            s.request(Long.MAX_VALUE);
        }
    }

    @Override
    public void onNext(List<ByteBuffer> items) {
        if (result.isDone()) {
            return;
        }
        synchronized (buffer) {
            for (ByteBuffer b : items) {
                int n = b.remaining();
                if (buffer.size() + (long) n > cap) {
                    result.completeExceptionally(new BodyTooLargeException(cap));
                    return;
                }
                byte[] chunk = new byte[n];
                b.get(chunk);
                buffer.write(chunk, 0, n);
            }
        }
    }

    @Override
    public void onError(Throwable throwable) {
        result.completeExceptionally(throwable);
    }

    @Override
    public void onComplete() {
        synchronized (buffer) {
            result.complete(buffer.toByteArray());
        }
    }
}
