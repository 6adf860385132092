// SPDX-License-Identifier: Apache-2.0
package de.hessen.schulportal.bbb.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ScaleliteModeTest {
    private final BbbSimulator sim = BbbSimulator.builder().mode(SimulatorMode.SCALELITE).servers(2)
            .tenant("schule-a", "secret-a", "secret-a-new").tenant("schule-b", "secret-b").start();
    private final Api a = new Api(sim.baseUrl("schule-a") + "api/", "secret-a");
    private final Api b = new Api(sim.baseUrl("schule-b") + "api/", "secret-b");

    @AfterEach
    void close() {
        sim.close();
    }

    @Test
    void apiRoot_isScalelitesVersion_unsigned() {
        HttpResponse<String> r = Api.getRaw(sim.baseUrl("schule-a") + "api/");
        assertThat(r.body()).endsWith("<response><returncode>SUCCESS</returncode><version>2.0</version></response>")
                .doesNotContain("apiVersion");
    }

    @Test
    void checksum_tenantSecretsOnly_noSha384_caseSensitive() {
        a.create("room-1");
        assertThat(new Api(sim.baseUrl("schule-a") + "api/", "secret-a-new").get("getMeetings").body())
                .contains("<meetingID>room-1</meetingID>");
        // another tenant's secret, Scalelite's own secret, SHA-384 and upper-case hex are all refused
        for (Api wrong : List.of(new Api(sim.baseUrl("schule-a") + "api/", "secret-b"),
                new Api(sim.baseUrl("schule-a") + "api/", sim.secret()),
                new Api(sim.baseUrl("schule-a") + "api/", "secret-a").algorithm("SHA-384"))) {
            HttpResponse<String> r = wrong.get("getMeetings");
            assertThat(Api.text(r, "messageKey")).isEqualTo("checksumError");
            assertThat(Api.text(r, "message")).isEqualTo("You did not pass the checksum security check");
        }
        String url = a.url("getMeetings", Map.of());
        int cut = url.indexOf("checksum=") + 9;
        String upper = url.substring(0, cut) + url.substring(cut).toUpperCase(java.util.Locale.ROOT);
        assertThat(Api.text(Api.getRaw(upper), "messageKey")).isEqualTo("checksumError");
        // without a tenant (loopback host, no /t/ label) multitenancy refuses every signed call
        assertThat(Api.text(new Api(sim.apiUrl(), "secret-a").get("getMeetings"), "messageKey"))
                .isEqualTo("checksumError");
    }

    @Test
    void tenant_chosenByFirstHostLabel() throws Exception {
        String url = a.url("getMeetings", Map.of()).replace("/t/schule-a", "");
        try (java.net.Socket s = new java.net.Socket("127.0.0.1", sim.port())) {
            String path = url.substring(url.indexOf("/bigbluebutton"));
            s.getOutputStream().write(("GET " + path + " HTTP/1.1\r\nHost: schule-a.scalelite.example.org\r\n"
                    + "Connection: close\r\n\r\n").getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            String answer = new String(s.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            assertThat(answer).startsWith("HTTP/1.1 200 OK").contains("<messageKey>noMeetings</messageKey>");
        }
    }

    @Test
    void join_redirectsToTheServersSignedJoinUrl_whichJudgesItsOwnChecksum() {
        a.create("room-1", "meta_bbb-origin", "portal");
        HttpResponse<String> r = a.get("join", "meetingID", "room-1", "fullName", "Ada", "role", "MODERATOR",
                "redirect", "false");
        assertThat(r.statusCode()).isEqualTo(302);
        String location = r.headers().firstValue("Location").orElseThrow();
        SimulatedServer server = sim.servers().stream().filter(s -> s.meetingIds().contains("room-1")).findFirst()
                .orElseThrow();
        assertThat(location).startsWith(server.apiUrl() + "join?meetingID=room-1&fullName=Ada&role=MODERATOR"
                + "&redirect=false&checksum=");
        // the server signed it with its own secret, SHA-256
        String query = location.substring(location.indexOf('?') + 1, location.indexOf("&checksum="));
        assertThat(location).endsWith("checksum=" + Api.hash("SHA-256", "join" + query + server.secret()));
        HttpResponse<String> joined = Api.getRaw(location);
        assertThat(Api.text(joined, "messageKey")).isEqualTo("successfullyJoined");
        assertThat(Api.getRaw(location.replace("checksum=", "checksum=0")).body()).contains("checksumError");
        assertThat(sim.meeting("room-1").orElseThrow().attendees()).extracting(SimulatedAttendee::fullName)
                .containsExactly("Ada");
        assertThat(Api.text(a.get("join", "meetingID", "nope", "fullName", "Ada", "role", "VIEWER"), "messageKey"))
                .isEqualTo("notFound");
    }

    @Test
    void meetings_spreadOverServers_scopedByTenant_tenantMetadataAdded() {
        a.create("room-1");
        a.create("room-2");
        b.create("room-3");
        assertThat(sim.servers()).extracting(s -> s.meetingIds().size()).containsExactly(2, 1);
        assertThat(Api.xml(a.get("getMeetings")).getElementsByTagName("meeting").getLength()).isEqualTo(2);
        assertThat(Api.text(b.get("getMeetingInfo", "meetingID", "room-3"), "tenant-name")).isEqualTo("schule-b");
        assertThat(Api.text(b.get("getMeetingInfo", "meetingID", "room-1"), "messageKey")).isEqualTo("notFound");
        assertThat(Api.text(b.get("isMeetingRunning", "meetingID", "room-1"), "running")).isEqualTo("false");
        assertThat(sim.meeting("room-3").orElseThrow().metadata()).containsKeys("tenant-id", "tenant-name");
    }

    @Test
    void serverOutOfService_itsMeetingsEnd_newOnesGoElsewhere() {
        a.create("room-1");
        String first = sim.servers().stream().filter(s -> !s.meetingIds().isEmpty()).findFirst().orElseThrow().id();
        assertThat(sim.takeOutOfService(first)).isTrue();
        assertThat(sim.meeting("room-1").orElseThrow().hasEnded()).isTrue();
        assertThat(Api.text(a.get("getMeetingInfo", "meetingID", "room-1"), "messageKey")).isEqualTo("notFound");
        for (int i = 0; i < 3; i++) {
            a.create("room-x" + i);
        }
        assertThat(sim.servers()).filteredOn(s -> s.id().equals(first)).singleElement()
                .satisfies(s -> assertThat(s.meetingIds()).isEmpty()).satisfies(s -> assertThat(s.isInService()).isFalse());
        assertThat(sim.returnToService(first)).isTrue();
        a.create("room-y");
        assertThat(sim.servers()).filteredOn(s -> s.id().equals(first)).singleElement()
                .satisfies(s -> assertThat(s.meetingIds()).containsExactly("room-y"));
    }

    @Test
    void repeatedCreate_withoutPasswords_duplicateWarning_passwordMadeUpOnlyOnce() {
        a.create("room-1");
        String madeUp = sim.meeting("room-1").orElseThrow().createParameters().get("moderatorPW");
        assertThat(madeUp).as("Scalelite makes up a moderatorPW for a meeting it does not know").hasSize(8);
        // A meeting Scalelite knows: the caller's parameters pass as they are, without passwords, and
        // bbb-web answers a create without passwords for a running meeting with duplicateWarning.
        HttpResponse<String> again = a.get("create", "name", "Klasse 7b", "meetingID", "room-1");
        assertThat(Api.text(again, "returncode")).isEqualTo("SUCCESS");
        assertThat(Api.text(again, "messageKey")).isEqualTo("duplicateWarning");
        assertThat(sim.meeting("room-1").orElseThrow().createParameters().get("moderatorPW")).isEqualTo(madeUp);
        // Passwords other than the meeting's: bbb-web's idNotUnique, passed through.
        assertThat(Api.text(a.get("create", "name", "Klasse 7b", "meetingID", "room-1", "attendeePW", "ap",
                "moderatorPW", "mp"), "messageKey")).isEqualTo("idNotUnique");
        a.create("room-2", "attendeePW", "ap", "moderatorPW", "mp");
        assertThat(Api.text(a.get("create", "name", "Klasse 7b", "meetingID", "room-2", "attendeePW", "ap",
                "moderatorPW", "mp"), "messageKey")).isEqualTo("duplicateWarning");
    }

    @Test
    void postRoutes_asScalelitesRoutes() {
        a.create("room-1");
        String form = "application/x-www-form-urlencoded";
        assertThat(Api.text(a.post("getMeetingInfo", form, "", "meetingID", "room-1"), "returncode")).isEqualTo("SUCCESS");
        assertThat(Api.text(a.post("isMeetingRunning", form, "", "meetingID", "room-1"), "running")).isEqualTo("false");
        assertThat(Api.text(a.post("getMeetings", form, ""), "returncode")).isEqualTo("SUCCESS");
        assertThat(Api.text(a.post("getRecordings", form, ""), "messageKey")).isEqualTo("noRecordings");
        assertThat(Api.text(a.post("updateRecordings", form, "", "recordID", "r-1", "meta_x", "y"), "returncode"))
                .isEqualTo("SUCCESS");
        assertThat(Api.text(a.post("end", form, "", "meetingID", "room-1"), "returncode")).isEqualTo("SUCCESS");
        // GET-only routes: a POST falls through to '*any'
        for (String call : List.of("join", "publishRecordings", "deleteRecordings")) {
            assertThat(Api.text(a.post(call, form, "", "meetingID", "room-1", "recordID", "r-1", "publish", "true"),
                    "messageKey")).as(call).isEqualTo("unsupportedRequest");
        }
    }

    @Test
    void insertDocument_passedOnToTheServer_xmlOnly() {
        a.create("room-1");
        String body = "<modules><module name=\"presentation\"><document name=\"a.txt\">aGFsbG8=</document></module></modules>";
        assertThat(Api.text(a.post("insertDocument", "application/xml", body, "meetingID", "room-1"), "returncode"))
                .isEqualTo("SUCCESS");
        assertThat(sim.meeting("room-1").orElseThrow().documents()).extracting(d -> d.name().orElseThrow())
                .containsExactly("a.txt");
        assertThat(Api.text(a.post("insertDocument", "text/xml", body, "meetingID", "room-1"), "messageKey"))
                .isEqualTo("unsupportedContentType");
        assertThat(Api.text(a.post("insertDocument", "application/xml", body, "meetingID", "nope"), "messageKey"))
                .isEqualTo("notFound");
    }

    @Test
    void unsupportedCalls_answeredWithoutChecksumCheck() {
        a.create("room-1");
        for (String call : List.of("sendChatMessage", "getRecordingTextTracks", "getSessions", "hooks/create",
                "hooks/list", "getJoinUrl")) {
            assertThat(Api.text(a.get(call, "meetingID", "room-1"), "messageKey")).as(call).isEqualTo("unsupportedRequest");
        }
        assertThat(Api.text(a.post("putRecordingTextTrack", "multipart/form-data; boundary=x", "--x--",
                "recordID", "r"), "messageKey")).isEqualTo("unsupportedRequest");
    }

    @Test
    void recordings_importedWhenPublished_noPaging_scalelitesFilters_readyCallbackResigned() throws Exception {
        a.create("room-1", "record", "true", "meta_course", "mathe",
                "meta_bbb-recording-ready-url", "http://127.0.0.1:9/ready");
        HttpResponse<String> redirect = a.join("room-1", "Ada", "MODERATOR");
        assertThat(Api.text(Api.getRaw(redirect.headers().firstValue("Location").orElseThrow()), "returncode"))
                .isEqualTo("SUCCESS");
        a.get("end", "meetingID", "room-1");
        assertThat(Api.text(a.get("getRecordings"), "messageKey")).isEqualTo("noRecordings");
        sim.clock().advance(Duration.ofMinutes(2));
        // get_recordings reads neither offset nor limit
        HttpResponse<String> r = a.get("getRecordings", "meta_course", "physik,mathe", "offset", "3", "limit", "0");
        assertThat(Api.xml(r).getElementsByTagName("recording").getLength()).isEqualTo(1);
        org.w3c.dom.NodeList breakout = Api.xml(r).getElementsByTagName("isBreakout");
        for (int i = 0; i < breakout.getLength(); i++) {
            assertThat(breakout.item(i).getParentNode().getNodeName()).isEqualTo("metadata");
        }
        assertThat(r.body()).doesNotContain("totalElements").contains("<protected>false</protected>")
                .contains("<url>http://127.0.0.1:" + sim.port() + "/playback/presentation/2.3/");
        String recordId = Api.text(r, "recordID");
        assertThat(Api.text(r, "internalMeetingID")).isEqualTo(recordId);
        assertThat(Api.xml(a.get("getRecordings", "recordID", recordId.substring(0, 10))).getElementsByTagName("recording")
                .getLength()).isEqualTo(1);
        assertThat(Api.text(b.get("getRecordings"), "messageKey")).isEqualTo("noRecordings");
        // the meta reached no server; Scalelite itself calls back, signed with the tenant's secret
        assertThat(sim.meeting("room-1").orElseThrow().metadata()).doesNotContainKey("bbb-recording-ready-url");
        assertThat(sim.awaitCallbacks(Duration.ofSeconds(10))).isTrue();
        List<CallbackDelivery> ready = new ArrayList<>(sim.callbackDeliveries());
        ready.removeIf(d -> !d.kind().equals("recording-ready"));
        assertThat(ready).hasSize(1);
        String jwt = java.net.URLDecoder.decode(ready.get(0).body().orElseThrow().substring("signed_parameters=".length()),
                java.nio.charset.StandardCharsets.UTF_8);
        assertThat(CallbackSignerTest.hmacJwt("HmacSHA256", jwt.substring(0, jwt.lastIndexOf('.')), "secret-a"))
                .isEqualTo(jwt);
        assertThat(Api.text(a.get("publishRecordings", "recordID", recordId, "publish", "false"), "published"))
                .isEqualTo("false");
        assertThat(Api.text(a.get("getRecordings", "state", "unpublished"), "state")).isEqualTo("unpublished");
        assertThat(Api.text(a.get("updateRecordings", "recordID", recordId, "protect", "true"), "updated")).isEqualTo("true");
        assertThat(Api.text(b.get("deleteRecordings", "recordID", recordId), "messageKey")).isEqualTo("notFound");
        assertThat(Api.text(a.get("deleteRecordings", "recordID", recordId), "deleted")).isEqualTo("true");
    }

    /** recording_ready_notifier_service.rb#notify: each secret in turn until 2xx, 404 or 410. */
    @Test
    void recordingReady_triedWithEachSecret_untilSuccessNotFoundOrGone() throws Exception {
        List<String> seen = new java.util.concurrent.CopyOnWriteArrayList<>();
        com.sun.net.httpserver.HttpServer receiver = com.sun.net.httpserver.HttpServer.create(
                new java.net.InetSocketAddress(java.net.InetAddress.getLoopbackAddress(), 0), 0);
        receiver.createContext("/", ex -> {
            String body = new String(ex.getRequestBody().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            String jwt = java.net.URLDecoder.decode(body.substring("signed_parameters=".length()),
                    java.nio.charset.StandardCharsets.UTF_8);
            String input = jwt.substring(0, jwt.lastIndexOf('.'));
            String secret = CallbackSignerTest.hmacJwt("HmacSHA256", input, "secret-a").equals(jwt) ? "secret-a"
                    : CallbackSignerTest.hmacJwt("HmacSHA256", input, "secret-a-new").equals(jwt) ? "secret-a-new" : "?";
            seen.add(ex.getRequestURI().getPath() + " " + secret);
            String path = ex.getRequestURI().getPath();
            int status = path.equals("/new-only") ? (secret.equals("secret-a-new") ? 204 : 401)
                    : path.equals("/missing") ? 404 : path.equals("/gone") ? 410 : 500;
            ex.sendResponseHeaders(status, -1);
            ex.close();
        });
        receiver.start();
        try {
            String base = "http://127.0.0.1:" + receiver.getAddress().getPort();
            for (String path : List.of("/new-only", "/missing", "/gone", "/broken")) {
                String room = "room" + path.replace('/', '-');
                a.create(room, "record", "true", "meta_bbb-recording-ready-url", base + path);
                Api.getRaw(a.join(room, "Ada", "MODERATOR").headers().firstValue("Location").orElseThrow());
                a.get("end", "meetingID", room);
            }
            sim.clock().advance(Duration.ofMinutes(2));
            assertThat(sim.awaitCallbacks(Duration.ofSeconds(10))).isTrue();
            assertThat(seen).containsExactlyInAnyOrder(
                    "/new-only secret-a", "/new-only secret-a-new",   // 401, then 2xx: stop
                    "/missing secret-a", "/gone secret-a",            // 404 and 410 stop at once
                    "/broken secret-a", "/broken secret-a-new");       // 500 each time: every secret once
        } finally {
            receiver.stop(0);
        }
    }

    @Test
    void builder_refusesTenantsOutsideScaleliteMode_andScaleliteWithOnlySha384() {
        assertThatThrownBy(() -> BbbSimulator.builder().tenant("x", "s").start())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("SCALELITE");
        assertThatThrownBy(() -> BbbSimulator.builder().mode(SimulatorMode.SCALELITE)
                .supportedChecksumAlgorithms("sha384").start()).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> BbbSimulator.builder().tenant("Schule A", "s"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("DNS label");
        assertThatThrownBy(() -> sim.baseUrl("schule-z")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> BbbSimulator.builder().tenant("x", "s", (String[]) null)).hasMessage("moreSecrets");
        assertThatThrownBy(() -> BbbSimulator.builder().tenant("x", null)).hasMessage("secret");
        assertThatThrownBy(() -> BbbSimulator.builder().mode(null)).hasMessage("mode");
        assertThatThrownBy(() -> sim.takeOutOfService(null)).hasMessage("serverId");
        assertThatThrownBy(() -> sim.approveGuest("m", null)).hasMessage("userId");
    }

    @Test
    void withoutTenants_loadBalancerSecretsAccepted() {
        try (BbbSimulator single = BbbSimulator.builder().mode(SimulatorMode.SCALELITE).secret("lb-secret")
                .additionalSecrets("lb-next").start()) {
            new Api(single.apiUrl(), "lb-next").create("room-1");
            HttpResponse<String> r = Api.send(HttpRequest.newBuilder(URI.create(
                    new Api(single.apiUrl(), "lb-secret").url("getMeetingInfo", Api.params("meetingID", "room-1")))).build());
            assertThat(Api.text(r, "meetingID")).isEqualTo("room-1");
            assertThat(Api.text(r, "moderatorPW")).hasSize(8); // generated by Scalelite, not by the server
        }
    }
}
