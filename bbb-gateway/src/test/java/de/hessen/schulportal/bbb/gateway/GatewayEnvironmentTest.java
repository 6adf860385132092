// SPDX-License-Identifier: Apache-2.0
package de.hessen.schulportal.bbb.gateway;

import de.hessen.schulportal.bbb.gateway.config.GatewayConfig;
import de.hessen.schulportal.bbb.gateway.config.Tenant;
import de.hessen.schulportal.bbb.gateway.config.TenantRouting;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.hessen.schulportal.bbb.client.ChecksumAlgorithm;
import de.hessen.schulportal.bbb.client.meeting.Feature;
import de.hessen.schulportal.bbb.portal.DisplayNamePolicy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Configuration from the environment: clear errors naming the variable, never its value. */
class GatewayEnvironmentTest {
    static final String KEY = MoodleThroughGatewayTest.KEY;

    static Map<String, String> minimal() {
        Map<String, String> env = new HashMap<>();
        env.put("GATEWAY_PSEUDONYM_KEY", KEY);
        env.put("GATEWAY_PUBLIC_URL", "https://gw.example.org/");
        env.put("GATEWAY_SECRET", "moodle-secret-0123456789abcdef");
        env.put("BBB_URL", "https://bbb.example.org/bigbluebutton/");
        env.put("BBB_SECRET", "bbb-secret-0123456789abcdef");
        return env;
    }

    @Test
    void minimalEnvironment_givesOneTenantAndSafeDefaults() {
        GatewayConfig c = GatewayEnvironment.config(minimal());
        assertThat(c.tenants()).singleElement().satisfies(t -> {
            assertThat(t.id()).isEqualTo("moodle");
            assertThat(t.backendAlgorithm()).isEqualTo(ChecksumAlgorithm.SHA256);
        });
        assertThat(c.port()).isEqualTo(8090);
        assertThat(c.viewerNames()).isEqualTo(DisplayNamePolicy.Format.FIRST_NAME_INITIAL);
        assertThat(c.createSettings().isWebcamsOnlyForModerator()).isTrue();
        assertThat(c.createSettings().disabledFeatures()).contains(Feature.LEARNING_DASHBOARD);
        Map<String, String> open = minimal();
        open.put("GATEWAY_LEARNING_DASHBOARD", "true");
        open.put("GATEWAY_WEBCAMS_ONLY_FOR_MODERATOR", "false");
        assertThat(GatewayEnvironment.config(open).createSettings().disabledFeatures()).doesNotContain(Feature.LEARNING_DASHBOARD);
        assertThat(GatewayEnvironment.config(open).createSettings().isWebcamsOnlyForModerator()).isFalse();
        assertThat(c.isForwardMeetingName()).isFalse();
        assertThat(c.toString()).doesNotContain("moodle-secret", "bbb-secret", KEY);
    }

    @Test
    void missingOrInvalidVariables_areNamed_withoutTheirValues() {
        for (String name : new String[] {"GATEWAY_PSEUDONYM_KEY", "GATEWAY_PUBLIC_URL", "BBB_URL", "BBB_SECRET"}) {
            Map<String, String> env = minimal();
            env.remove(name);
            assertThatThrownBy(() -> GatewayEnvironment.config(env)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining(name);
        }
        Map<String, String> noSecret = minimal();
        noSecret.remove("GATEWAY_SECRET");
        assertThatThrownBy(() -> GatewayEnvironment.config(noSecret)).hasMessageContaining("GATEWAY_SECRET");
        Map<String, String> shortKey = minimal();
        shortKey.put("GATEWAY_PSEUDONYM_KEY", "c2hvcnQta2V5");
        assertThatThrownBy(() -> GatewayEnvironment.config(shortKey)).hasMessageContaining("GATEWAY_PSEUDONYM_KEY")
                .hasMessageNotContaining("c2hvcnQta2V5");
        Map<String, String> weakSecret = minimal();
        weakSecret.put("GATEWAY_SECRET", "short");
        assertThatThrownBy(() -> GatewayEnvironment.config(weakSecret)).hasMessageContaining("GATEWAY_SECRET")
                .hasMessageNotContaining("short\"").hasMessageContaining("clientSecret");
        Map<String, String> port = minimal();
        port.put("GATEWAY_PORT", "eighty");
        assertThatThrownBy(() -> GatewayEnvironment.config(port)).hasMessage("GATEWAY_PORT must be a whole number");
        Map<String, String> flag = minimal();
        flag.put("GATEWAY_LEARNING_DASHBOARD", "yes");
        assertThatThrownBy(() -> GatewayEnvironment.config(flag)).hasMessage("GATEWAY_LEARNING_DASHBOARD must be true or false");
    }

    @Test
    void keyRing_fromThePseudonymKey_itsId_andPreviousKeys_errorsNamingTheVariableNotTheKey() {
        GatewayConfig plain = GatewayEnvironment.config(minimal());
        assertThat(plain.keyRing().currentId()).as("tokens sealed before key IDs were configurable carry 1").isEqualTo("1");
        assertThat(plain.keyRing("moodle")).isEqualTo(plain.keyRing());
        String old = "_-7dzLuqmYh3ZlVEMyIRAP_u3cy7qpmId2ZVRDMiEQA";
        Map<String, String> rotated = minimal();
        rotated.put("GATEWAY_PSEUDONYM_KEY_ID", "2026b");
        rotated.put("GATEWAY_PREVIOUS_PSEUDONYM_KEYS", "1:" + old + ", 2025:" + KEY);
        GatewayConfig c = GatewayEnvironment.config(rotated);
        assertThat(c.keyRing().currentId()).isEqualTo("2026b");
        assertThat(c.keyRing().ids()).containsExactly("2026b", "1", "2025");
        assertThat(c.keyRing().key("1")).hasValueSatisfying(k -> assertThat(k).isEqualTo(java.util.Base64.getUrlDecoder().decode(old)));
        assertThat(c.toString()).doesNotContain(KEY, old);
        for (String[] bad : new String[][] {{"GATEWAY_PREVIOUS_PSEUDONYM_KEYS", old, "entry 1 must be KEY_ID:BASE64_KEY"},
                {"GATEWAY_PREVIOUS_PSEUDONYM_KEYS", "a:" + old + ",a:" + old, "entry 2: its key ID is already used"},
                {"GATEWAY_PREVIOUS_PSEUDONYM_KEYS", "1:" + old, "entry 1: its key ID is already used"},
                {"GATEWAY_PREVIOUS_PSEUDONYM_KEYS", "old:c2hvcnQta2V5", "key old: pseudonym key must be at least 32 bytes"},
                {"GATEWAY_PREVIOUS_PSEUDONYM_KEYS", "old:" + old.replace('_', '*'), "entry 1 must be Base64"},
                {"GATEWAY_PSEUDONYM_KEY_ID", "2026 b", "GATEWAY_PSEUDONYM_KEY_ID (key number 1) or GATEWAY_PREVIOUS_PSEUDONYM_KEYS (entry n is key number n + 1): the ID of key number 1 must match [A-Za-z0-9_-]{1,16}"}}) {
            Map<String, String> env = minimal();
            env.put(bad[0], bad[1]);
            assertThatThrownBy(() -> GatewayEnvironment.config(env)).as(bad[2]).hasMessageContaining(bad[2])
                    .satisfies(e -> assertThat(e.getMessage()).doesNotContain(old.substring(0, 12), KEY.substring(0, 12), "c2hvcnQta2V5"));
        }
    }

    @Test
    void tenantsFile_addsTenants(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("tenants.json");
        Files.writeString(file, "[{\"id\":\"schule1\",\"secret\":\"schule1-secret-0123456789\",\"bbbUrl\":\"https://a.example.org/bigbluebutton/\","
                + "\"bbbSecret\":\"a-secret-0123456789abcdef\",\"bbbChecksumAlgorithm\":\"SHA512\"},"
                + "{\"id\":\"schule2\",\"secret\":\"schule2-secret-0123456789\",\"bbbUrl\":\"https://b.example.org/bigbluebutton/\","
                + "\"bbbSecret\":\"b-secret-0123456789abcdef\"}]");
        Map<String, String> env = minimal();
        env.put("GATEWAY_TENANTS_FILE", file.toString());
        GatewayConfig c = GatewayEnvironment.config(env);
        assertThat(c.tenants()).extracting(Tenant::id).containsExactly("moodle", "schule1", "schule2");
        assertThat(c.tenants().get(1).backendAlgorithm()).isEqualTo(ChecksumAlgorithm.SHA512);
        Files.writeString(file, "[{\"id\":\"dup\",\"secret\":\"moodle-secret-0123456789abcdef\",\"bbbUrl\":\"https://a.example.org/\","
                + "\"bbbSecret\":\"a-secret-0123456789abcdef\"}]");
        assertThatThrownBy(() -> GatewayEnvironment.config(env)).hasMessageContaining("client secrets must be unique")
                .hasMessageNotContaining("moodle-secret");
    }

    /** Issue 19 §3: a public URL with credentials would be copied into metadata, logout URLs and toString(). */
    @Test
    void publicUrlWithUserInfo_isRefused_withoutRepeatingIt() {
        for (String url : new String[] {"https://admin:s3cr3t-pw@gw.example.org/", "https://admin@gw.example.org/",
            "https://admin:s3cr3t-pw@gw.example.org:8443/bbb/"}) {
            Map<String, String> env = minimal();
            env.put("GATEWAY_PUBLIC_URL", url);
            assertThatThrownBy(() -> GatewayEnvironment.config(env)).as(url).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("GATEWAY_PUBLIC_URL").hasMessageContaining("user:password@")
                    .hasMessageNotContaining("s3cr3t-pw").hasMessageNotContaining("admin");
        }
    }

    @Test
    void managementConnector_limits_andTenantRouting_fromTheEnvironment() {
        GatewayConfig defaults = GatewayEnvironment.config(minimal());
        assertThat(defaults.managementHost()).isEqualTo("127.0.0.1");
        assertThat(defaults.managementPort()).isEqualTo(8091);
        assertThat(defaults.tenantRouting()).isEqualTo(TenantRouting.bySecret());
        Map<String, String> env = minimal();
        env.put("GATEWAY_MANAGEMENT_HOST", "10.0.0.5");
        env.put("GATEWAY_MANAGEMENT_PORT", "9100");
        env.put("GATEWAY_MAX_CONNECTIONS_PER_ADDRESS", "2000");
        env.put("GATEWAY_MAX_BODY_BYTES_IN_FLIGHT", "67108864");
        env.put("GATEWAY_HEADER_TIMEOUT_SECONDS", "20");
        env.put("GATEWAY_BODY_TIMEOUT_SECONDS", "60");
        env.put("GATEWAY_TENANT_ROUTING", "host");
        env.put("GATEWAY_TENANT_HOST_SUFFIX", ".gw.example.org");
        GatewayConfig c = GatewayEnvironment.config(env);
        assertThat(c.managementHost()).isEqualTo("10.0.0.5");
        assertThat(c.managementPort()).isEqualTo(9100);
        assertThat(c.limits().maxConnectionsPerAddress()).isEqualTo(2000);
        assertThat(c.limits().maxBodyBytesInFlight()).isEqualTo(64 << 20);
        assertThat(c.limits().headerTimeout()).hasSeconds(20);
        assertThat(c.limits().bodyTimeout()).hasSeconds(60);
        assertThat(c.tenantRouting()).isEqualTo(TenantRouting.byHost(".gw.example.org"));
        env.put("GATEWAY_TENANT_ROUTING", "path");
        env.remove("GATEWAY_TENANT_HOST_SUFFIX");
        assertThat(GatewayEnvironment.config(env).tenantRouting()).isEqualTo(TenantRouting.byPath());
        env.put("GATEWAY_TENANT_ROUTING", "host");
        assertThatThrownBy(() -> GatewayEnvironment.config(env)).hasMessageContaining("GATEWAY_TENANT_HOST_SUFFIX");
        env.put("GATEWAY_TENANT_ROUTING", "dns");
        assertThatThrownBy(() -> GatewayEnvironment.config(env)).hasMessage("GATEWAY_TENANT_ROUTING must be secret, path or host");
    }
}
