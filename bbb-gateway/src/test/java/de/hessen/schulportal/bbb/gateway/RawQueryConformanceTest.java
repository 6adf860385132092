// SPDX-License-Identifier: Apache-2.0
package de.hessen.schulportal.bbb.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import de.hessen.schulportal.bbb.gateway.config.GatewayConfig;
import de.hessen.schulportal.bbb.gateway.config.Tenant;
import de.hessen.schulportal.bbb.testkit.BbbSimulator;
import de.hessen.schulportal.bbb.testsupport.Secrets;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Issue 19 §5: raw queries on which the gateway and bbb-web disagreed, each correctly signed over its
 * raw bytes (so only the input itself can be the reason for a refusal), sent byte for byte over a
 * socket. The gateway's choice for each is listed in its README ("Deliberate differences"):
 *
 * <ul>
 *   <li>characters RFC 3986 does not allow in a query: refused with HTTP 400, as bbb-web's Tomcat does;</li>
 *   <li>malformed percent-encoding, which bbb-web accepts: refused (Moodle never sends it);</li>
 *   <li>parameters and checksum in a form body with an empty query, which bbb-web accepts: refused.</li>
 * </ul>
 *
 * <p>In every case nothing reaches the backend.
 */
class RawQueryConformanceTest {
    static final String SECRET = Secrets.forbid("c0nform-m00dle-5ecret-0123456789abcdef");
    static BbbSimulator sim;
    static Gateway gateway;

    @BeforeAll
    static void start() {
        sim = BbbSimulator.start();
        gateway = Gateway.start(GatewayConfig.builder(MoodleThroughGatewayTest.KEY).host("127.0.0.1").allowLoopbackFetch(true).port(0)
                .tenant(Tenant.builder("moodle", SECRET, sim.baseUrl(), Secrets.forbid(sim.secret())).build()).build());
    }

    @AfterAll
    static void stop() {
        gateway.close();
        sim.close();
    }

    static String send(byte[] request) throws IOException {
        try (Socket s = new Socket(InetAddress.getLoopbackAddress(), gateway.port())) {
            s.setSoTimeout(60_000);
            s.getOutputStream().write(request);
            return new String(s.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    static byte[] signedGet(String call, String rawQuery) {
        String checksum = FakeMoodle.sha256Hex(call + rawQuery + SECRET);
        String target = "/bigbluebutton/api/" + call + "?" + rawQuery + "&checksum=" + checksum;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(("GET " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }

    @Test
    void aCleanQuery_passes_soTheRefusalsBelowAreAboutTheirInput() throws IOException {
        long before = sim.requestCount();
        assertThat(send(signedGet("getMeetingInfo", "meetingID=m-1%7C1"))).startsWith("HTTP/1.1 200").contains("notFound");
        assertThat(sim.requestCount()).isGreaterThan(before);
    }

    /** Characters bbb-web's Tomcat refuses with 400 in a request target; the gateway accepted them before. */
    @ParameterizedTest(name = "raw {0}")
    @CsvSource(delimiter = ' ', quoteCharacter = '\'', value = {
        "ä", "|", "[", "]", "{", "}", "'\"'", "<", ">", "^", "\\", "`"
    })
    void charactersTomcatRefuses_areRefusedWith400_andNothingIsForwarded(String c) throws IOException {
        long before = sim.requestCount();
        String answer = send(signedGet("getMeetingInfo", "meetingID=m" + c + "1"));
        assertThat(answer).as(c).startsWith("HTTP/1.1 400");
        assertThat(sim.requestCount()).as(c).isEqualTo(before);
    }

    /** Malformed percent-encoding, which bbb-web accepts: refused, nothing forwarded. */
    @ParameterizedTest(name = "{0}")
    @CsvSource({"x=%ZZ", "x=100%", "x=%", "meetingID=%C3%28", "meetingID=ab%FF", "meetingID=ab%C3"})
    void malformedPercentEncoding_isRefused_andNothingIsForwarded(String raw) throws IOException {
        long before = sim.requestCount();
        String answer = send(signedGet("getMeetingInfo", raw));
        assertThat(answer).as(raw).satisfiesAnyOf(
                a -> assertThat(a).startsWith("HTTP/1.1 400"),
                a -> assertThat(a).contains("<returncode>FAILED</returncode>").contains("<messageKey>validationError</messageKey>"));
        assertThat(sim.requestCount()).as(raw).isEqualTo(before);
    }

    /** A create with parameters and checksum in a form body and an empty query, which bbb-web accepts. */
    @Test
    void formBodyCreate_isRefusedWithAClearError_andNothingIsForwarded() throws IOException {
        long before = sim.requestCount();
        String params = "meetingID=form-1&name=Raum";
        String body = params + "&checksum=" + FakeMoodle.sha256Hex("create" + params + SECRET);
        String answer = send(("POST /bigbluebutton/api/create HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n"
                + "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: " + body.length() + "\r\n\r\n" + body)
                .getBytes(StandardCharsets.US_ASCII));
        assertThat(answer).contains("<returncode>FAILED</returncode>").contains("<messageKey>validationError</messageKey>")
                .contains("query string only");
        assertThat(sim.requestCount()).isEqualTo(before);
        assertThat(sim.meeting("moodle-form-1")).isEmpty();
    }
}
