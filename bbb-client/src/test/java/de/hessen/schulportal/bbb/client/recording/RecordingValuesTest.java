// SPDX-License-Identifier: Apache-2.0
package de.hessen.schulportal.bbb.client.recording;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The recording values as integrators build them in their own tests: what {@code toString()} leaves
 * out (meeting names, metadata, playback URLs with Scalelite's one-time tokens, slide titles, text
 * track URLs), what "absent" means for the fields servers send only where they apply, and the
 * paging rule of {@link RecordingsPage}.
 */
class RecordingValuesTest {
    private static final String TOKEN = "one-time-7f3a9c";

    @Test
    void recording_toString_leavesOutNamesMetadataAndPlaybackUrls() {
        Recording r = Recording.builder().recordId("rec-1").meetingId("7b-mathe").name("Sprechstunde Frau Weber")
                .rawState("published").metadata(Map.of("gl-token", TOKEN, "meetingName", "Sprechstunde Frau Weber"))
                .addPlaybackFormats(PlaybackFormat.builder().type("presentation")
                        .url("https://scalelite.example.org/recording/rec-1/presentation?token=" + TOKEN)
                        .length(Duration.ofMinutes(42))
                        .addPreviewImages(PreviewImage.builder().url("https://bbb.example.org/thumb-1.png").width(176)
                                .height(136).alt("Elternabend Familie Yılmaz").build())
                        .build())
                .build();
        assertThat(r.toString()).contains("rec-1", "7b-mathe", "published", "presentation", "PT42M", "thumb-1.png")
                .doesNotContain(TOKEN).doesNotContain("Weber").doesNotContain("Yılmaz");
        assertThat(r.name()).isEqualTo("Sprechstunde Frau Weber");
        assertThat(r.metadata()).containsEntry("gl-token", TOKEN);
        assertThat(r.playback(PlaybackType.PRESENTATION).orElseThrow().url()).endsWith(TOKEN);
    }

    @Test
    void textTrack_toString_leavesOutTheFileUrl() {
        TextTrack t = TextTrack.builder().href("https://bbb.example.org/captions/rec-1/de-DE.vtt?token=" + TOKEN)
                .kind("subtitles").label("Deutsch").lang("de-DE").source("upload").build();
        assertThat(t.toString()).contains("subtitles", "Deutsch", "de-DE", "upload").doesNotContain(TOKEN);
    }

    @Test
    void recording_fieldsSentOnlyWhereTheyApply_areAbsentUntilSet() {
        Recording plain = Recording.builder().recordId("rec-1").build();
        assertThat(plain.size()).isEmpty();
        assertThat(plain.rawSize()).isEmpty();
        assertThat(plain.isProtected()).isEmpty();
        assertThat(plain.startTime()).isEmpty();
        assertThat(plain.breakoutParentId()).isEmpty();
        assertThat(plain.breakoutSequence()).isEmpty();
        assertThat(plain.state()).isEqualTo(RecordingState.UNKNOWN);
        Recording room = Recording.builder().recordId("rec-2").size(0).isProtected(false).breakoutParentId("rec-1")
                .breakoutSequence(2).build();
        assertThat(room.size()).hasValue(0);
        assertThat(room.isProtected()).contains(false);
        assertThat(room.breakoutParentId()).contains("rec-1");
        assertThat(room.breakoutSequence()).hasValue(2);
        assertThat(room).isNotEqualTo(plain).isEqualTo(Recording.builder().recordId("rec-2").size(0)
                .isProtected(false).breakoutParentId("rec-1").breakoutSequence(2).build());
    }

    @Test
    void recordingsPage_pagedOrNot_andWhetherMoreFollow() {
        List<Recording> two = List.of(Recording.builder().recordId("a").build(), Recording.builder().recordId("b").build());
        RecordingsPage unpaged = RecordingsPage.builder().recordings(two).build();
        assertThat(unpaged.isPaged()).isFalse();
        assertThat(unpaged.offset()).isEmpty();
        assertThat(unpaged.hasMore()).isFalse();
        RecordingsPage first = RecordingsPage.builder().recordings(two).offset(0).limit(2).totalElements(3).build();
        assertThat(first.isPaged()).isTrue();
        assertThat(first.hasMore()).isTrue();
        assertThat(RecordingsPage.builder().recordings(two).offset(1).limit(2).totalElements(3).build().hasMore())
                .isFalse();
        assertThat(RecordingsPage.builder().offset(3).limit(2).totalElements(3).build().hasMore()).isFalse();
    }

    @Test
    void recordingsPage_partOfThePagingInformation_isRefusedNamingTheRule() {
        assertThatThrownBy(() -> RecordingsPage.builder().totalElements(3).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("offset, limit and totalElements: set all three (a paged answer) or none (an unpaged one)");
        assertThatThrownBy(() -> RecordingsPage.builder().offset(0).limit(2).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("totalElements");
    }
}
