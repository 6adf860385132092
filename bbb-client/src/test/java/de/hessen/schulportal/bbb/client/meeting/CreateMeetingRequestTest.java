// SPDX-License-Identifier: Apache-2.0
package de.hessen.schulportal.bbb.client.meeting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CreateMeetingRequestTest {

    @Test
    void build_typedParametersInWireForm() {
        CreateMeetingRequest r = CreateMeetingRequest.builder("7b-mathe", "Klasse 7b – Mathematik")
                .record(false)
                .guestPolicy(GuestPolicy.ASK_MODERATOR)
                .disabledFeatures(Feature.PRIVATE_CHAT, Feature.LEARNING_DASHBOARD)
                .duration(Duration.ofMinutes(90))
                .timers(MeetingTimers.builder().endWhenNoModeratorDelay(Duration.ofMinutes(2)).build())
                .lockSettings(LockSettings.builder().disablePrivateChat(true).hideUserList(true).build())
                .meetingLayout(MeetingLayout.SMART_LAYOUT)
                .logoutUrl(URI.create("https://portal.schule.hessen.de/logout"))
                .meta("bbb-origin", "schulportal")
                .additionalParam("sharedNotesEditor", "etherpad")
                .build();
        assertThat(r.parameters()).containsExactly(
                java.util.Map.entry("meetingID", "7b-mathe"),
                java.util.Map.entry("name", "Klasse 7b – Mathematik"),
                java.util.Map.entry("record", "false"),
                java.util.Map.entry("guestPolicy", "ASK_MODERATOR"),
                java.util.Map.entry("disabledFeatures", "privateChat,learningDashboard"),
                java.util.Map.entry("duration", "90"),
                java.util.Map.entry("endWhenNoModeratorDelayInMinutes", "2"),
                java.util.Map.entry("lockSettingsDisablePrivateChat", "true"),
                java.util.Map.entry("lockSettingsHideUserList", "true"),
                java.util.Map.entry("meetingLayout", "SMART_LAYOUT"),
                java.util.Map.entry("logoutURL", "https://portal.schule.hessen.de/logout"),
                java.util.Map.entry("meta_bbb-origin", "schulportal"),
                java.util.Map.entry("sharedNotesEditor", "etherpad"));
        assertThat(r.metadata()).containsExactly(java.util.Map.entry("bbb-origin", "schulportal"));
        assertThat(r.toBuilder().build()).isEqualTo(r);
    }

    @ParameterizedTest
    @ValueSource(strings = {"a", " leading", "trailing ", "with,comma", "tab\tinside"})
    void build_rejectsMeetingIdBbbWouldRejectOrAlter(String id) {
        assertThatThrownBy(() -> CreateMeetingRequest.builder(id, "Name").build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("meetingID");
    }

    @Test
    void build_rejectsTooLongMeetingIdAndName() {
        assertThatThrownBy(() -> CreateMeetingRequest.builder("x".repeat(257), "Name").build())
                .hasMessageContaining("meetingID must be 2 to 256 characters");
        assertThatThrownBy(() -> CreateMeetingRequest.builder("room", "x".repeat(257)).build())
                .hasMessageContaining("name must be 2 to 256 characters");
        assertThat(CreateMeetingRequest.builder("x".repeat(256), "y".repeat(256)).build().meetingId()).hasSize(256);
    }

    @ParameterizedTest
    @ValueSource(strings = {"my_key", "1abc", "ümlaut", "has space", "dot.key", "", "-x"})
    void meta_rejectsKeysBbbWouldDrop(String key) {
        assertThatThrownBy(() -> CreateMeetingRequest.builder("room", "Name").meta(key, "v"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("meta key")
                .hasMessageContaining("[a-z][a-z0-9-]*");
    }

    @ParameterizedTest
    @ValueSource(strings = {"Origin", "endCallbackUrl", "bbb-Origin"})
    void meta_rejectsKeysBbbWouldLowerCase(String key) {
        assertThatThrownBy(() -> CreateMeetingRequest.builder("room", "Name").meta(key, "v"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("meta key '" + key + "'")
                .hasMessageContaining("lower-cases");
    }

    @Test
    void meta_setAgain_replacesInPlace() {
        CreateMeetingRequest r = CreateMeetingRequest.builder("room", "Name").meta("a", "1").record(true).meta("a", "2").build();
        assertThat(r.parameters()).containsExactly(java.util.Map.entry("meetingID", "room"), java.util.Map.entry("name", "Name"),
                java.util.Map.entry("meta_a", "2"), java.util.Map.entry("record", "true"));
        assertThat(r.metadata()).containsExactly(java.util.Map.entry("a", "2"));
    }

    @Test
    void nulls_throwNullPointerExceptionNamingTheParameter() {
        assertThatThrownBy(() -> CreateMeetingRequest.builder(null, "Name").build())
                .isInstanceOf(NullPointerException.class).hasMessage("meetingID");
        assertThatThrownBy(() -> CreateMeetingRequest.builder("room", null).build())
                .isInstanceOf(NullPointerException.class).hasMessage("name");
        assertThatThrownBy(() -> CreateMeetingRequest.builder("room", "Name").welcome(null))
                .isInstanceOf(NullPointerException.class).hasMessage("welcome");
        assertThatThrownBy(() -> CreateMeetingRequest.builder("room", "Name").logoutUrl(null))
                .isInstanceOf(NullPointerException.class).hasMessage("logoutURL");
        assertThatThrownBy(() -> CreateMeetingRequest.builder("room", "Name").guestPolicy(null))
                .isInstanceOf(NullPointerException.class).hasMessage("guestPolicy");
        assertThatThrownBy(() -> CreateMeetingRequest.builder("room", "Name").branding(null))
                .isInstanceOf(NullPointerException.class).hasMessage("branding");
        assertThatThrownBy(() -> CreateMeetingRequest.builder("room", "Name").additionalParam("x", null))
                .isInstanceOf(NullPointerException.class).hasMessage("additionalParam x");
    }

    @Test
    void welcome_rejectsControlCharactersInsteadOfLettingBbbStripThem() {
        assertThatThrownBy(() -> CreateMeetingRequest.builder("room", "Name").welcome("line1\nline2"))
                .hasMessageContaining("welcome must not contain control characters").hasMessageContaining("<br>");
        assertThatThrownBy(() -> CreateMeetingRequest.builder("room", "Na\u0007me").build())
                .hasMessageContaining("name must not contain control characters");
    }

    @Test
    void duration_refusesFractionsOfMinutes() {
        assertThatThrownBy(() -> CreateMeetingRequest.builder("room", "Name").duration(Duration.ofSeconds(90)))
                .hasMessageContaining("duration must be a whole number of minutes");
        assertThatThrownBy(() -> CreateMeetingRequest.builder("room", "Name").duration(Duration.ofMinutes(-1)))
                .hasMessageContaining("must not be negative");
    }

    @Test
    void additionalParam_mayNotShadowTypedOrSecretParameters() {
        assertThatThrownBy(() -> CreateMeetingRequest.builder("room", "Name").record(true).additionalParam("record", "false").build())
                .hasMessageContaining("additionalParam 'record'");
        assertThatThrownBy(() -> CreateMeetingRequest.builder("room", "Name").additionalParam("checksum", "x"))
                .hasMessageContaining("checksum");
        assertThatThrownBy(() -> CreateMeetingRequest.builder("room", "Name").additionalParam("meetingID", "other").build())
                .hasMessageContaining("meetingID");
        assertThatThrownBy(() -> CreateMeetingRequest.builder("room", "Name").additionalParam("meta_x", "v"))
                .hasMessageContaining("meta(key, value)");
        assertThatThrownBy(() -> CreateMeetingRequest.builder("room", "Name").additionalParam("plugin_P_x", "v"))
                .hasMessageContaining("PluginSetting.of(plugin, key, value)");
        assertThatThrownBy(() -> CreateMeetingRequest.builder("room", "Name").additionalParam("record", "false").record(true).build())
                .as("order of the calls does not matter").hasMessageContaining("additionalParam 'record'");
    }

    @Test
    void urls_mustBeAbsoluteHttp() {
        assertThatThrownBy(() -> CreateMeetingRequest.builder("room", "Name").logoutUrl(URI.create("/relative")))
                .hasMessageContaining("logoutURL must be an absolute http or https URL");
        assertThatThrownBy(() -> Branding.builder().logo(URI.create("javascript:alert(1)")).build())
                .hasMessageContaining("logo");
    }

    @Test
    void bannerColor_mustBeHex() {
        assertThatThrownBy(() -> Branding.builder().bannerColor("red").build())
                .hasMessageContaining("bannerColor must be #RRGGBB");
    }

    @Test
    void disabledFeatures_mergeWithoutDuplicates() {
        CreateMeetingRequest r = CreateMeetingRequest.builder("room", "Name")
                .disabledFeatures(Feature.CHAT).disabledFeatureNames("quizzes", "chat").build();
        assertThat(r.parameters()).containsEntry("disabledFeatures", "chat,quizzes");
    }

    @Test
    void toString_namesParametersButNoValues() {
        CreateMeetingRequest r = CreateMeetingRequest.builder("room", "Name").additionalParam("moderatorPW", "hunter2").build();
        assertThat(r.toString()).contains("moderatorPW").doesNotContain("hunter2");
    }

    @Test
    void toString_leavesOutTheMeetingName() {
        CreateMeetingRequest r = CreateMeetingRequest.builder("room", "Elterngespräch Müller").build();
        assertThat(r.toString()).contains("parameters=[meetingID, name]").doesNotContain("Elterngespräch").doesNotContain("Müller");
    }
}
