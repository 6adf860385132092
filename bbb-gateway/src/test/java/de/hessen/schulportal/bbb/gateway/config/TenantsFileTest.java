// SPDX-License-Identifier: Apache-2.0
package de.hessen.schulportal.bbb.gateway.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.hessen.schulportal.bbb.client.ChecksumAlgorithm;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The tenants file: arrays for algorithms, every error names the file and the JSON key, never a value. */
class TenantsFileTest {
    private static final String SECRET = "schule1-secret-0123456789";
    private static final String OLD = "schule1-old-secret-0123456789";
    private static final String BBB = "bbb-secret-0123456789abcdef";
    /** Two keys, in the standard and the URL alphabet (the second unpadded), as an operator may paste them. */
    private static final String KEY_A = "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=";
    private static final String KEY_B = "_-7dzLuqmYh3ZlVEMyIRAP_u3cy7qpmId2ZVRDMiEQA";

    @TempDir
    Path dir;

    private Path file(String json) throws Exception {
        Path f = dir.resolve("tenants.json");
        Files.writeString(f, json);
        return f;
    }

    private static String tenant(String extra) {
        return "{\"id\":\"schule1\",\"secret\":\"" + SECRET + "\",\"bbbUrl\":\"https://bbb.example.org/bigbluebutton/\","
                + "\"bbbSecret\":\"" + BBB + "\"" + extra + "}";
    }

    @Test
    void read_acceptsAlgorithmsAsAJsonArrayOrACommaString_andAPreviousSecret() throws Exception {
        List<Tenant> array = TenantsFile.read(file("[" + tenant(",\"checksumAlgorithms\":[\"SHA1\",\"SHA256\"],"
                + "\"previousSecret\":\"" + OLD + "\",\"bbbChecksumAlgorithm\":\"sha-512\"") + "]"));
        assertThat(array).singleElement().satisfies(t -> {
            assertThat(t.clientAlgorithms()).containsExactlyInAnyOrder(ChecksumAlgorithm.SHA1, ChecksumAlgorithm.SHA256);
            assertThat(t.clientSecrets()).containsExactly(SECRET, OLD);
            assertThat(t.backendAlgorithm()).isEqualTo(ChecksumAlgorithm.SHA512);
        });
        assertThat(TenantsFile.read(file("[" + tenant(",\"checksumAlgorithms\":\"SHA256,SHA512\"") + "]")).get(0).clientAlgorithms())
                .containsExactlyInAnyOrder(ChecksumAlgorithm.SHA256, ChecksumAlgorithm.SHA512);
        assertThat(TenantsFile.read(file("[" + tenant("") + "]")).get(0).clientAlgorithms())
                .containsExactlyInAnyOrder(ChecksumAlgorithm.values());
    }

    @Test
    void read_keys_giveTheTenantItsOwnRing_currentAndOlder() throws Exception {
        Tenant t = TenantsFile.read(file("[" + tenant(",\"keys\":{\"2026a\":\"" + KEY_A + "\",\"current\":\"2026b\","
                + "\"2026b\":\"" + KEY_B + "\"}") + "]")).get(0);
        KeyRing ring = t.keyRing().orElseThrow();
        assertThat(ring.currentId()).isEqualTo("2026b");
        assertThat(ring.ids()).containsExactly("2026a", "2026b");
        assertThat(ring.key("2026a")).hasValueSatisfying(k -> assertThat(k).isEqualTo(java.util.Base64.getDecoder().decode(KEY_A)));
        assertThat(ring.key("2026b")).hasValueSatisfying(k -> assertThat(k).isEqualTo(java.util.Base64.getUrlDecoder().decode(KEY_B)));
        assertThat(t.toString()).contains("2026a", "2026b").doesNotContain(KEY_A, KEY_B.substring(0, 20));
        assertThat(TenantsFile.read(file("[" + tenant("") + "]")).get(0).keyRing()).as("no keys: the gateway's ring").isEmpty();
    }

    @Test
    void toString_masksUserInformationOfTheBackendUrl() {
        Tenant t = Tenant.builder("schule1", SECRET, "https://gw:pa55-w0rd@bbb.example.org/bigbluebutton/", BBB).build();
        assertThat(t.toString()).contains("https://***@bbb.example.org/bigbluebutton/").doesNotContain("pa55-w0rd", "gw:");
        assertThat(t.backendUrl()).isEqualTo("https://gw:pa55-w0rd@bbb.example.org/bigbluebutton/");
    }

    @Test
    void keysErrors_nameTheFileTheTenantAndTheKey_neverAKey() throws Exception {
        String k = "\"keys\":";
        expect("[" + tenant("," + k + "\"" + KEY_A + "\"") + "]", "tenant 1 (\"schule1\")", "key \"keys\" must be an object like");
        expect("[" + tenant("," + k + "{\"2026a\":\"" + KEY_A + "\"}") + "]", "key \"keys\" must name its current key ID");
        expect("[" + tenant("," + k + "{\"current\":\"2026a\"}") + "]", "key \"keys\" must hold at least one key");
        expect("[" + tenant("," + k + "{\"current\":\"2026c\",\"2026a\":\"" + KEY_A + "\"}") + "]",
                "key \"keys\": the current key ID '2026c' must name one of the keys [2026a]");
        // A key pasted where its ID belongs: the message must not repeat it.
        expect("[" + tenant("," + k + "{\"current\":\"a\",\"a\":\"" + KEY_B + "\",\"" + KEY_A + "\":\"" + KEY_B + "\"}") + "]",
                "key \"keys\": the ID of key number 2 must match [A-Za-z0-9_-]{1,16}");
        expect("[" + tenant("," + k + "{\"current\":\"a\",\"a\":42}") + "]", "key \"keys\": key number 1 must be a JSON string (the Base64 key)");
        expect("[" + tenant("," + k + "{\"current\":\"a\",\"a\":\"" + KEY_A.replace('A', '*') + "\"}") + "]",
                "key \"keys\": key number 1 must be Base64");
        expect("[" + tenant("," + k + "{\"current\":\"a\",\"a\":\"c2hvcnQta2V5\"}") + "]",
                "key \"keys\": key a: pseudonym key must be at least 32 bytes, was 9");
        expect("[" + tenant("," + k + "{\"current\":\"a\",\"a\":\"" + "A".repeat(43) + "\"}") + "]",
                "key \"keys\": key a: pseudonym key must be random, not one repeated byte value");
        expect("[" + tenant("," + k + "{\"current\":\"a\",\"a\":\"" + KEY_A + "\",\"a\":\"" + KEY_B + "\"}") + "]",
                "is not valid JSON", "a key is repeated");
    }

    @Test
    void errors_nameTheFileTheTenantAndTheKey_neverAValue() throws Exception {
        String name = dir.resolve("tenants.json").toString();
        expect("[" + tenant(",\"checksumAlgorithms\":[\"SHA1\",\"MD5\"]") + "]", "tenant 1 (\"schule1\")",
                "key \"checksumAlgorithms\" must name SHA1, SHA256, SHA384 or SHA512");
        expect("[" + tenant(",\"checksumAlgorithms\":[\"SHA1\",256]") + "]", "key \"checksumAlgorithms\" must hold strings");
        expect("[" + tenant(",\"checksumAlgorithms\":{}") + "]", "key \"checksumAlgorithms\" must be an array");
        expect("[" + tenant(",\"checksumAlgorithms\":[]") + "]", "key \"checksumAlgorithms\" must name at least one");
        expect("[" + tenant(",\"previousSecrt\":\"" + OLD + "\"") + "]", "unknown key \"previousSecrt\"", "known keys: id, secret");
        // A secret or key pasted where a key name belongs (40 characters at most were echoed before): never repeated.
        String pasted = "s3cret/pasted+as=a-name";
        assertThatThrownBy(() -> TenantsFile.read(file("[" + tenant(",\"" + pasted + "\":\"x\"") + "]")))
                .hasMessageContaining("an unknown key (not shown: it is not a key name)").hasMessageNotContaining(pasted)
                .hasMessageNotContaining("s3cret");
        assertThatThrownBy(() -> TenantsFile.read(file("[" + tenant(",\"" + KEY_A.substring(0, 40) + "\":\"x\"") + "]")))
                .hasMessageNotContaining(KEY_A.substring(0, 12));
        expect("[" + tenant(",\"previousSecret\":\"" + SECRET + "\"") + "]", "key \"previousSecret\" must differ from \"secret\"");
        expect("[" + tenant(",\"previousSecret\":\"short old\"") + "]", "key \"previousSecret\" must be at least 16 characters");
        expect("[" + tenant("").replace(SECRET, "too-short") + "]", "key \"secret\" must be at least 16 characters without whitespace");
        expect("[" + tenant("").replace(BBB, "bbb short secret 0123456789") + "]", "key \"bbbSecret\" must be at least 16");
        expect("[" + tenant("").replace("\"schule1\"", "\"Schule 1\"") + "]", "tenant 1 (\"?\")", "key \"id\" must match [a-z0-9]{1,32}");
        expect("[" + tenant("").replace("https://bbb.example.org", "bbb.example.org") + "]", "key \"bbbUrl\" must be an absolute http(s) URL");
        expect("[" + tenant("").replace(",\"bbbSecret\":\"" + BBB + "\"", "") + "]", "key \"bbbSecret\" is missing");
        expect("[" + tenant("").replace("\"" + SECRET + "\"", "42") + "]", "key \"secret\" must be a JSON string");
        expect("[" + tenant("") + "," + tenant("").replace(SECRET, "other-secret-0123456789") + "]", "tenant 2 (\"schule1\")",
                "key \"id\" must be unique");
        expect("[" + tenant("") + "," + tenant("").replace("\"schule1\"", "\"schule2\"") + "]", "tenant 2 (\"schule2\")",
                "key \"secret\" must differ from every other tenant's secrets");
        expect("[" + tenant("") + "," + tenant(",\"previousSecret\":\"" + SECRET + "\"").replace("\"schule1\"", "\"schule2\"")
                .replace("\"secret\":\"" + SECRET, "\"secret\":\"schule2-secret-0123456789") + "]",
                "key \"previousSecret\" must differ from every other tenant's secrets");
        expect("{\"id\":\"schule1\"}", "must hold a JSON array with at least one tenant object");
        expect("[]", "must hold a JSON array with at least one tenant object");
        expect("[\"schule1\"]", "tenant 1 must be a JSON object");
        expect("[{\"id\":\"schule1\",\"secret\":\"" + SECRET + "\",\"secret\":\"" + OLD + "\"}]", "is not valid JSON", "a key is repeated");
        expect("[{\"id\":\"schule1\",\"secret\":" + SECRET + "}]", "is not valid JSON (line 1, column");
        assertThatThrownBy(() -> TenantsFile.read(dir.resolve("missing.json"))).hasMessageContaining("does not exist")
                .hasMessageContaining(dir.resolve("missing.json").toString());
        assertThat(name).isNotEmpty();
    }

    private void expect(String json, String... parts) throws Exception {
        Path f = file(json);
        assertThatThrownBy(() -> TenantsFile.read(f)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("tenants file " + f)
                .hasMessageContainingAll(parts)
                .satisfies(e -> assertThat(e.getMessage()).as("no secret in: %s", e.getMessage())
                        .doesNotContain(SECRET, OLD, BBB, "0123456789", "too-short", "short old", KEY_A, KEY_B, "c2hvcnQta2V5",
                                KEY_A.substring(0, 16), KEY_B.substring(0, 16)));
    }
}
