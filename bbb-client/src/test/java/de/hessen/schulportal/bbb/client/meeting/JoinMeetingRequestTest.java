// SPDX-License-Identifier: Apache-2.0
package de.hessen.schulportal.bbb.client.meeting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class JoinMeetingRequestTest {

    @Test
    void build_parametersInWireOrder() {
        JoinMeetingRequest r = JoinMeetingRequest.builder("7b-mathe", "Frau Schmidt", Role.MODERATOR)
                .userId("u-42").createTime(1_716_300_000_123L).guest(false)
                .enforceLayout(MeetingLayout.PRESENTATION_FOCUS)
                .userdata("bbb_auto_join_audio", "true")
                .build();
        assertThat(r.parameters()).containsExactly(
                Map.entry("fullName", "Frau Schmidt"), Map.entry("meetingID", "7b-mathe"), Map.entry("role", "MODERATOR"),
                Map.entry("userID", "u-42"), Map.entry("createTime", "1716300000123"), Map.entry("guest", "false"),
                Map.entry("enforceLayout", "PRESENTATION_FOCUS"), Map.entry("userdata-bbb_auto_join_audio", "true"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"bbb-auto", "with space", "", "ü"})
    void userdata_rejectsKeysBbbWouldSplitOrDrop(String key) {
        assertThatThrownBy(() -> JoinMeetingRequest.builder("room", "Name", Role.VIEWER).userdata(key, "x"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("userdata key");
    }

    @Test
    void build_rejectsMissingOrUnknownRoleAndBlankName() {
        assertThatThrownBy(() -> JoinMeetingRequest.builder("room", "Name", null).build())
                .isInstanceOf(NullPointerException.class).hasMessage("role");
        assertThatThrownBy(() -> JoinMeetingRequest.builder("room", null, Role.VIEWER).build())
                .isInstanceOf(NullPointerException.class).hasMessage("fullName");
        assertThatThrownBy(() -> JoinMeetingRequest.builder("room", "Name", Role.VIEWER).userId(null))
                .isInstanceOf(NullPointerException.class).hasMessage("userID");
        assertThatThrownBy(() -> JoinMeetingRequest.builder("room", "Name", Role.UNKNOWN).build())
                .hasMessageContaining("role must be MODERATOR or VIEWER");
        assertThatThrownBy(() -> JoinMeetingRequest.builder("room", "  ", Role.VIEWER).build())
                .hasMessageContaining("fullName must not be blank");
        assertThatThrownBy(() -> JoinMeetingRequest.builder("room", "a\u0000b", Role.VIEWER).build())
                .hasMessageContaining("fullName must not contain control characters");
    }

    @Test
    void additionalParam_comesAfterTypedAndUserdata_andMayNotShadowThem() {
        JoinMeetingRequest r = JoinMeetingRequest.builder("room", "Name", Role.VIEWER)
                .additionalParam("webVoiceConf", "7").userdata("bbb_x", "1").guest(true).build();
        assertThat(r.parameters().keySet()).containsExactly("fullName", "meetingID", "role", "userdata-bbb_x", "guest",
                "webVoiceConf");
        assertThatThrownBy(() -> JoinMeetingRequest.builder("room", "Name", Role.VIEWER).additionalParam("guest", "false")
                .guest(true).build()).hasMessageContaining("additionalParam 'guest'");
        assertThatThrownBy(() -> JoinMeetingRequest.builder("room", "Name", Role.VIEWER).additionalParam("userdata-bbb_x", "1"))
                .hasMessageContaining("userdata(key, value)");
    }

    @Test
    void toString_leavesTheDisplayNameOut() {
        JoinMeetingRequest r = JoinMeetingRequest.builder("room", "Erika Mustermann", Role.VIEWER).userId("u-1").build();
        assertThat(r.toString()).contains("room").contains("VIEWER").doesNotContain("Erika").doesNotContain("Mustermann");
    }

    @Test
    void createTime_mustBePositive() {
        assertThatThrownBy(() -> JoinMeetingRequest.builder("room", "Name", Role.VIEWER).createTime(0))
                .hasMessageContaining("createTime");
    }

    @Test
    void additionalParam_cannotOverrideRedirectOrRole() {
        assertThatThrownBy(() -> JoinMeetingRequest.builder("room", "Name", Role.VIEWER).additionalParam("redirect", "false"))
                .hasMessageContaining("redirect");
        assertThatThrownBy(() -> JoinMeetingRequest.builder("room", "Name", Role.VIEWER).additionalParam("role", "MODERATOR").build())
                .hasMessageContaining("role");
    }

    @Test
    void roleParsing_isLocaleIndependent() {
        java.util.Locale previous = java.util.Locale.getDefault();
        try {
            java.util.Locale.setDefault(java.util.Locale.forLanguageTag("tr-TR"));
            assertThat(Role.fromServer("viewer")).isEqualTo(Role.VIEWER);
            assertThat(Role.fromServer("moderator")).isEqualTo(Role.MODERATOR);
            assertThat(Role.fromServer("ADMIN")).isEqualTo(Role.UNKNOWN);
        } finally {
            java.util.Locale.setDefault(previous);
        }
    }
}
