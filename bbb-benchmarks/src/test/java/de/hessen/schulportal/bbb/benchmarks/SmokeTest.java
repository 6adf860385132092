// SPDX-License-Identifier: Apache-2.0
package de.hessen.schulportal.bbb.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import de.hessen.schulportal.bbb.client.ChecksumAlgorithm;
import de.hessen.schulportal.bbb.client.meeting.MeetingInfo;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Smoke mode for {@code mvn verify}: every benchmark's code path runs a few times so the
 * benchmarks keep compiling and working. Nothing is timed and nothing about speed is asserted;
 * the assertions check that each benchmark does the work it claims to measure.
 */
class SmokeTest {
    @Test
    void joinUrl_sdkAndRawFloor_signTheSameBytes() {
        for (ChecksumAlgorithm alg : new ChecksumAlgorithm[] {ChecksumAlgorithm.SHA1, ChecksumAlgorithm.SHA256}) {
            JoinUrlBenchmark b = new JoinUrlBenchmark();
            b.algorithm = alg;
            b.setUp();
            try {
                for (int i = 0; i < 3; i++) {
                    assertEquals(b.rawFloor(), b.joinUrl(), "the floor must produce the SDK's URL byte for byte");
                    assertEquals(b.joinUrl(), b.buildAndJoinUrl());
                }
            } finally {
                b.tearDown();
            }
        }
    }

    @Test
    void parse_allPaths_readTheFixtures() throws Exception {
        ParseBenchmark b = new ParseBenchmark();
        b.setUp();
        try {
            ParseBenchmark.Bytes counter = new ParseBenchmark.Bytes();
            List<MeetingInfo> mapped = b.sdkMapGetMeetings(counter);
            assertEquals(ResponseFixtures.MEETINGS, mapped.size());
            assertEquals(ResponseFixtures.ATTENDEES, mapped.get(0).attendees().size());
            assertEquals(mapped, b.sdkCallGetMeetings(counter));
            assertEquals(ResponseFixtures.RECORDINGS, b.sdkMapGetRecordings(counter).recordings().size());
            assertEquals(ResponseFixtures.RECORDINGS, b.sdkCallGetRecordings(counter).recordings().size());
            assertTrue(b.staxGetMeetings(counter) != 0);
            assertTrue(b.staxGetRecordings(counter) != 0);
            assertTrue(counter.bytes > 0);
        } finally {
            b.tearDown();
        }
    }

    @Test
    void endToEnd_allPhases_runWithoutErrors() {
        for (EndToEnd.Result r : EndToEnd.run(false, 0.3, 0.3)) {
            assertEquals(0, r.errors(), r.phase());
            assertTrue(r.ops() > 0, r.phase());
        }
    }

    @Test
    void peakReplay_throughTheAdapter_signsEveryLinkAndNoPupilWaits() throws Exception {
        PeakReplay.Result r = PeakReplay.run(false, 40, 25, 4, "adapter");
        assertEquals(40 * 25, r.links());
        assertEquals(0, r.waits());
    }

    @Test
    void peakReplay_directComparison_signsEveryLink() throws Exception {
        PeakReplay.Result r = PeakReplay.run(false, 40, 25, 4, "direct");
        assertEquals(40 * 25, r.links());
        assertEquals(0, r.waits());
    }

    @Test
    void coldStart_probesComplete() {
        assertEquals(4, ColdStart.run(1).size());
    }

    @Test
    void gatewayRefusal_isAChecksumError_inBothRoutings() throws Exception {
        for (String routing : new String[] {"secret", "path"}) {
            GatewayRefusalBenchmark b = new GatewayRefusalBenchmark();
            b.tenants = 3;
            b.routing = routing;
            b.queryBytes = 2000;
            b.setUp();
            try {
                String answer = b.refusal();
                assertTrue(answer.contains("<messageKey>checksumError</messageKey>"), routing + ": " + answer);
            } finally {
                b.tearDown();
            }
        }
    }

    @Test
    void checksumCost_allPathsRefuseTheUnknownChecksum() {
        ChecksumCostBenchmark b = new ChecksumCostBenchmark();
        b.tenants = 3;
        b.queryBytes = 2000;
        b.setUp();
        assertTrue(((de.hessen.schulportal.bbb.gateway.internal.ChecksumCheck.Result) b.gateway()).tenant() == null);
        assertTrue(((de.hessen.schulportal.bbb.gateway.internal.ChecksumCheck.Result) b.gatewayRouted()).tenant() == null);
        assertTrue(!b.beforeFullHashPerTenant());
    }
}
