// SPDX-License-Identifier: Apache-2.0
package de.hessen.schulportal.bbb.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** What an untrusted peer can make the standalone simulator hold is bounded; HTTP details match Tomcat. */
class HttpHardeningTest {
    // The default 20 s idle timeout: a 70 KiB request line written on a busy machine must not meet the
    // head deadline before it meets the size limit. The deadline tests start their own simulator.
    private final BbbSimulator sim = BbbSimulator.builder().start();
    private final Api api = new Api(sim);

    @AfterEach
    void close() {
        sim.close();
    }

    private Socket connect() throws IOException {
        return connect(sim);
    }

    private static Socket connect(BbbSimulator to) throws IOException {
        Socket s = new Socket("127.0.0.1", to.port());
        s.setSoTimeout(30_000); // only against a hung test; assertions do not depend on it
        return s;
    }

    private String exchange(String request) throws IOException {
        try (Socket s = connect()) {
            s.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
            return new String(s.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private String path(String call, String... kv) {
        String url = api.url(call, Api.params(kv));
        return url.substring(url.indexOf("/bigbluebutton"));
    }

    @Test
    void redirect_hasReasonPhraseFound() throws IOException {
        api.create("room-1");
        String answer = exchange("GET " + path("join", "meetingID", "room-1", "fullName", "Ada", "role", "VIEWER")
                + " HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
        assertThat(answer).startsWith("HTTP/1.1 302 Found\r\n").contains("\r\nLocation: http://127.0.0.1:");
    }

    @Test
    void head_headersOfGetWithoutBody() throws IOException {
        String get = exchange("GET /bigbluebutton/api/ HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
        String head = exchange("HEAD /bigbluebutton/api/ HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
        String getHeaders = get.substring(0, get.indexOf("\r\n\r\n") + 4);
        assertThat(head).isEqualTo(getHeaders).startsWith("HTTP/1.1 200 OK").contains("Content-Length: ");
    }

    @Test
    void oversizeRequestLine_414_oversizeHeaders_400_oversizeBody_413() throws IOException {
        assertThat(exchange("GET /bigbluebutton/api/getMeetings?x=" + "a".repeat(70 * 1024) + " HTTP/1.1\r\n\r\n"))
                .startsWith("HTTP/1.1 414 URI Too Long");
        assertThat(exchange("GET /bigbluebutton/api/ HTTP/1.1\r\nX-Big: " + "b".repeat(70 * 1024) + "\r\n\r\n"))
                .startsWith("HTTP/1.1 400 Bad Request");
        StringBuilder many = new StringBuilder("GET /bigbluebutton/api/ HTTP/1.1\r\n");
        for (int i = 0; i < 200; i++) {
            many.append("X-H").append(i).append(": v\r\n");
        }
        assertThat(exchange(many + "\r\n")).startsWith("HTTP/1.1 400 Bad Request");
        assertThat(exchange("POST " + path("create", "name", "n", "meetingID", "room-1")
                + " HTTP/1.1\r\nContent-Type: application/xml\r\nContent-Length: " + (17 * 1024 * 1024) + "\r\n\r\n"))
                .startsWith("HTTP/1.1 413 ");
        // the simulator still serves
        assertThat(api.get("getMeetings").statusCode()).isEqualTo(200);
    }

    @Test
    void requestLog_keepsBoundedFields() {
        api.get("getMeetings", "padding", "p".repeat(30_000));
        ReceivedRequest r = sim.requests().get(sim.requests().size() - 1);
        assertThat(r.rawQuery().orElseThrow()).hasSize(2048).startsWith("padding=ppp");
        assertThat(r.isTruncated()).isTrue();
        api.get("getMeetings");
        assertThat(sim.requests().get(sim.requests().size() - 1).isTruncated()).isFalse();
    }

    @Test
    void idleConnection_closedByTheServer() throws IOException {
        try (BbbSimulator quick = BbbSimulator.builder().idleTimeout(Duration.ofMillis(300)).start();
                Socket s = connect(quick)) {
            assertThat(s.getInputStream().read()).isEqualTo(-1); // closed, not answered
        }
    }

    @Test
    void slowRequestHead_closedAtTheDeadline_evenWhileBytesTrickle() throws Exception {
        try (BbbSimulator quick = BbbSimulator.builder().idleTimeout(Duration.ofMillis(300)).start();
                Socket s = connect(quick)) {
            OutputStream out = s.getOutputStream();
            boolean closedByServer = false;
            // Bytes every 50 ms keep each read alive; the head as a whole must still arrive within the idle timeout.
            for (int i = 0; i < 400 && !closedByServer; i++) {
                try {
                    out.write('a');
                    out.flush();
                    Thread.sleep(50);
                } catch (SocketException e) {
                    closedByServer = true;
                }
                if (!closedByServer && s.getInputStream().available() > 0) {
                    closedByServer = true;
                }
            }
            if (!closedByServer) {
                s.setSoTimeout(30_000);
            }
            InputStream in = s.getInputStream();
            int first;
            try {
                first = in.read();
            } catch (SocketException e) {
                first = -1;
            }
            // Either closed outright or refused with 400 (the partial line is not a request).
            assertThat(first == -1 || first == 'H').isTrue();
        }
    }

    @Test
    void hundredsOfHalfOpenConnections_doNotStopTheServer() throws IOException {
        try (BbbSimulator patient = BbbSimulator.builder().start()) { // default 20 s idle timeout: they stay
            List<Socket> halfOpen = new ArrayList<>();
            try {
                for (int i = 0; i < 300; i++) {
                    Socket s = new Socket("127.0.0.1", patient.port());
                    if (i % 2 == 0) {
                        s.getOutputStream().write("GET /bigbluebutton/api/getMeetings?che".getBytes(StandardCharsets.US_ASCII));
                    }
                    halfOpen.add(s);
                }
                Api fresh = new Api(patient);
                for (int i = 0; i < 5; i++) {
                    assertThat(Api.text(fresh.get("getMeetings"), "returncode")).isEqualTo("SUCCESS");
                }
                assertThat(Api.text(fresh.get("create", "name", "Klasse", "meetingID", "after-flood"), "returncode"))
                        .isEqualTo("SUCCESS");
            } finally {
                for (Socket s : halfOpen) {
                    s.close();
                }
            }
        }
    }

    @Test
    void keepAlive_severalRequestsOnOneConnection() throws IOException {
        String one = "GET /bigbluebutton/api/ HTTP/1.1\r\nHost: x\r\n\r\n";
        try (Socket s = connect()) {
            s.getOutputStream().write((one + one + "GET /bigbluebutton/api/ HTTP/1.1\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            String all = new String(s.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(all.split("HTTP/1.1 200 OK", -1)).hasSize(4);
        }
    }
}
