// SPDX-License-Identifier: Apache-2.0
package de.hessen.schulportal.bbb.testkit;

/** Which server the simulator answers as. */
public enum SimulatorMode {
    /** One BigBlueButton server (bbb-web 3.0). The default. */
    BBB_WEB,
    /**
     * Scalelite in front of several simulated BigBlueButton servers: tenants with their own secrets,
     * {@code join} redirects to a server, no SHA-384, {@code unsupportedRequest} for what Scalelite does
     * not offer, recordings served by Scalelite without paging. See the testkit README for each rule
     * and the Scalelite source it follows.
     */
    SCALELITE
}
