// SPDX-License-Identifier: Apache-2.0
package de.hessen.schulportal.bbb.spring;

import de.hessen.schulportal.bbb.testkit.BbbSimulator;
import de.hessen.schulportal.bbb.testsupport.Secrets;
import java.util.Base64;

/** Simulators and keys the starter's tests share. */
public final class TestServers {
    /** A pseudonym key (32 bytes, Base64), registered with the log guard. */
    public static final String PSEUDONYM_KEY = Secrets.forbid(
            Base64.getEncoder().encodeToString("0123456789abcdefghijklmnopqrstuv".getBytes(java.nio.charset.StandardCharsets.US_ASCII)));
    /** A second server's secret, registered with the log guard. */
    public static final String OTHER_SECRET = Secrets.forbid("f00dfeedc0ffee00112233445566778899aabbcc");

    private TestServers() {
    }

    /**
     * A simulator with {@link Secrets#SECRET}.
     *
     * @return the running simulator
     */
    public static BbbSimulator simulator() {
        return BbbSimulator.builder().secret(Secrets.SECRET).start();
    }

    /**
     * A simulator with {@link #OTHER_SECRET}.
     *
     * @return the running simulator
     */
    public static BbbSimulator otherSimulator() {
        return BbbSimulator.builder().secret(OTHER_SECRET).start();
    }
}
