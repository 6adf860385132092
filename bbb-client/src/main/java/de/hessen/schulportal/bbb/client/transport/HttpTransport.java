// SPDX-License-Identifier: Apache-2.0
package de.hessen.schulportal.bbb.client.transport;

import java.io.IOException;

/**
 * Sends one HTTP/1.1 request of a synchronous call and reads its whole answer: the innermost step
 * of the client's transport stack, for integrators who must own the wire (a server that calls from
 * its own request threads, a special TLS or socket setup). Set it with
 * {@code BbbClient.builder().transport(transport)}; without it the client uses the JDK
 * {@link java.net.http.HttpClient}.
 *
 * <pre>{@code
 * HttpTransport transport = request -> {
 *     // one attempt: send request.method() to request.uri() with request.headers() and request.body(),
 *     // within request.timeout(), holding at most request.maxResponseBytes() bytes of the body
 *     return TransportResponse.of(200, headers, body);
 * };
 * BbbClient bbb = BbbClient.builder().baseUrl(url).secret(secret).transport(transport).build();
 * }</pre>
 *
 * <p><b>What the SDK keeps doing around it.</b> Each call to {@link #send} is one attempt. The SDK
 * signs the URL, retries idempotent calls on connection failures, timeouts and HTTP
 * 429/502/503/504 (calling {@code send} again), logs with redaction, tells its event listener about
 * every attempt, refuses an answer over the size cap, fails an answer that arrives after the
 * attempt's timeout as a timeout, and maps the answer to the SDK's results and exceptions.
 *
 * <p><b>Only the transport bounds the wait.</b> The SDK calls {@code send} on the caller's thread
 * and cannot interrupt it: a transport that blocks forever blocks the caller forever, and a retried
 * call waits once per attempt. Relabelling a late answer as a timeout is all the SDK can do.
 * Asynchronous calls ({@code BbbClient.async()}) do not use this interface: they stay on the
 * non-blocking JDK client the SDK creates, because running a blocking transport for them would take
 * a thread per call in flight.
 *
 * <p><b>What an implementation must do.</b>
 * <ul>
 *   <li>Send the request as given: {@link TransportRequest#uri()}'s raw path and query byte for byte
 *       (they are signed; re-encoding breaks the checksum), the method, every header in
 *       {@link TransportRequest#headers()}, and the body with its {@code Content-Length}. Never
 *       follow a redirect: a 3xx is an answer (the SDK follows Scalelite's join redirect itself,
 *       after checking it).</li>
 *   <li>Return every HTTP status as an answer; only a failure to get a complete answer is an
 *       exception.</li>
 *   <li>Finish, answer or exception, within {@link TransportRequest#timeout()}: connecting, TLS,
 *       writing and reading the whole answer, whatever the server does (a server that drips one
 *       byte at a time must not hold the call longer). Nothing else will end a blocked call.</li>
 *   <li>Hold at most {@link TransportRequest#maxResponseBytes()} bytes of a body: throw
 *       {@link ResponseTooLargeException} at once when the {@code Content-Length} announces more
 *       (without reading the body), and as soon as more arrives; never reuse that connection. The
 *       call then fails as too large, without retry. (A longer body returned anyway fails the
 *       same way, after the transport held it.)</li>
 *   <li>Resend nothing on its own, except an {@linkplain TransportRequest#idempotent() idempotent}
 *       request whose kept-alive connection turned out closed before any byte of the answer
 *       arrived, once, on a new connection. A request that is not idempotent may have reached the
 *       server and should not be sent twice. (The JDK {@link java.net.http.HttpClient}, the SDK's
 *       default, re-sends a {@code GET} once by itself in that case whatever the call, below any
 *       setting; a transport built on it inherits that. The reliability guide lists it under
 *       "Knowingly not guaranteed".)</li>
 *   <li>Treat the URI as a credential: it carries the call's checksum and, for a join, everything
 *       needed to enter the meeting. Never log it, nor put it into an exception message.</li>
 * </ul>
 *
 * <p><b>Exceptions.</b> An {@link IOException} means the attempt got no complete answer. The SDK
 * reads its type (and its causes) the way it reads the JDK client's:
 * {@link java.net.http.HttpConnectTimeoutException} is a connect timeout,
 * {@link java.net.http.HttpTimeoutException} a request timeout (both
 * {@code BbbTransportException.isTimeout()}), {@link java.net.UnknownHostException} an unknown host,
 * {@link java.net.ConnectException} a refused connection, {@link javax.net.ssl.SSLException} a TLS
 * failure, and any other {@code IOException} a broken exchange; each becomes a
 * {@code BbbTransportException} naming the call and the host, with the exception as its cause,
 * after the retries the call allows (none for an unknown host or a TLS failure, which the next
 * attempt would meet again). {@link ResponseTooLargeException} becomes the SDK's "answer too
 * large" {@code BbbResponseException}, without retry. An {@link InterruptedException} (throw it with the thread's
 * interrupt status cleared, as {@link Thread#sleep} does) ends the call with a
 * {@code BbbTransportException}, without retry, and the SDK sets the interrupt status again; so does
 * an {@code IOException} thrown while the thread's interrupt status is set (the way blocking channels
 * report an interrupt, {@link java.nio.channels.ClosedByInterruptException}). Exception messages
 * reach the SDK's messages only through its redactor, yet should not quote the URI at all. Any
 * other exception is a bug of the transport: it reaches the caller unchanged and is not retried.
 *
 * <p><b>Threads and lifetime.</b> An implementation must be thread-safe: one client calls it from
 * every thread that makes a synchronous call, at the same time, and several clients may share it.
 * It runs on the caller's thread. It belongs to whoever created it: the SDK never closes it, also
 * not in {@code BbbClient.close()}, so close what it holds (pooled connections, threads) after the
 * last client that uses it is done.
 */
@FunctionalInterface
public interface HttpTransport {
    /**
     * Makes one attempt: sends the request and reads the complete answer.
     *
     * @param request what to send; valid, never {@code null}
     * @return the answer, whatever its HTTP status; never {@code null}
     * @throws IOException if no complete answer arrived (see the class description for the types the
     *         SDK tells apart)
     * @throws InterruptedException if the calling thread was interrupted while waiting
     */
    TransportResponse send(TransportRequest request) throws IOException, InterruptedException;
}
