// SPDX-License-Identifier: Apache-2.0
package de.hessen.schulportal.bbb.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class CallbackTest {
    /** What the test receiver saw: method, full URI as received, raw body. */
    record Received(String method, String uri, String body) {
    }

    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final HttpServer receiver = startReceiver();
    private final String receiverUrl = "http://127.0.0.1:" + receiver.getAddress().getPort();
    private final BbbSimulator sim = BbbSimulator.builder().secret("s3cr3t").recordingProcessingTime(Duration.ZERO).start();
    private final Api api = new Api(sim);

    private HttpServer startReceiver() {
        try {
            HttpServer s = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            s.createContext("/", ex -> {
                String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
                received.add(new Received(ex.getRequestMethod(), ex.getRequestURI().toString(), body));
                ex.sendResponseHeaders(ex.getRequestURI().getPath().contains("gone") ? 410 : 200, -1);
                ex.close();
            });
            s.start();
            return s;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @AfterEach
    void close() {
        sim.close();
        receiver.stop(0);
    }

    @Test
    void hooksApi_createListDestroy() {
        HttpResponse<String> created = api.get("hooks/create", "callbackURL", receiverUrl + "/hook", "meetingID", "room-1");
        assertThat(Api.text(created, "returncode")).isEqualTo("SUCCESS");
        String hookId = Api.text(created, "hookID");
        assertThat(hookId).matches("[0-9a-f-]{36}");
        assertThat(Api.text(created, "permanentHook")).isEqualTo("false");
        HttpResponse<String> again = api.get("hooks/create", "callbackURL", receiverUrl + "/hook");
        assertThat(Api.text(again, "messageKey")).isEqualTo("duplicateWarning");
        assertThat(Api.text(again, "hookID")).isEqualTo(hookId);
        assertThat(Api.text(api.get("hooks/create"), "messageKey")).isEqualTo("missingParamCallbackURL");

        HttpResponse<String> list = api.get("hooks/list");
        assertThat(list.body()).contains("<hookID>" + hookId + "</hookID><callbackURL>" + receiverUrl + "/hook</callbackURL>"
                + "<meetingID>room-1</meetingID>");
        assertThat(Api.text(api.get("hooks/destroy", "hookID", hookId), "removed")).isEqualTo("true");
        assertThat(Api.text(api.get("hooks/destroy", "hookID", hookId), "messageKey")).isEqualTo("destroyMissingHook");
        assertThat(Api.text(api.get("hooks/destroy"), "messageKey")).isEqualTo("missingParamHookID");
        assertThat(Api.text(new Api(sim.apiUrl(), "bad").get("hooks/list"), "messageKey")).isEqualTo("checksumError");
    }

    @Test
    void legacyWebhookChecksum_signsAsBbbWebhooks331_constantPerUrl() throws Exception {
        BbbSimulator legacy = BbbSimulator.builder().secret("s3cr3t").legacyWebhookChecksum(true).start();
        try {
            Api api331 = new Api(legacy);
            String hookUrl = receiverUrl + "/legacy";
            api331.get("hooks/create", "callbackURL", hookUrl);
            api331.create("room-1");
            api331.get("end", "meetingID", "room-1");
            assertThat(legacy.awaitCallbacks(Duration.ofSeconds(10))).isTrue();
            List<Received> hooks = received.stream().filter(r -> r.uri().startsWith("/legacy")).toList();
            assertThat(hooks).hasSizeGreaterThanOrEqualTo(2);
            // bbb-webhooks 3.3.1: sha1(url + JSON.stringify(new URLSearchParams(...)) + secret), and that is "{}"
            String expected = "/legacy?checksum=" + Api.hash("SHA-1", hookUrl + "{}" + "s3cr3t");
            assertThat(hooks).allSatisfy(h -> assertThat(h.uri()).isEqualTo(expected));
            assertThat(hooks.get(0).body()).isNotEqualTo(hooks.get(1).body());
            assertThat(CallbackSigner.legacyWebhookUrl(hookUrl, "s3cr3t", CallbackSigner.DigestAlgorithm.SHA1))
                    .isEqualTo(receiverUrl + expected);
        } finally {
            legacy.close();
        }
    }

    @Test
    void fullLifecycle_webhooksSignedAndCallbacksSent() throws Exception {
        String hookUrl = receiverUrl + "/hook?tenant=7";
        api.get("hooks/create", "callbackURL", hookUrl);
        api.create("room-1", "record", "true", "meta_endCallbackUrl", receiverUrl + "/ended",
                "meetingEndedURL", receiverUrl + "/lb-ended?x=1", "meta_bbb-recording-ready-url", receiverUrl + "/ready");
        api.join("room-1", "Ada", "MODERATOR", "userID", "a", "userdata-bbb_x", "1");
        sim.leave("room-1", "a");
        api.get("end", "meetingID", "room-1");
        sim.clock().advance(Duration.ofSeconds(1));
        assertThat(sim.awaitCallbacks(Duration.ofSeconds(10))).isTrue();

        List<Received> hooks = received.stream().filter(r -> r.uri().startsWith("/hook")).toList();
        List<String> events = hooks.stream().map(r -> eventId(r.body())).toList();
        assertThat(events).containsExactly("meeting-created", "user-joined", "user-left", "meeting-ended",
                "rap-archive-ended", "rap-publish-ended");
        for (Received hook : hooks) {
            assertThat(hook.method()).isEqualTo("POST");
            assertThat(hook.body()).startsWith("domain=127.0.0.1&event=%5B%7B").containsPattern("&timestamp=\\d+$");
            String checksum = hook.uri().substring(hook.uri().indexOf("&checksum=") + 10);
            assertThat(hook.uri()).startsWith("/hook?tenant=7&checksum=");
            assertThat(checksum).isEqualTo(Api.hash("SHA-1", hookUrl + hook.body() + "s3cr3t"));
        }
        String joined = URLDecoder.decode(hooks.get(1).body(), StandardCharsets.UTF_8);
        assertThat(joined).contains("\"external-user-id\":\"a\"").contains("\"role\":\"MODERATOR\"")
                .contains("\"userdata\":{\"bbb_x\":\"1\"}").contains("\"external-meeting-id\":\"room-1\"");

        Received ended = only("/ended");
        assertThat(ended.method()).isEqualTo("GET");
        assertThat(ended.uri()).isEqualTo("/ended?meetingID=room-1&recordingmarks=true");
        assertThat(only("/lb-ended").uri()).isEqualTo("/lb-ended?x=1");

        Received ready = only("/ready");
        assertThat(ready.method()).isEqualTo("POST");
        assertThat(ready.body()).startsWith("signed_parameters=");
        String jwt = URLDecoder.decode(ready.body().substring("signed_parameters=".length()), StandardCharsets.UTF_8);
        String[] parts = jwt.split("\\.");
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec("s3cr3t".getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        String expected = Base64.getUrlEncoder().withoutPadding()
                .encodeToString(mac.doFinal((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII)));
        assertThat(parts[2]).isEqualTo(expected);
        assertThat(new String(Base64.getUrlDecoder().decode(parts[0]), StandardCharsets.UTF_8)).contains("\"alg\":\"HS256\"");
        String recordId = sim.recordings().get(0).recordId();
        assertThat(new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8))
                .isEqualTo("{\"meeting_id\":\"room-1\",\"record_id\":\"" + recordId + "\"}");

        assertThat(sim.callbackDeliveries()).extracting(CallbackDelivery::status).containsOnly(200);
        assertThat(sim.callbackDeliveries()).extracting(CallbackDelivery::kind)
                .contains("webhook", "meeting-ended-callback", "meeting-ended-url", "recording-ready");
    }

    @Test
    void hookFilters_meetingAndEventIds() throws Exception {
        api.get("hooks/create", "callbackURL", receiverUrl + "/only-room-2", "meetingID", "room-2");
        api.get("hooks/create", "callbackURL", receiverUrl + "/only-joins", "eventID", "USER-JOINED");
        api.create("room-1");
        api.create("room-2");
        api.join("room-1", "Ada", "VIEWER");
        assertThat(sim.awaitCallbacks(Duration.ofSeconds(10))).isTrue();
        assertThat(received.stream().filter(r -> r.uri().startsWith("/only-room-2")).map(r -> eventId(r.body())))
                .containsExactly("meeting-created");
        assertThat(received.stream().filter(r -> r.uri().startsWith("/only-joins")).map(r -> eventId(r.body())))
                .containsExactly("user-joined");
    }

    @Test
    void deliveryFailure_recordedNotThrown() throws Exception {
        api.get("hooks/create", "callbackURL", "http://127.0.0.1:1/nothing-listens");
        api.create("room-1");
        assertThat(sim.awaitCallbacks(Duration.ofSeconds(10))).isTrue();
        CallbackDelivery d = sim.callbackDeliveries().get(0);
        assertThat(d.status()).isEqualTo(-1);
        assertThat(d.error()).isPresent();
        assertThat(d.eventId()).hasValue("meeting-created");
    }

    private Received only(String path) {
        List<Received> matches = received.stream().filter(r -> r.uri().startsWith(path)).toList();
        assertThat(matches).as(path).hasSize(1);
        return matches.get(0);
    }

    private static String eventId(String body) {
        String event = URLDecoder.decode(body.split("&")[1].substring("event=".length()), StandardCharsets.UTF_8);
        int i = event.indexOf("\"id\":\"") + 6;
        return event.substring(i, event.indexOf('"', i));
    }
}
