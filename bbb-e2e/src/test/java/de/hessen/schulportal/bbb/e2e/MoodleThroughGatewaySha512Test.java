// SPDX-License-Identifier: Apache-2.0
package de.hessen.schulportal.bbb.e2e;

/** The real Moodle through the gateway, Moodle configured for SHA-512. */
class MoodleThroughGatewaySha512Test extends MoodleThroughGatewaySuite {
    @Override
    RealMoodleRun.Algorithm algorithm() {
        return RealMoodleRun.Algorithm.SHA512;
    }
}
