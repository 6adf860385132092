// SPDX-License-Identifier: Apache-2.0
package de.hessen.schulportal.bbb.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ChecksumTest {
    @ParameterizedTest
    @ValueSource(strings = {"SHA-1", "SHA-256", "SHA-384", "SHA-512"})
    void signedCall_eachAlgorithm_accepted(String algorithm) {
        try (BbbSimulator sim = BbbSimulator.start()) {
            HttpResponse<String> r = new Api(sim).algorithm(algorithm).get("getMeetings");
            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(r.headers().firstValue("Content-Type")).hasValue("text/xml;charset=utf-8");
            assertThat(Api.text(r, "returncode")).isEqualTo("SUCCESS");
            assertThat(Api.text(r, "messageKey")).isEqualTo("noMeetings");
        }
    }

    @Test
    void signedCall_wrongSecret_checksumError() {
        try (BbbSimulator sim = BbbSimulator.start()) {
            HttpResponse<String> r = new Api(sim.apiUrl(), "not-the-secret").get("getMeetings");
            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(Api.text(r, "returncode")).isEqualTo("FAILED");
            assertThat(Api.text(r, "messageKey")).isEqualTo("checksumError");
            assertThat(Api.text(r, "message")).isEqualTo("Checksums do not match");
        }
    }

    @Test
    void unsignedCall_checksumMissing() {
        try (BbbSimulator sim = BbbSimulator.start()) {
            HttpResponse<String> r = Api.getRaw(sim.apiUrl() + "getMeetings");
            assertThat(Api.text(r, "messageKey")).isEqualTo("checksumError");
            assertThat(Api.text(r, "message")).isEqualTo("You must provide the checksum");
        }
    }

    @Test
    void signedCall_checksumOfOtherCall_rejected() {
        try (BbbSimulator sim = BbbSimulator.start()) {
            Api api = new Api(sim);
            String q = "meetingID=abc";
            String url = sim.apiUrl() + "getMeetingInfo?" + q + "&checksum=" + api.checksum("isMeetingRunning", q);
            assertThat(Api.text(Api.getRaw(url), "messageKey")).isEqualTo("checksumError");
        }
    }

    @Test
    void supportedAlgorithms_restricted_otherAlgorithmsRejected() {
        try (BbbSimulator sim = BbbSimulator.builder().supportedChecksumAlgorithms("sha512").start()) {
            assertThat(Api.text(new Api(sim).algorithm("SHA-1").get("getMeetings"), "messageKey"))
                    .isEqualTo("checksumError");
            assertThat(Api.text(new Api(sim).algorithm("SHA-256").get("getMeetings"), "messageKey"))
                    .isEqualTo("checksumError");
            assertThat(Api.text(new Api(sim).algorithm("SHA-512").get("getMeetings"), "returncode"))
                    .isEqualTo("SUCCESS");
        }
    }

    /** Every secret the simulator accepts follows the one rule: not null, not empty (bbb-web would skip all checks). */
    @Test
    void secrets_refuseNullAndEmpty_withOneMessage() {
        for (Consumer<String> setter : List.<Consumer<String>>of(v -> BbbSimulator.builder().secret(v),
                v -> BbbSimulator.builder().additionalSecrets("ok", v), v -> BbbSimulator.builder().tenant("t", v),
                v -> BbbSimulator.builder().tenant("t", "ok", v))) {
            assertThatThrownBy(() -> setter.accept("")).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("secret must not be empty");
            assertThatThrownBy(() -> setter.accept(null)).isInstanceOf(NullPointerException.class).hasMessage("secret");
        }
        assertThatThrownBy(() -> BbbSimulator.builder().additionalSecrets((String[]) null)).hasMessage("secrets");
    }

    @Test
    void secretRotation_additionalSecretAccepted() {
        try (BbbSimulator sim = BbbSimulator.builder().secret("new-secret").additionalSecrets("old-secret").start()) {
            assertThat(sim.secret()).isEqualTo("new-secret");
            assertThat(Api.text(new Api(sim.apiUrl(), "old-secret").get("getMeetings"), "returncode")).isEqualTo("SUCCESS");
            assertThat(Api.text(new Api(sim.apiUrl(), "new-secret").get("getMeetings"), "returncode")).isEqualTo("SUCCESS");
            assertThat(Api.text(new Api(sim.apiUrl(), "other").get("getMeetings"), "returncode")).isEqualTo("FAILED");
        }
    }

    @Test
    void spacesAsPercent20_signedAsSent_accepted() {
        try (BbbSimulator sim = BbbSimulator.start()) {
            Api api = new Api(sim);
            String q = "name=Klasse%207b%20%E2%80%93%20Mathe&meetingID=room-%C3%BC";
            String url = sim.apiUrl() + "create?" + q + "&checksum=" + api.checksum("create", q);
            HttpResponse<String> r = Api.getRaw(url);
            assertThat(Api.text(r, "returncode")).isEqualTo("SUCCESS");
            assertThat(sim.meeting("room-ü")).hasValueSatisfying(m -> assertThat(m.name()).isEqualTo("Klasse 7b – Mathe"));
        }
    }

    @Test
    void apiRoot_unsigned_versionXml() {
        try (BbbSimulator sim = BbbSimulator.start()) {
            for (String url : new String[] {sim.apiUrl(), sim.baseUrl() + "api"}) {
                HttpResponse<String> r = Api.getRaw(url);
                assertThat(r.statusCode()).isEqualTo(200);
                assertThat(Api.text(r, "returncode")).isEqualTo("SUCCESS");
                assertThat(Api.text(r, "version")).isEqualTo("2.0");
                assertThat(Api.text(r, "apiVersion")).isEqualTo("2.0");
                assertThat(Api.text(r, "bbbVersion")).isEmpty();
            }
        }
    }

    @Test
    void rawForbiddenCharacters_http400LikeTomcat() throws Exception {
        try (BbbSimulator sim = BbbSimulator.start()) {
            assertThat(rawStatus(sim, "/bigbluebutton/api/getMeetings?x=a|b&checksum=0")).isEqualTo(400);
            assertThat(rawStatus(sim, "/bigbluebutton/api/getMeetings?x=%5B%5D&checksum=0")).isEqualTo(200);
            byte[] nonAscii = "/bigbluebutton/api/getMeetings?name=Gr\u00fc\u00dfe&checksum=0".getBytes(StandardCharsets.UTF_8);
            assertThat(rawStatus(sim, nonAscii)).isEqualTo(400);
            assertThat(rawStatus(sim, "/bigbluebutton/api/getMeetings?x=[1]&checksum=0")).isEqualTo(400);
            assertThat(rawStatus(sim, "/bigbluebutton/api/getMeetings?x=\"q\"&checksum=0")).isEqualTo(400);
        }
    }

    private static int rawStatus(BbbSimulator sim, String target) throws Exception {
        return rawStatus(sim, target.getBytes(StandardCharsets.US_ASCII));
    }

    /** Sends a request line byte for byte, which java.net.URI would refuse to build. */
    static int rawStatus(BbbSimulator sim, byte[] target) throws Exception {
        try (Socket socket = new Socket("127.0.0.1", sim.port())) {
            socket.setSoTimeout(5000);
            OutputStream out = socket.getOutputStream();
            out.write("GET ".getBytes(StandardCharsets.US_ASCII));
            out.write(target);
            out.write(" HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            String head = new String(in.readNBytes(12), StandardCharsets.US_ASCII);
            return Integer.parseInt(head.substring(9, 12));
        }
    }
}
