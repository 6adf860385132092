// SPDX-License-Identifier: Apache-2.0
package de.hessen.schulportal.bbb.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import de.hessen.schulportal.bbb.gateway.config.GatewayConfig;
import de.hessen.schulportal.bbb.gateway.config.Tenant;
import de.hessen.schulportal.bbb.testkit.BbbSimulator;
import de.hessen.schulportal.bbb.testsupport.Secrets;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 20 §6: the gateway's answers cost its clients no more than the backend's. Moodle's PHP curl
 * (and the benchmark's harness) keep one connection for many calls; an answer that closed it, or that
 * came chunked instead of with a length, would make every client reconnect or decode frames, a cost a
 * real Moodle would pay on every call. So every kind of answer of the 8 o'clock peak (create,
 * getMeetingInfo, the join's 302) and the refusals (bad checksum, unknown call, a raw {@code [} in the
 * query, which the gateway refuses with 400) is read off one keep-alive socket, in sequence: each carries
 * {@code Content-Length}, none is chunked or says {@code Connection: close}, and the next request on
 * the same socket is answered.
 */
class AnswerFramingTest {
    static final String SECRET = Secrets.forbid("fram1ng-m00dle-5ecret-0123456789abcdef");
    static BbbSimulator sim;
    static Gateway gateway;

    @BeforeAll
    static void start() {
        sim = BbbSimulator.start();
        gateway = Gateway.start(GatewayConfig.builder(MoodleThroughGatewayTest.KEY).host("127.0.0.1").port(0)
                .tenant(Tenant.builder("moodle", SECRET, sim.baseUrl(), Secrets.forbid(sim.secret())).build()).build());
    }

    @AfterAll
    static void stop() {
        gateway.close();
        sim.close();
    }

    /** One answer read off the socket: status line, headers (names lower-cased), body. */
    record Answer(String status, Map<String, List<String>> headers, String body) {
        String header(String name) {
            List<String> v = headers.get(name);
            return v == null ? null : v.get(0);
        }
    }

    static String signed(String call, Map<String, String> params) {
        String q = FakeMoodle.query(params);
        return "/bigbluebutton/api/" + call + "?" + q + "&checksum=" + FakeMoodle.sha256Hex(call + q + SECRET);
    }

    static Answer exchange(OutputStream out, InputStream in, String target) throws IOException {
        out.write(("GET " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\nUser-Agent: Moodle/4.5 (curl)\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8));
        out.flush();
        String status = line(in);
        assertThat(status).as("an answer to %s on the kept connection", target).startsWith("HTTP/1.1 ");
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (String h = line(in); !h.isEmpty(); h = line(in)) {
            int colon = h.indexOf(':');
            headers.computeIfAbsent(h.substring(0, colon).trim().toLowerCase(Locale.ROOT), k -> new java.util.ArrayList<>())
                    .add(h.substring(colon + 1).trim());
        }
        assertThat(headers).as("answer to %s", target).containsKey("content-length").doesNotContainKey("transfer-encoding");
        assertThat(headers.getOrDefault("connection", List.of())).as("answer to %s", target)
                .noneMatch(v -> v.toLowerCase(Locale.ROOT).contains("close"));
        byte[] body = in.readNBytes(Integer.parseInt(headers.get("content-length").get(0)));
        return new Answer(status, headers, new String(body, StandardCharsets.UTF_8));
    }

    private static String line(InputStream in) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        for (int c = in.read(); c != '\n'; c = in.read()) {
            if (c < 0) {
                throw new IOException("the gateway closed the connection (after: " + b.toString(StandardCharsets.UTF_8) + ")");
            }
            if (c != '\r') {
                b.write(c);
            }
        }
        return b.toString(StandardCharsets.UTF_8);
    }

    @Test
    void everyAnswerOfThePeak_andEachRefusal_hasALength_andKeepsTheConnection() throws IOException {
        try (Socket s = new Socket(InetAddress.getLoopbackAddress(), gateway.port())) {
            s.setSoTimeout(60_000);
            OutputStream out = s.getOutputStream();
            InputStream in = new BufferedInputStream(s.getInputStream());
            Map<String, String> create = new LinkedHashMap<>();
            create.put("meetingID", "framing-1");
            create.put("name", "Mathematik 7b");
            create.put("meta_bbb-origin", "Moodle");
            Answer created = exchange(out, in, signed("create", create));
            assertThat(created.status()).startsWith("HTTP/1.1 200");
            assertThat(created.body()).contains("<returncode>SUCCESS</returncode>");

            Answer info = exchange(out, in, signed("getMeetingInfo", Map.of("meetingID", "framing-1")));
            assertThat(info.status()).startsWith("HTTP/1.1 200");
            String createTime = info.body().replaceAll("(?s).*<createTime>(\\d+)</createTime>.*", "$1");
            assertThat(createTime).matches("\\d+");

            Map<String, String> join = new LinkedHashMap<>();
            join.put("meetingID", "framing-1");
            join.put("fullName", "Petra Schmidt");
            join.put("role", "MODERATOR");
            join.put("userID", "7");
            join.put("createTime", createTime);
            Answer joined = exchange(out, in, signed("join", join));
            assertThat(joined.status()).startsWith("HTTP/1.1 302");
            assertThat(joined.header("location")).isNotBlank();
            assertThat(joined.header("content-length")).isEqualTo("0");

            Answer badChecksum = exchange(out, in, "/bigbluebutton/api/getMeetingInfo?meetingID=framing-1&checksum=00");
            assertThat(badChecksum.body()).contains("checksumError");

            Answer unknown = exchange(out, in, signed("noSuchCall", Map.of("meetingID", "framing-1")));
            assertThat(unknown.body()).contains("<returncode>FAILED</returncode>");

            // A character RFC 3986 does not allow in a query, correctly signed: the gateway's own 400.
            String raw = "meetingID=framing-1[0]";
            Answer refused = exchange(out, in, "/bigbluebutton/api/getMeetingInfo?" + raw + "&checksum="
                    + FakeMoodle.sha256Hex("getMeetingInfo" + raw + SECRET));
            assertThat(refused.status()).startsWith("HTTP/1.1 400");

            // Still the same connection: it answers once more after every kind above.
            assertThat(exchange(out, in, signed("getMeetingInfo", Map.of("meetingID", "framing-1"))).body())
                    .contains("<running>true</running>");
        }
    }
}
