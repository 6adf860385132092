// SPDX-License-Identifier: Apache-2.0
package de.hessen.schulportal.bbb.client.recording;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.hessen.schulportal.bbb.client.recording.PutRecordingTextTrackRequest.TextTrackKind;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What the recording requests' {@code toString()} shows (parameter names, never values) and what their builders refuse. */
class RecordingRequestsTest {

    @Test
    void putRecordingTextTrack_toStringNamesKeysOnly_withoutFileName() {
        PutRecordingTextTrackRequest r = PutRecordingTextTrackRequest.builder("rec-4711", TextTrackKind.CAPTIONS, "de-DE",
                        "elterngespraech-mueller.vtt", "WEBVTT".getBytes(StandardCharsets.UTF_8))
                .label("Elterngespräch Müller").build();
        assertThat(r.toString()).contains("recordID", "kind", "lang", "label", "6 bytes")
                .doesNotContain("rec-4711").doesNotContain("de-DE").doesNotContain("Müller").doesNotContain("mueller");
    }

    @Test
    void getRecordings_toStringNamesKeysOnly() {
        GetRecordingsRequest r = GetRecordingsRequest.builder().meetingIds("elterngespraech-mueller")
                .meta("bbb-recording-name", "Elterngespräch Müller").build();
        assertThat(r.toString()).contains("meetingID", "meta_bbb-recording-name")
                .doesNotContain("mueller").doesNotContain("Müller");
    }

    @Test
    void updateRecordings_toStringNamesKeysOnly() {
        UpdateRecordingsRequest r = UpdateRecordingsRequest.builder("rec-4711")
                .meta("bbb-recording-name", "Elterngespräch Müller").build();
        assertThat(r.toString()).contains("recordID", "meta_bbb-recording-name")
                .doesNotContain("rec-4711").doesNotContain("Müller");
    }

    @Test
    void updateRecordings_builderRefusesNoRecordId() {
        assertThatThrownBy(UpdateRecordingsRequest::builder)
                .isInstanceOf(IllegalArgumentException.class).hasMessage("recordID: at least one record ID is required");
    }

    @Test
    void updateRecordings_builderRefusesARecordIdWithAComma() {
        assertThatThrownBy(() -> UpdateRecordingsRequest.builder("rec-1,rec-2"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("recordID must not contain a comma: the server splits the list at commas");
    }

    @Test
    void publishRecordings_typedParametersFirstThenAdditional_andBuildLeavesTheBuilderReusable() {
        PublishRecordingsRequest.Builder b = PublishRecordingsRequest.builder(List.of("rec-1", "rec-2"), true)
                .additionalParam("origin", "portal");
        PublishRecordingsRequest first = b.build();
        assertThat(first.parameters()).containsExactly(Map.entry("recordID", "rec-1,rec-2"),
                Map.entry("publish", "true"), Map.entry("origin", "portal"));
        assertThat(b.build()).isEqualTo(first);
    }

    @Test
    void deleteRecordings_additionalParamMayNotRepeatRecordId() {
        DeleteRecordingsRequest.Builder b = DeleteRecordingsRequest.builder(List.of("rec-1")).additionalParam("recordID", "rec-2");
        assertThatThrownBy(b::build).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'recordID'");
    }
}
