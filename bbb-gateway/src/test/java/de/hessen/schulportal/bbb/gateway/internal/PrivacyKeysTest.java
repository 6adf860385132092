// SPDX-License-Identifier: Apache-2.0
package de.hessen.schulportal.bbb.gateway.internal;

import static org.assertj.core.api.Assertions.assertThat;

import de.hessen.schulportal.bbb.client.meeting.Role;
import de.hessen.schulportal.bbb.gateway.config.GatewayConfig;
import de.hessen.schulportal.bbb.gateway.config.KeyRing;
import de.hessen.schulportal.bbb.gateway.config.Tenant;
import de.hessen.schulportal.bbb.portal.Person;
import de.hessen.schulportal.bbb.portal.Pseudonyms;
import de.hessen.schulportal.bbb.portal.School;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Reversible pseudonyms and sealed texts through the configuration's per-tenant key rings, across a rotation. */
class PrivacyKeysTest {
    static final String KEY = "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=";
    static final Tenant MOODLE = Tenant.builder("moodle", "moodle-secret-0123456789", "http://127.0.0.1:1/bigbluebutton/",
            "backend-secret-0123456789").build();
    static final Tenant OTHER = Tenant.builder("other", "other-secret-0123456789ab", "http://127.0.0.1:1/bigbluebutton/",
            "backend-secret-0123456789").build();

    static Privacy privacy(KeyRing moodleRing) {
        Tenant moodle = Tenant.builder("moodle", "moodle-secret-0123456789", "http://127.0.0.1:1/bigbluebutton/",
                "backend-secret-0123456789").keyRing(moodleRing).build();
        return new Privacy(GatewayConfig.builder(KEY).tenant(moodle).tenant(OTHER).build(), "https://gw.example.org/");
    }

    @Test
    void pseudonym_opensForItsMeeting_acrossARotation_untilTheKeyIsRetired() {
        KeyRing first = KeyRing.of("2026a", Map.of("2026a", SealerTest.KEY));
        Person kim = Privacy.person("Kim Yilmaz", Role.VIEWER, false, "1234");
        String pseudonym = privacy(first).userPseudonym(MOODLE, "m-1", kim);
        assertThat(pseudonym).startsWith("st-").doesNotContain("1234");
        assertThat(privacy(first).clientUserId(MOODLE, "m-1", pseudonym)).contains("1234");
        assertThat(privacy(first).clientUserId(MOODLE, "m-2", pseudonym)).as("another meeting").isEmpty();
        assertThat(privacy(first).clientUserId(OTHER, "m-1", pseudonym)).as("another tenant").isEmpty();
        assertThat(privacy(first).clientUserId(MOODLE, "m-1", "1234")).isEmpty();

        KeyRing rotated = KeyRing.of("2026b", Map.of("2026a", SealerTest.KEY, "2026b", SealerTest.NEW_KEY));
        assertThat(privacy(rotated).clientUserId(MOODLE, "m-1", pseudonym)).contains("1234");
        assertThat(privacy(rotated).userPseudonym(MOODLE, "m-1", kim)).as("sealed with the new key").isNotEqualTo(pseudonym);
        assertThat(privacy(KeyRing.of("2026b", Map.of("2026b", SealerTest.NEW_KEY))).clientUserId(MOODLE, "m-1", pseudonym)).isEmpty();
    }

    @Test
    void schoolAndMeetingPseudonyms_areMadeWithTheTenantsCurrentKey() {
        KeyRing first = KeyRing.of("2026a", Map.of("2026a", SealerTest.KEY));
        KeyRing rotated = KeyRing.of("2026b", Map.of("2026a", SealerTest.KEY, "2026b", SealerTest.NEW_KEY));
        assertThat(privacy(first).schoolRef(MOODLE)).isEqualTo(Pseudonyms.of(SealerTest.KEY).schoolId(School.of("moodle")));
        assertThat(privacy(rotated).schoolRef(MOODLE)).isEqualTo(Pseudonyms.of(SealerTest.NEW_KEY).schoolId(School.of("moodle")));
        assertThat(privacy(rotated).meetingRef(MOODLE, "m-1")).isNotEqualTo(privacy(first).meetingRef(MOODLE, "m-1"));
        assertThat(privacy(rotated).schoolRef(OTHER)).as("a tenant without keys: the gateway's ring")
                .isEqualTo(Pseudonyms.fromBase64(KEY).schoolId(School.of("other")));
    }

    @Test
    void sealedText_roundTrips_isBounded_andClearValuesDoNotOpen() {
        Privacy p = privacy(KeyRing.single(SealerTest.KEY));
        String stored = p.sealText(Sealer.Purpose.RECORDING_NAME, MOODLE, "Bruchrechnung 7b");
        assertThat(stored).startsWith("sealed:").doesNotContain("Bruch");
        assertThat(p.openText(Sealer.Purpose.RECORDING_NAME, MOODLE, stored)).contains("Bruchrechnung 7b");
        assertThat(p.openText(Sealer.Purpose.RECORDING_DESCRIPTION, MOODLE, stored)).isEmpty();
        assertThat(p.openText(Sealer.Purpose.RECORDING_NAME, OTHER, stored)).isEmpty();
        assertThat(p.openText(Sealer.Purpose.RECORDING_NAME, MOODLE, "Bruchrechnung 7b")).isEmpty();
        String longName = "ä".repeat(Privacy.MAX_SEALED_TEXT + 50);
        assertThat(p.openText(Sealer.Purpose.RECORDING_NAME, MOODLE, p.sealText(Sealer.Purpose.RECORDING_NAME, MOODLE, longName)))
                .contains("ä".repeat(Privacy.MAX_SEALED_TEXT));
    }
}
