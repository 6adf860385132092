// SPDX-License-Identifier: Apache-2.0
package de.hessen.schulportal.bbb.client;

import static org.assertj.core.api.Assertions.assertThat;

import de.hessen.schulportal.bbb.client.internal.Checksums;
import de.hessen.schulportal.bbb.testsupport.Secrets;
import de.hessen.schulportal.bbb.client.testing.ServerChecksumVerifier;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Known-answer vectors from the BigBlueButton API documentation (REFERENCE.md §2.1). */
class ChecksumVectorsTest {
    private static final String QUERY = "name=Test+Meeting&meetingID=abc123&attendeePW=111222&moderatorPW=333444";

    @ParameterizedTest
    @CsvSource({
        "SHA1, 1fcbb0c4fc1f039f73aa6d697d2db9ba7f803f17",
        "SHA256, da9185f7f333cfdfcd6eeac32dca3777510c4c436020d8b887ba5515bd1d189e",
        "SHA384, 891ac633df39d0a1b4f8d597f3e190833216c4b29c4fb51ea3ca72757eeb958d6e7b49a845cf29f5c6019c7d29d029d1",
        "SHA512, de73ad61d11a5c801b68d4bd6ec5248546085cefb0b25c85f3c46249ea93a3a4b120f92c0a8a58d7512cb77821884951a3b01245f3435dbbef49fff3cc3988b4"
    })
    void checksum_matchesDocumentedVector(ChecksumAlgorithm algorithm, String expected) {
        assertThat(Checksums.checksum(algorithm.jcaName(), "create", QUERY, Secrets.VECTOR_SECRET)).isEqualTo(expected);
        assertThat(expected).hasSize(algorithm.hexLength());
        assertThat(ChecksumAlgorithm.ofHexLength(expected.length())).contains(algorithm);
    }

    @ParameterizedTest
    @CsvSource({"0", "32", "39", "41", "63", "65", "95", "127", "129", "256"})
    void ofHexLength_whenNoAlgorithmHasThatLength_isEmpty(int length) {
        assertThat(ChecksumAlgorithm.ofHexLength(length)).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({"SHA1", "SHA256", "SHA384", "SHA512"})
    void checksum_isAcceptedByServerRule(ChecksumAlgorithm algorithm) {
        String url = "https://bbb.example.org/bigbluebutton/api/create?" + QUERY + "&checksum="
                + Checksums.checksum(algorithm.jcaName(), "create", QUERY, Secrets.VECTOR_SECRET);
        ServerChecksumVerifier.Verified v = ServerChecksumVerifier.verify(url, Secrets.VECTOR_SECRET);
        assertThat(v.algorithm).isEqualTo(algorithm.jcaName());
        assertThat(v.parameters).containsEntry("name", "Test Meeting").containsEntry("meetingID", "abc123");
    }
}
