// SPDX-License-Identifier: Apache-2.0
package de.hessen.schulportal.bbb.gateway.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** The addresses the gateway refuses to fetch from or POST to (IP literals: no DNS involved). */
class FetchTargetsTest {
    static final FetchTargets PRODUCTION = new FetchTargets(false, false);
    static final FetchTargets TESTS = new FetchTargets(true, false);
    static final FetchTargets STRICT = new FetchTargets(false, true);

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1", "127.1.2.3", "::1", "0.0.0.0", "0.1.2.3", "::", "169.254.169.254", "fe80::1",
        "224.0.0.1", "ff02::1", "::ffff:127.0.0.1", "::ffff:169.254.169.254"})
    void internalAddresses_areRefusedByDefault(String ip) {
        assertThat(PRODUCTION.refusal(URI.create("http://" + literal(ip) + ":8091/metrics"))).as(ip).isPresent();
    }

    @ParameterizedTest
    @ValueSource(strings = {"10.1.2.3", "172.16.0.5", "192.168.1.10", "fd00::5", "fec0::1"})
    void privateAddresses_areAllowedByDefault_andRefusedWhenTheOperatorSaysSo(String ip) {
        URI moodle = URI.create("https://" + literal(ip) + "/pluginfile.php/1/a.pdf");
        assertThat(PRODUCTION.refusal(moodle)).as(ip).isEmpty();
        assertThat(STRICT.refusal(moodle)).as(ip).contains("private address");
    }

    @Test
    void publicAddresses_areAllowed() {
        assertThat(PRODUCTION.refusal(URI.create("https://93.184.216.34/x"))).isEmpty();
        assertThat(STRICT.refusal(URI.create("https://[2a00:1450:4001:80b::200e]/x"))).isEmpty();
    }

    @Test
    void allowLoopback_allowsLoopbackOnly() throws UnknownHostException {
        assertThat(TESTS.refusal(URI.create("http://127.0.0.1:8091/metrics"))).isEmpty();
        assertThat(TESTS.refusal(URI.create("http://[::1]:8091/metrics"))).isEmpty();
        assertThat(TESTS.refusal(URI.create("http://169.254.169.254/latest/meta-data/"))).contains("link-local address");
        assertThat(TESTS.refusal(InetAddress.getByName("0.0.0.0"))).contains("any-local address");
    }

    @Test
    void aNameIsResolved_andAnyRefusedAddressRefusesIt() {
        assertThat(PRODUCTION.refusal(URI.create("http://localhost:8091/metrics"))).contains("loopback address");
        assertThat(PRODUCTION.refusal(URI.create("http://no-such-host.invalid/"))).contains("unknown host");
    }

    private static String literal(String ip) {
        return ip.contains(":") ? "[" + ip + "]" : ip;
    }
}
