// SPDX-License-Identifier: Apache-2.0
package de.hessen.schulportal.bbb.testkit.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ChecksumJudgeTest {
    private static final String SECRET = "639259d4-9dd8-4b25-bf01-95f9567eaf4b";
    private static final String Q = "name=Test+Meeting&meetingID=abc123&attendeePW=111222&moderatorPW=333444";
    private final ChecksumJudge all = new ChecksumJudge(List.of(SECRET), Set.of("sha1", "sha256", "sha384", "sha512"));

    private ChecksumJudge.Verdict judge(ChecksumJudge judge, String checksum) {
        String raw = Q + "&checksum=" + checksum;
        return judge.judge("create", raw, Params.parse(raw));
    }

    @Test
    void judge_referenceVectors_acceptedForAllFourAlgorithms() {
        assertThat(judge(all, "1fcbb0c4fc1f039f73aa6d697d2db9ba7f803f17")).isEqualTo(ChecksumJudge.Verdict.OK);
        assertThat(judge(all, "da9185f7f333cfdfcd6eeac32dca3777510c4c436020d8b887ba5515bd1d189e"))
                .isEqualTo(ChecksumJudge.Verdict.OK);
        assertThat(judge(all, "891ac633df39d0a1b4f8d597f3e190833216c4b29c4fb51ea3ca72757eeb958d6e7b49a845cf29f5c6019c7d29d029d1"))
                .isEqualTo(ChecksumJudge.Verdict.OK);
        assertThat(judge(all, "de73ad61d11a5c801b68d4bd6ec5248546085cefb0b25c85f3c46249ea93a3a4b120f92c0a8a58d7512cb77821884951a3b01245f3435dbbef49fff3cc3988b4"))
                .isEqualTo(ChecksumJudge.Verdict.OK);
    }

    @Test
    void judge_upperCaseHex_acceptedLikeEqualsIgnoreCase() {
        assertThat(judge(all, "1FCBB0C4FC1F039F73AA6D697D2DB9BA7F803F17")).isEqualTo(ChecksumJudge.Verdict.OK);
    }

    @Test
    void judge_algorithmNotSupported_mismatch() {
        ChecksumJudge only512 = new ChecksumJudge(List.of(SECRET), Set.of("sha512"));
        assertThat(judge(only512, "1fcbb0c4fc1f039f73aa6d697d2db9ba7f803f17")).isEqualTo(ChecksumJudge.Verdict.MISMATCH);
    }

    @Test
    void judge_checksumFirstOrMiddle_cutOutByStringReplacement() {
        String checksum = "1fcbb0c4fc1f039f73aa6d697d2db9ba7f803f17";
        String first = "checksum=" + checksum + "&" + Q;
        assertThat(all.judge("create", first, Params.parse(first))).isEqualTo(ChecksumJudge.Verdict.OK);
    }

    @Test
    void judge_missingOrOddLength_verdicts() {
        assertThat(all.judge("create", Q, Params.parse(Q))).isEqualTo(ChecksumJudge.Verdict.MISSING);
        assertThat(judge(all, "abc")).isEqualTo(ChecksumJudge.Verdict.MISMATCH);
    }
}
