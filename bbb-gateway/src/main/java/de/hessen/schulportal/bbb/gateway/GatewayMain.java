// SPDX-License-Identifier: Apache-2.0
package de.hessen.schulportal.bbb.gateway;

import de.hessen.schulportal.bbb.testkit.BbbSimulator;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;

/**
 * {@code java -jar bbb-gateway.jar}: starts the gateway from the environment (see
 * {@link GatewayEnvironment}). Without {@code BBB_URL} (and without a tenants file) it starts the
 * testkit's BigBlueButton simulator as the backend and says so: the demo default; then
 * {@code GATEWAY_PUBLIC_URL} and {@code GATEWAY_PSEUDONYM_KEY} may be left out too.
 */
public final class GatewayMain {
    private GatewayMain() {
    }

    /**
     * Runs the gateway until the process is stopped; with the arguments {@code retention --dry-run|--apply
     * [TENANT_ID...]} instead runs recording retention for the tenants once ({@link GatewayRetention}), with
     * {@code record [--lang de|en] [--html]} prints its part of the record of processing ({@link GatewayRecord}).
     *
     * @param args none, or the retention or record command
     * @throws InterruptedException if interrupted while running
     */
    public static void main(String[] args) throws InterruptedException {
        if (args.length > 0 && args[0].equals("record")) {
            System.exit(GatewayRecord.run(java.util.Arrays.copyOfRange(args, 1, args.length), System.getenv(), System.out,
                    System.err));
            return;
        }
        if (args.length > 0 && args[0].equals("retention")) {
            System.exit(GatewayRetention.run(java.util.Arrays.copyOfRange(args, 1, args.length), System.getenv(), System.out,
                    System.err, java.time.Clock.systemUTC()));
            return;
        }
        Map<String, String> env = new HashMap<>(System.getenv());
        BbbSimulator simulator = null;
        if (env.get("BBB_URL") == null && env.get("GATEWAY_TENANTS_FILE") == null) {
            simulator = BbbSimulator.builder().systemClock().start();
            env.put("BBB_URL", simulator.baseUrl());
            env.put("BBB_SECRET", simulator.secret());
            if (env.get("GATEWAY_PSEUDONYM_KEY") == null) {
                byte[] key = new byte[32];
                new SecureRandom().nextBytes(key);
                env.put("GATEWAY_PSEUDONYM_KEY", Base64.getEncoder().encodeToString(key));
                System.out.println("Demo mode: GATEWAY_PSEUDONYM_KEY not set, using a random key (pseudonyms change on restart).");
            }
            System.out.println("Demo mode: BBB_URL is not set, so the backend is the testkit's BigBlueButton simulator at "
                    + simulator.baseUrl() + " (not a real BigBlueButton)");
        }
        Gateway gateway;
        try {
            gateway = Gateway.start(GatewayEnvironment.config(env, simulator != null));
        } catch (IllegalArgumentException | IllegalStateException e) {
            System.err.println("bbb-gateway cannot start: " + e.getMessage());
            if (simulator != null) {
                simulator.close();
            }
            System.exit(2);
            return;
        }
        BbbSimulator sim = simulator;
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            gateway.close();
            if (sim != null) {
                sim.close();
            }
        }, "bbb-gateway-shutdown"));
        System.out.println("bbb-gateway listening: point Moodle's BigBlueButton server URL at " + gateway.url() + "bigbluebutton/");
        gateway.await();
    }
}
