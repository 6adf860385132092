// SPDX-License-Identifier: Apache-2.0
package de.hessen.schulportal.bbb.client.meeting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.hessen.schulportal.bbb.client.ChecksumAlgorithm;
import de.hessen.schulportal.bbb.client.ReliabilityAccess;
import de.hessen.schulportal.bbb.client.testing.ServerChecksumVerifier;
import de.hessen.schulportal.bbb.testsupport.Secrets;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The create and join parameters BigBlueButton 3.0 reads (REFERENCE.md, "Additions"): exact query
 * strings on the wire, what the server decodes, and refusals where bbb-web would drop or alter a
 * value.
 */
class Parameters30Test {
    private static final String BASE = "https://bbb.example.org/bigbluebutton/";
    private static final ReliabilityAccess URLS = ReliabilityAccess.urls(BASE, Secrets.SECRET, ChecksumAlgorithm.SHA256);
    private static final String SHA = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";

    private static String query(String url) {
        String q = url.substring(url.indexOf('?') + 1);
        return q.substring(0, q.lastIndexOf("&checksum="));
    }

    @Test
    void create_30Parameters_exactQuery() {
        CreateMeetingRequest r = CreateMeetingRequest.builder("room-30", "Raum 30")
                .webVoice("71234")
                .mediaBridges(MediaBridges.builder().camera("livekit").screenShare("bbb-webrtc-sfu").audio("fullaudio").build())
                .requireUserConsentBeforeUnmuting(true)
                .plugins(Plugins.builder()
                        .addManifests(PluginManifest.of("https://cdn.example.org/%%HTML5_PLUGIN_SDK_VERSION%%/pick/manifest.json"))
                        .addManifests(PluginManifest.builder().url("https://cdn.example.org/quiz/manifest.json").checksum(SHA).build())
                        .manifestsFetchUrl("https://cdn.example.org/all.json")
                        .addSettings(PluginSetting.of("PickRandomUser", "mode", "fair"))
                        .build())
                .presentation(PresentationSettings.builder().conversionCacheEnabled(true).maxNumPages(50).build())
                .breakoutRoomSettings(BreakoutRoomSettings.builder().captureSlides(true)
                        .captureSlidesFilename("%%CONFNAME%% Folien").captureNotesFilename("Notizen").build())
                .build();
        String url = URLS.create(r);
        String manifests = "%5B%7B%22url%22%3A%22https%3A%2F%2Fcdn.example.org%2F%25%25HTML5_PLUGIN_SDK_VERSION%25%25"
                + "%2Fpick%2Fmanifest.json%22%7D%2C%7B%22url%22%3A%22https%3A%2F%2Fcdn.example.org%2Fquiz%2Fmanifest.json"
                + "%22%2C%22checksum%22%3A%22" + SHA + "%22%7D%5D";
        assertThat(query(url)).isEqualTo("meetingID=room-30&name=Raum+30&webVoice=71234&cameraBridge=livekit"
                + "&screenShareBridge=bbb-webrtc-sfu&audioBridge=fullaudio&requireUserConsentBeforeUnmuting=true"
                + "&pluginManifests=" + manifests + "&pluginManifestsFetchUrl=https%3A%2F%2Fcdn.example.org%2Fall.json"
                + "&plugin_PickRandomUser_mode=fair&presentationConversionCacheEnabled=true&maxNumPages=50"
                + "&breakoutRoomsCaptureSlides=true&breakoutRoomsCaptureSlidesFilename=%25%25CONFNAME%25%25+Folien"
                + "&breakoutRoomsCaptureNotesFilename=Notizen");
        ServerChecksumVerifier.Verified v = ServerChecksumVerifier.verify(url, Secrets.SECRET);
        assertThat(v.parameters.get("pluginManifests")).isEqualTo(
                "[{\"url\":\"https://cdn.example.org/%%HTML5_PLUGIN_SDK_VERSION%%/pick/manifest.json\"},"
                        + "{\"url\":\"https://cdn.example.org/quiz/manifest.json\",\"checksum\":\"" + SHA + "\"}]");
        assertThat(v.parameters).containsEntry("breakoutRoomsCaptureSlidesFilename", "%%CONFNAME%% Folien");
        assertThat(r.toBuilder().build()).isEqualTo(r);
    }

    @Test
    void create_groups_exactQuery() {
        CreateMeetingRequest r = CreateMeetingRequest.builder("room-30", "Raum 30")
                .branding(Branding.builder().bannerText("Schule").bannerColor("#0A5C9E")
                        .logo(URI.create("https://schule.example/logo.png")).copyright("© Land").build())
                .presentation(PresentationSettings.builder()
                        .preUploadedPresentation(URI.create("https://files.example/a.pdf"))
                        .preUploadedPresentationName("a.pdf").preUploadedPresentationOverrideDefault(false).build())
                .breakoutRoomSettings(BreakoutRoomSettings.builder().record(false).privateChatEnabled(false).build())
                .cameras(CameraSettings.builder().userCameraCap(1).allowModsToEjectCameras(true).build())
                .timers(MeetingTimers.builder().meetingExpireIfNoUserJoined(Duration.ofMinutes(15)).build())
                .build();
        assertThat(query(URLS.create(r))).isEqualTo("meetingID=room-30&name=Raum+30&bannerText=Schule"
                + "&bannerColor=%230A5C9E&logo=https%3A%2F%2Fschule.example%2Flogo.png&copyright=%C2%A9+Land"
                + "&preUploadedPresentation=https%3A%2F%2Ffiles.example%2Fa.pdf&preUploadedPresentationName=a.pdf"
                + "&preUploadedPresentationOverrideDefault=false&breakoutRoomsRecord=false"
                + "&breakoutRoomsPrivateChatEnabled=false&userCameraCap=1&allowModsToEjectCameras=true"
                + "&meetingExpireIfNoUserJoinedInMinutes=15");
        assertThat(r.toBuilder().build()).isEqualTo(r);
        assertThat(Branding.builder().bannerText("a").build()).isEqualTo(Branding.builder().bannerText("a").build())
                .isNotEqualTo(Branding.builder().bannerText("b").build()).hasToString("Branding{bannerText=a}");
        // A URL may carry a token: toString() names the field, not the value.
        assertThat(Branding.builder().logo(URI.create("https://schule.example/logo.png?token=t0k3n")).build())
                .hasToString("Branding{logo=****}");
    }

    @Test
    void create_31Parameters_stillSent() {
        CreateMeetingRequest r = CreateMeetingRequest.builder("room-31", "Raum 31")
                .clientSettingsOverrideJsonUrl(URI.create("https://x.example/s.json")).multiUserWhiteboardEnabled(true).build();
        assertThat(query(URLS.create(r))).isEqualTo("meetingID=room-31&name=Raum+31"
                + "&clientSettingsOverrideJsonUrl=https%3A%2F%2Fx.example%2Fs.json&multiUserWhiteboardEnabled=true");
    }

    @Test
    void join_30Parameters_exactQuery() {
        JoinMeetingRequest r = JoinMeetingRequest.builder("room-30", "Kim Y.", Role.VIEWER)
                .defaultLayout(MeetingLayout.PLUGINS_ONLY).firstName("Kim").lastName("Yılmaz")
                .existingUserId("w_abcdefghijkl").replaceSessionToken("abcdefghijklmnop").sessionName("Tablet")
                .build();
        String url = URLS.join(r);
        assertThat(query(url)).isEqualTo("fullName=Kim+Y.&meetingID=room-30&role=VIEWER&defaultLayout=PLUGINS_ONLY"
                + "&firstName=Kim&lastName=Y%C4%B1lmaz&existingUserID=w_abcdefghijkl"
                + "&replaceSessionToken=abcdefghijklmnop&sessionName=Tablet&redirect=false");
        assertThat(ServerChecksumVerifier.verify(url, Secrets.SECRET).parameters).containsEntry("lastName", "Yılmaz");
        assertThat(r.toString()).doesNotContain("abcdefghijklmnop");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "  ", "a\u0000b"})
    void join_newTextParameters_refuseBlankOrControl(String bad) {
        JoinMeetingRequest.Builder b = JoinMeetingRequest.builder("room", "Name", Role.VIEWER);
        assertThatThrownBy(() -> b.firstName(bad)).isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("firstName");
        assertThatThrownBy(() -> b.sessionName(bad)).isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("sessionName");
        assertThatThrownBy(() -> b.replaceSessionToken(bad)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("replaceSessionToken");
    }

    @Test
    void plugins_refuseWhatBbbWebWouldNotUse() {
        assertThatThrownBy(() -> PluginManifest.of("ftp://cdn.example.org/m.json"))
                .hasMessageContaining("pluginManifests url must be an absolute http or https URL");
        assertThatThrownBy(() -> PluginManifest.builder().url("https://cdn.example.org/m.json")
                .checksum(SHA.toUpperCase(java.util.Locale.ROOT)).build())
                .hasMessageContaining("lower-case hex");
        assertThatThrownBy(() -> PluginSetting.of("Pick Random", "mode", "x")).hasMessageContaining("plugin name");
        assertThatThrownBy(() -> PluginSetting.of("Pick", "Mode", "x")).hasMessageContaining("plugin setting key 'Mode'");
        assertThatThrownBy(() -> Plugins.builder().addSettings(PluginSetting.of("Pick", "mode", "x"))
                .addSettings(PluginSetting.of("PICK", "mode", "y")).build())
                .hasMessageContaining("differ only in case");
        assertThatThrownBy(() -> Plugins.builder().manifestsFetchUrl("ftp://cdn.example.org/all.json").build())
                .hasMessageContaining("pluginManifestsFetchUrl must be an absolute http or https URL");
        // A null is refused by the generated builder, naming the field.
        assertThatThrownBy(() -> PluginManifest.of(null)).isInstanceOf(NullPointerException.class)
                .hasMessage("url");
        assertThatThrownBy(() -> CreateMeetingRequest.builder("room", "Name").meta("plugin_x", "v"))
                .hasMessageContaining("meta key");
    }

    @Test
    void createGroups_refuseInvalidValues() {
        assertThatThrownBy(() -> PresentationSettings.builder().maxNumPages(0).build()).hasMessageContaining("maxNumPages must be positive");
        assertThatThrownBy(() -> BreakoutRoomSettings.builder().captureNotesFilename(" ").build())
                .hasMessageContaining("breakoutRoomsCaptureNotesFilename must not be blank");
        assertThatThrownBy(() -> MediaBridges.builder().camera("").build())
                .hasMessageContaining("cameraBridge must not be blank");
        assertThatThrownBy(() -> MediaBridges.builder().audio((String) null))
                .isInstanceOf(NullPointerException.class).hasMessage("audio");
        assertThatThrownBy(() -> CameraSettings.builder().userCameraCap(-1).build()).hasMessageContaining("userCameraCap must be zero or positive");
        assertThatThrownBy(() -> MeetingTimers.builder().logoutTimer(Duration.ofSeconds(30)).build())
                .hasMessageContaining("logoutTimer must be a whole number of minutes");
        assertThatThrownBy(() -> CreateMeetingRequest.builder("room", "Name").cameras(null))
                .isInstanceOf(NullPointerException.class).hasMessage("cameras");
    }

    @Test
    void additionalParam_mayNotShadowAGroupsParameter() {
        assertThatThrownBy(() -> CreateMeetingRequest.builder("room", "Name")
                .presentation(PresentationSettings.builder().maxNumPages(5).build())
                .additionalParam("maxNumPages", "9").build()).hasMessageContaining("additionalParam 'maxNumPages'");
        assertThat(CreateMeetingRequest.builder("room", "Name").additionalParam("sharedNotesEditor", "blockNote").build()
                .parameters()).containsEntry("sharedNotesEditor", "blockNote");
        assertThat(Map.copyOf(CreateMeetingRequest.builder("room", "Name").build().parameters())).hasSize(2);
    }
}
