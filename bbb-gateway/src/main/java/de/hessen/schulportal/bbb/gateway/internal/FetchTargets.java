// SPDX-License-Identifier: Apache-2.0
package de.hessen.schulportal.bbb.gateway.internal;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Optional;

/**
 * Which addresses the gateway itself connects to when it fetches a slide ({@link SlideRelay}) or
 * POSTs a callback ({@link CallbackRelay}) to a URL a client named. A holder of a school's secret
 * names those URLs, so without this rule they could make the gateway read its own management port
 * ({@code http://127.0.0.1:<port>/metrics}) or a cloud metadata service
 * ({@code http://169.254.169.254/}) and have the answer streamed to BigBlueButton as a slide.
 *
 * <p>The rule: the host is resolved right before the connection and refused if <em>any</em> of its
 * addresses is loopback ({@code 127.0.0.0/8}, {@code ::1}), any-local or in {@code 0.0.0.0/8},
 * link-local ({@code 169.254.0.0/16}, {@code fe80::/10}) or multicast. Private addresses
 * ({@code 10/8}, {@code 172.16/12}, {@code 192.168/16}, {@code fc00::/7}, {@code fec0::/10}) are
 * allowed unless {@code refuseSiteLocal}: a school's Moodle may well live on a private network.
 * Loopback is allowed only with {@code allowLoopback} (tests, and a Moodle on the gateway's own
 * machine); never in production, where it reaches the gateway's management port.
 *
 * <p>The JDK's HTTP client resolves the host again when it connects; it is served from the JVM's
 * address cache ({@code networkaddress.cache.ttl}, 30 s by default, independent of the DNS record's
 * TTL), which this check filled or read a moment before, so a DNS answer that changes between the
 * check and the connection (rebinding) is not seen by the connection.
 *
 * <p>Immutable, thread-safe.
 */
public final class FetchTargets {
    private final boolean allowLoopback;
    private final boolean refuseSiteLocal;

    /**
     * A rule.
     *
     * @param allowLoopback whether loopback addresses are allowed (tests; never in production)
     * @param refuseSiteLocal whether private (site-local, unique-local) addresses are refused too
     */
    public FetchTargets(boolean allowLoopback, boolean refuseSiteLocal) {
        this.allowLoopback = allowLoopback;
        this.refuseSiteLocal = refuseSiteLocal;
    }

    /**
     * Resolves the URL's host and checks every address.
     *
     * @param url the absolute URL about to be fetched
     * @return empty when it may be fetched, else why not (a short text naming the kind of address, never the URL)
     */
    public Optional<String> refusal(URI url) {
        String host = url.getHost();
        if (host == null || host.isEmpty()) {
            return Optional.of("no host");
        }
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(host);
        } catch (UnknownHostException e) {
            return Optional.of("unknown host");
        }
        for (InetAddress a : addresses) {
            Optional<String> why = refusal(a);
            if (why.isPresent()) {
                return why;
            }
        }
        return Optional.empty();
    }

    /**
     * Checks one address.
     *
     * @param a the address
     * @return empty when it may be connected to, else the kind of address refused
     */
    Optional<String> refusal(InetAddress a) {
        if (a.isLoopbackAddress()) {
            return allowLoopback ? Optional.empty() : Optional.of("loopback address");
        }
        byte[] b = a.getAddress();
        if (a.isAnyLocalAddress() || b.length == 4 && b[0] == 0) {
            return Optional.of("any-local address");
        }
        if (a.isLinkLocalAddress()) {
            return Optional.of("link-local address");
        }
        if (a.isMulticastAddress()) {
            return Optional.of("multicast address");
        }
        boolean uniqueLocal = a instanceof Inet6Address && (b[0] & 0xfe) == 0xfc;
        if (refuseSiteLocal && (a.isSiteLocalAddress() || uniqueLocal)) {
            return Optional.of("private address");
        }
        return Optional.empty();
    }
}
