// SPDX-License-Identifier: Apache-2.0
/**
 * The transport service-provider interface: an integrator may replace the one step at the bottom
 * of the client's transport stack that sends the bytes of a synchronous call and reads the answer,
 * with {@code BbbClient.builder().transport(...)}. Everything above that step stays the SDK's:
 * signing, retries with backoff, logging with redaction, the size cap, events and the mapping of
 * answers and failures. How long a call waits is the transport's alone to bound: the SDK cannot
 * interrupt it and only fails an answer that comes after the timeout as a timeout. The default is
 * the JDK {@link java.net.http.HttpClient}; asynchronous calls always use it.
 *
 * <p>One interface, {@link de.hessen.schulportal.bbb.client.transport.HttpTransport}, its two
 * value types, {@link de.hessen.schulportal.bbb.client.transport.TransportRequest} and
 * {@link de.hessen.schulportal.bbb.client.transport.TransportResponse}, and the one exception the
 * SDK asks a transport to throw,
 * {@link de.hessen.schulportal.bbb.client.transport.ResponseTooLargeException}.
 */
package de.hessen.schulportal.bbb.client.transport;
