// SPDX-License-Identifier: Apache-2.0
package de.hessen.schulportal.bbb.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The simulator fetches create's URL documents (bounded) and posts the learning-analytics callback at the end. */
class DocumentsAndAnalyticsTest {
    record Received(String method, String path, String authorization, String body) {
    }

    static final byte[] DECK = "%PDF-1.4\n% deck\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);

    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final HttpServer receiver = startReceiver();
    private final String receiverUrl = "http://127.0.0.1:" + receiver.getAddress().getPort();
    private final BbbSimulator sim = BbbSimulator.builder().secret("s3cr3t-analytics").start();
    private final Api api = new Api(sim);

    private HttpServer startReceiver() {
        try {
            HttpServer s = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            s.createContext("/", ex -> {
                String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
                received.add(new Received(ex.getRequestMethod(), ex.getRequestURI().getPath(),
                        ex.getRequestHeaders().getFirst("Authorization"), body));
                try (ex) {
                    switch (ex.getRequestURI().getPath()) {
                        case "/deck.pdf":
                            ex.getResponseHeaders().add("Content-Type", "application/pdf");
                            ex.sendResponseHeaders(200, DECK.length);
                            ex.getResponseBody().write(DECK);
                            break;
                        case "/huge.pdf":
                            // Declares one byte more than bbb-web's upload limit; the simulator must not read it.
                            ex.sendResponseHeaders(200, 30_000_001L);
                            break;
                        case "/events":
                            ex.sendResponseHeaders(200, -1);
                            break;
                        default:
                            ex.sendResponseHeaders(404, -1);
                    }
                } catch (IOException e) {
                    // The simulator hangs up on /huge.pdf.
                }
            });
            s.start();
            return s;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @AfterEach
    void close() {
        sim.close();
        receiver.stop(0);
    }

    @Test
    void create_downloadsUrlDocuments_boundedBySize() throws Exception {
        String modules = "<modules><module name=\"presentation\">"
                + "<document url=\"" + receiverUrl + "/deck.pdf\" filename=\"deck.pdf\"/>"
                + "<document url=\"" + receiverUrl + "/huge.pdf\" filename=\"huge.pdf\"/>"
                + "<document url=\"" + receiverUrl + "/missing.pdf\" filename=\"missing.pdf\"/>"
                + "</module></modules>";
        assertThat(Api.text(api.post("create", "application/xml", modules, "meetingID", "room-1", "name", "Raum"), "returncode"))
                .isEqualTo("SUCCESS");
        assertThat(sim.awaitCallbacks(Duration.ofSeconds(60))).isTrue();

        List<SimulatedDocument> docs = sim.meeting("room-1").orElseThrow().documents();
        assertThat(docs).hasSize(3);
        assertThat(docs.get(0).content()).contains(DECK);
        assertThat(docs.get(1).content()).as("over the size limit").isEmpty();
        assertThat(docs.get(2).content()).as("404").isEmpty();
        List<CallbackDelivery> downloads = sim.callbackDeliveries().stream().filter(d -> d.kind().equals("presentation-download")).toList();
        assertThat(downloads).extracting(CallbackDelivery::url)
                .containsExactly(receiverUrl + "/deck.pdf", receiverUrl + "/huge.pdf", receiverUrl + "/missing.pdf");
        assertThat(downloads.get(0).status()).isEqualTo(200);
        assertThat(downloads.get(1).status()).isEqualTo(-1);
        assertThat(downloads.get(1).error()).hasValueSatisfying(why -> assertThat(why).contains("larger than 30000000"));
        assertThat(downloads.get(2).status()).isEqualTo(404);
    }

    @Test
    void end_postsTheAnalyticsCallback_withJoinUserIds_signedHs512() throws Exception {
        api.create("room-1", "meta_analytics-callback-url", receiverUrl + "/events");
        String internalId = sim.meeting("room-1").orElseThrow().internalMeetingId();
        api.join("room-1", "Ada Lovelace", "MODERATOR", "userID", "te-1");
        api.join("room-1", "Kim Yilmaz", "VIEWER", "userID", "st-2");
        api.create("room-2", "meta_analytics-callback-url", receiverUrl + "/events");
        api.get("end", "meetingID", "room-1");
        api.get("end", "meetingID", "room-2");
        assertThat(sim.awaitCallbacks(Duration.ofSeconds(30))).isTrue();

        List<Received> events = received.stream().filter(r -> r.path().equals("/events")).toList();
        assertThat(events).as("only the meeting someone joined reports").hasSize(1);
        Received e = events.get(0);
        assertThat(e.method()).isEqualTo("POST");
        assertThat(e.authorization()).startsWith("Bearer ");
        String[] jwt = e.authorization().substring(7).split("\\.");
        Mac mac = Mac.getInstance("HmacSHA512");
        mac.init(new SecretKeySpec("s3cr3t-analytics".getBytes(StandardCharsets.UTF_8), "HmacSHA512"));
        assertThat(jwt[2]).isEqualTo(Base64.getUrlEncoder().withoutPadding()
                .encodeToString(mac.doFinal((jwt[0] + "." + jwt[1]).getBytes(StandardCharsets.US_ASCII))));
        assertThat(new String(Base64.getUrlDecoder().decode(jwt[0]), StandardCharsets.UTF_8)).contains("\"alg\":\"HS512\"");
        Matcher exp = Pattern.compile("\"exp\":(\\d+)").matcher(new String(Base64.getUrlDecoder().decode(jwt[1]), StandardCharsets.UTF_8));
        assertThat(exp.find()).isTrue();
        assertThat(Long.parseLong(exp.group(1))).isGreaterThan(Instant.now().getEpochSecond());

        assertThat(e.body()).startsWith("{\"version\":\"1.0\",\"meeting_id\":\"room-1\",\"internal_meeting_id\":\"" + internalId + "\"")
                .contains("\"data\":{").contains("\"ext_user_id\":\"te-1\",\"name\":\"Ada Lovelace\",\"moderator\":true")
                .contains("\"ext_user_id\":\"st-2\",\"name\":\"Kim Yilmaz\",\"moderator\":false");
        assertThat(sim.callbackDeliveries()).filteredOn(d -> d.kind().equals("analytics"))
                .extracting(CallbackDelivery::status).containsExactly(200);
    }
}
