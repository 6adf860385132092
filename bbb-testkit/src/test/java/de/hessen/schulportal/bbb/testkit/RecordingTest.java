// SPDX-License-Identifier: Apache-2.0
package de.hessen.schulportal.bbb.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class RecordingTest {
    private final BbbSimulator sim = BbbSimulator.builder().recordingProcessingTime(Duration.ofMinutes(2)).start();
    private final Api api = new Api(sim);

    @AfterEach
    void close() {
        sim.close();
    }

    private String recordedMeeting(String meetingId, String... meta) {
        String[] params = new String[meta.length + 2];
        params[0] = "record";
        params[1] = "true";
        System.arraycopy(meta, 0, params, 2, meta.length);
        api.create(meetingId, params);
        api.join(meetingId, "Ada", "MODERATOR", "userID", "a");
        api.join(meetingId, "Kim", "VIEWER", "userID", "k");
        api.get("end", "meetingID", meetingId);
        return sim.meeting(meetingId).orElseThrow().internalMeetingId();
    }

    @Test
    void recording_processingThenPublishedOnClock() {
        String recordId = recordedMeeting("room-1", "meta_bbb-origin", "Schulportal");
        assertThat(sim.recordings()).singleElement().satisfies(r -> {
            assertThat(r.recordId()).isEqualTo(recordId);
            assertThat(r.state()).isEqualTo("processing");
            assertThat(r.participants()).isEqualTo(2);
        });
        assertThat(Api.text(api.get("getRecordings", "meetingID", "room-1"), "messageKey")).isEqualTo("noRecordings");
        HttpResponse<String> processing = api.get("getRecordings", "meetingID", "room-1", "state", "processing");
        assertThat(Api.text(processing, "state")).isEqualTo("processing");

        sim.clock().advance(Duration.ofMinutes(2));
        HttpResponse<String> r = api.get("getRecordings", "meetingID", "room-1");
        assertThat(Api.text(r, "returncode")).isEqualTo("SUCCESS");
        assertThat(Api.text(r, "recordID")).isEqualTo(recordId);
        assertThat(Api.text(r, "published")).isEqualTo("true");
        assertThat(Api.text(r, "state")).isEqualTo("published");
        assertThat(Api.text(r, "participants")).isEqualTo("2");
        assertThat(Api.text(r, "type")).isEqualTo("presentation");
        assertThat(Api.text(r, "url")).isEqualTo("http://127.0.0.1:" + sim.port() + "/playback/presentation/2.3/" + recordId);
        assertThat(r.body()).contains("<bbb-origin>Schulportal</bbb-origin>").contains("<meetingId>room-1</meetingId>")
                .contains("<meetingName>Klasse 7b</meetingName>").contains("<isBreakout>false</isBreakout>")
                .doesNotContain("<pagination>");
    }

    @Test
    void recording_notRecordedOrNobodyJoined_noRecording() {
        api.create("room-1");
        api.join("room-1", "Ada", "MODERATOR");
        api.get("end", "meetingID", "room-1");
        api.create("room-2", "record", "true");
        api.get("end", "meetingID", "room-2");
        assertThat(sim.recordings()).isEmpty();
    }

    @Test
    void getRecordings_filtersAndPagination() {
        String a = recordedMeeting("room-a", "meta_fach", "Mathematik");
        String b = recordedMeeting("room-b", "meta_fach", "Mathe-AG");
        String c = recordedMeeting("room-c", "meta_fach", "Deutsch");
        sim.clock().advance(Duration.ofMinutes(2));

        assertThat(ids(api.get("getRecordings"))).containsExactly(a, b, c);
        assertThat(ids(api.get("getRecordings", "meetingID", "room-a,room-c"))).containsExactly(a, c);
        assertThat(ids(api.get("getRecordings", "recordID", b.substring(0, 40)))).containsExactly(b);
        assertThat(ids(api.get("getRecordings", "recordID", a + "," + c, "meetingID", "room-b"))).containsExactly(a, c);
        assertThat(ids(api.get("getRecordings", "meta_fach", "Mathe%"))).containsExactly(a, b);
        assertThat(ids(api.get("getRecordings", "meta_fach", "%sch"))).containsExactly(c);
        assertThat(ids(api.get("getRecordings", "meta_FACH", "Deutsch"))).containsExactly(c);

        HttpResponse<String> page = api.get("getRecordings", "offset", "1", "limit", "1");
        assertThat(ids(page)).containsExactly(b);
        assertThat(page.body()).contains("<pagination><pageable><offset>1</offset><limit>1</limit><paged>true</paged>"
                + "<unpaged>false</unpaged></pageable><totalElements>3</totalElements><empty>false</empty></pagination>");
        assertThat(ids(api.get("getRecordings", "limit", "500"))).hasSize(3);
        assertThat(api.get("getRecordings", "limit", "x").body()).doesNotContain("<pagination>");

        api.get("publishRecordings", "recordID", a, "publish", "false");
        api.get("deleteRecordings", "recordID", c);
        assertThat(ids(api.get("getRecordings"))).containsExactly(a, b);
        assertThat(ids(api.get("getRecordings", "state", "published"))).containsExactly(b);
        assertThat(ids(api.get("getRecordings", "state", "unpublished"))).containsExactly(a);
        assertThat(ids(api.get("getRecordings", "state", "any"))).containsExactly(a, b);
        assertThat(ids(api.get("getRecordings", "state", "deleted"))).containsExactly(c);
    }

    @Test
    void publishDeleteUpdate_answersAndNotFound() {
        String id = recordedMeeting("room-1");
        sim.clock().advance(Duration.ofMinutes(2));
        HttpResponse<String> unpublish = api.get("publishRecordings", "recordID", id, "publish", "false");
        assertThat(Api.text(unpublish, "published")).isEqualTo("false");
        assertThat(sim.recordings().get(0).state()).isEqualTo("unpublished");
        assertThat(Api.text(api.get("publishRecordings", "recordID", "nope", "publish", "true"), "messageKey"))
                .isEqualTo("notFound");
        assertThat(Api.text(api.get("publishRecordings", "recordID", id), "messageKey")).isEqualTo("missingParamPublish");
        assertThat(Api.text(api.get("publishRecordings", "publish", "true"), "messageKey")).isEqualTo("missingParamRecordID");

        HttpResponse<String> update = api.get("updateRecordings", "recordID", id, "meta_titel", "Bruchrechnung",
                "meta_bbb-origin", "");
        assertThat(Api.text(update, "updated")).isEqualTo("true");
        assertThat(sim.recordings().get(0).metadata()).containsEntry("titel", "Bruchrechnung");

        assertThat(Api.text(api.get("deleteRecordings", "recordID", id), "deleted")).isEqualTo("true");
        assertThat(Api.text(api.get("deleteRecordings", "recordID", "nope"), "messageKey")).isEqualTo("notFound");
        assertThat(Api.text(new Api(sim.apiUrl(), "bad").get("getRecordings"), "message"))
                .isEqualTo("You did not pass the checksum security check");
    }

    @Test
    void textTracks_uploadThenList() {
        String id = recordedMeeting("room-1");
        sim.clock().advance(Duration.ofMinutes(2));
        HttpResponse<String> empty = api.get("getRecordingTextTracks", "recordID", id);
        assertThat(empty.headers().firstValue("Content-Type")).hasValue("application/json;charset=utf-8");
        assertThat(empty.body()).isEqualTo("{\"response\":{\"returncode\":\"SUCCESS\",\"tracks\":[]}}");

        String boundary = "----simboundary";
        String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"de.vtt\"\r\n"
                + "Content-Type: text/vtt\r\n\r\nWEBVTT\n\n00:00.000 --> 00:01.000\nHallo\r\n--" + boundary + "--\r\n";
        HttpResponse<String> put = Api.send(HttpRequest.newBuilder(URI.create(api.url("putRecordingTextTrack",
                        Api.params("recordID", id, "kind", "subtitles", "lang", "de-DE", "label", "Deutsch"))))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
        assertThat(put.body()).contains("\"messageKey\":\"upload_text_track_success\"").contains("\"recordId\":\"" + id + "\"");
        assertThat(api.get("getRecordingTextTracks", "recordID", id).body())
                .contains("\"kind\":\"subtitles\",\"label\":\"Deutsch\",\"lang\":\"de-DE\",\"source\":\"upload\"");
        assertThat(sim.recordings().get(0).textTrackLanguages()).containsExactly("de-DE");

        assertThat(api.post("putRecordingTextTrack", "multipart/form-data; boundary=x", "--x--\r\n", "recordID", id,
                "kind", "poems", "lang", "de").body()).contains("invalidKind");
        assertThat(api.get("getRecordingTextTracks", "recordID", "nope").body()).contains("noRecordings");
    }

    private static List<String> ids(HttpResponse<String> r) {
        var nodes = Api.xml(r).getElementsByTagName("recordID");
        List<String> out = new java.util.ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            out.add(nodes.item(i).getTextContent());
        }
        return out;
    }
}
