// SPDX-License-Identifier: Apache-2.0
package de.hessen.schulportal.bbb.gateway.internal;

import static org.assertj.core.api.Assertions.assertThat;

import de.hessen.schulportal.bbb.client.ChecksumAlgorithm;
import de.hessen.schulportal.bbb.gateway.config.Tenant;
import de.hessen.schulportal.bbb.testsupport.Secrets;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The gateway's checksum check against REFERENCE §2's vectors and bbb-web's string rules. */
class ChecksumCheckTest {
    static final String Q = "name=Test+Meeting&meetingID=abc123&attendeePW=111222&moderatorPW=333444";
    static final String BACKEND = "http://127.0.0.1:1/bigbluebutton/";

    static Tenant tenant(String id, String secret, ChecksumAlgorithm... algorithms) {
        Tenant.Builder b = Tenant.builder(id, secret, BACKEND, "backend-secret-0123456789");
        if (algorithms.length > 0) {
            b.clientAlgorithms(algorithms);
        }
        return b.build();
    }

    static ChecksumCheck.Result verify(ChecksumCheck check, String call, String raw) {
        return check.verify(call, raw, Query.parse(raw));
    }

    @ParameterizedTest
    @CsvSource({
        "1fcbb0c4fc1f039f73aa6d697d2db9ba7f803f17",
        "da9185f7f333cfdfcd6eeac32dca3777510c4c436020d8b887ba5515bd1d189e",
        "891ac633df39d0a1b4f8d597f3e190833216c4b29c4fb51ea3ca72757eeb958d6e7b49a845cf29f5c6019c7d29d029d1",
        "de73ad61d11a5c801b68d4bd6ec5248546085cefb0b25c85f3c46249ea93a3a4b120f92c0a8a58d7512cb77821884951a3b01245f3435dbbef49fff3cc3988b4"
    })
    void referenceVectors_verify_inAnyCaseAndPosition(String checksum) {
        Tenant t = tenant("t1", Secrets.VECTOR_SECRET);
        ChecksumCheck check = new ChecksumCheck(List.of(tenant("t0", "some-other-secret-0123456789"), t));
        assertThat(verify(check, "create", Q + "&checksum=" + checksum).tenant()).isEqualTo(t);
        assertThat(verify(check, "create", "checksum=" + checksum.toUpperCase(Locale.ROOT) + "&" + Q).tenant()).isEqualTo(t);
        assertThat(verify(check, "join", Q + "&checksum=" + checksum).tenant()).as("call name is hashed").isNull();
        assertThat(verify(check, "create", Q.replace("Test+", "Test%20") + "&checksum=" + checksum).tenant())
                .as("raw bytes are hashed, not decoded values").isNull();
    }

    @Test
    void algorithmNotAllowedForTenant_fails() {
        Tenant t = tenant("t1", Secrets.VECTOR_SECRET, ChecksumAlgorithm.SHA256);
        ChecksumCheck check = new ChecksumCheck(List.of(t));
        assertThat(verify(check, "create", Q + "&checksum=1fcbb0c4fc1f039f73aa6d697d2db9ba7f803f17").tenant()).isNull();
        assertThat(verify(check, "create", Q + "&checksum=da9185f7f333cfdfcd6eeac32dca3777510c4c436020d8b887ba5515bd1d189e")
                .tenant()).isEqualTo(t);
    }

    @Test
    void missingOrOddChecksum_failsWithBbbWebMessages() {
        ChecksumCheck check = new ChecksumCheck(List.of(tenant("t1", Secrets.VECTOR_SECRET)));
        assertThat(verify(check, "create", Q).message()).isEqualTo("You must provide the checksum");
        assertThat(verify(check, "create", Q + "&checksum=").message()).isEqualTo("You must provide the checksum");
        assertThat(verify(check, "create", Q + "&checksum=abc").message()).isEqualTo("Checksums do not match");
        assertThat(verify(check, "create", null).message()).isEqualTo("You must provide the checksum");
    }

    @Test
    void stripChecksum_followsBbbWebsThreeReplacements() {
        assertThat(ChecksumCheck.stripChecksum("a=1&checksum=x&b=2", "x")).isEqualTo("a=1&b=2");
        assertThat(ChecksumCheck.stripChecksum("checksum=x&a=1", "x")).isEqualTo("a=1");
        assertThat(ChecksumCheck.stripChecksum("checksum=x", "x")).isEmpty();
        // Every occurrence goes, as in bbb-web (String.replace).
        assertThat(ChecksumCheck.stripChecksum("a=1&checksum=x&checksum=x", "x")).isEqualTo("a=1");
    }

    /** A signed join query and its SHA-256 checksum, as Moodle sends it. */
    static final String JOIN = "meetingID=m-1&fullName=Kim+Y.&role=VIEWER&guest=true&userID=u123&createTime=1700000000000";

    static String sha256(String s) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(s.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Issue 19 §1: bbb-web removes every occurrence of {@code checksum=<X>}, so the checksum text
     * spliced into another parameter still verifies there while the parsed parameters change.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "hidden guest flag   | &guest=true        | &gchecksum=@uest=true",
        "removed createTime  | &createTime=       | &creachecksum=@teTime=",
        "truncated userID    | userID=u123        | userID=u12&checksum=@3",
        "truncated meetingID | meetingID=m-1      | meetingID=m&checksum=@-1"
    })
    void checksumSplicedIntoAnotherParameter_isRefused(String attack, String original, String spliced) {
        String secret = Secrets.VECTOR_SECRET;
        String x = sha256("join" + JOIN + secret);
        ChecksumCheck check = new ChecksumCheck(List.of(tenant("t1", secret)));
        assertThat(verify(check, "join", JOIN + "&checksum=" + x).tenant()).as("the honest query").isNotNull();
        String bent = "checksum=" + x + "&" + JOIN.replace(original.strip(), spliced.strip().replace("@", x));
        // Passes bbb-web's rule (every occurrence removed): the attack is real.
        assertThat(ChecksumCheck.stripChecksum(bent, x)).isEqualTo(JOIN);
        assertThat(verify(check, "join", bent).tenant()).as(attack).isNull();
        assertThat(verify(check, "join", bent).message()).isEqualTo("Checksums do not match");
    }

    @Test
    void secondChecksumParameter_isRefused_evenWithTheSameValue() {
        String secret = Secrets.VECTOR_SECRET;
        String x = sha256("join" + JOIN + secret);
        ChecksumCheck check = new ChecksumCheck(List.of(tenant("t1", secret)));
        assertThat(verify(check, "join", JOIN + "&checksum=" + x + "&checksum=" + x).tenant()).isNull();
        assertThat(verify(check, "join", "checksum=" + x + "&" + JOIN + "&checksum=" + x).tenant()).isNull();
        // A percent-encoded name is a checksum parameter once decoded.
        assertThat(verify(check, "join", JOIN + "&checksum=" + x + "&%63hecksum=0").tenant()).isNull();
        assertThat(verify(check, "join", JOIN + "&checksum=" + x.toUpperCase(Locale.ROOT) + "&x=" + x).tenant()).isNull();
    }

    @Test
    void controlCharacters_areRemovedBeforeHashing_asBbbWebDoes() {
        String secret = Secrets.VECTOR_SECRET;
        String x = sha256("join" + JOIN + secret);
        ChecksumCheck check = new ChecksumCheck(List.of(tenant("t1", secret)));
        String withControls = JOIN.replace("role=", "ro\u0007le=").replace("&guest", "\u0085&guest") + "&checksum=" + x + "\t";
        assertThat(check.verify("join", withControls, Query.parse(JOIN + "&checksum=" + x)).tenant()).isNotNull();
    }
}
