// SPDX-License-Identifier: Apache-2.0
package de.hessen.schulportal.bbb.e2e;

/** The real Moodle through the gateway, Moodle configured for SHA-256. */
class MoodleThroughGatewaySha256Test extends MoodleThroughGatewaySuite {
    @Override
    RealMoodleRun.Algorithm algorithm() {
        return RealMoodleRun.Algorithm.SHA256;
    }
}
