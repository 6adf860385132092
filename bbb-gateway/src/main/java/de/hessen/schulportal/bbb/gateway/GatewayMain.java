// SPDX-License-Identifier: Apache-2.0
package de.hessen.schulportal.bbb.gateway;

import de.hessen.schulportal.bbb.testkit.BbbSimulator;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code java -jar bbb-gateway-<version>-runnable.jar [--dev]} (or the distribution's
 * {@code bin/bbb-gateway}): starts the gateway from the environment (see {@link GatewayEnvironment})
 * and runs it until the process is stopped.
 *
 * <p>{@code --dev} starts the testkit's BigBlueButton simulator as the backend when {@code BBB_URL}
 * and {@code GATEWAY_TENANTS_FILE} are unset, and says so; {@code GATEWAY_PUBLIC_URL} and
 * {@code GATEWAY_PSEUDONYM_KEY} may then be left out. The testkit is an optional dependency: it is
 * inside the runnable jar and the distribution, never brought onto a library user's class path;
 * without it {@code --dev} ends with a message. Without {@code --dev} a missing backend is a
 * start-up error, so a forgotten {@code BBB_URL} never becomes a simulator in production.
 *
 * <p>When {@code GATEWAY_TENANTS_FILE} changes, the gateway reads it again and applies it while it
 * runs (see {@link Gateway#reload}); a file that does not validate keeps the running configuration
 * and the log says why.
 *
 * <p>Exit status 2 with one line on stderr (naming the variable, never its value) when the
 * configuration is invalid.
 */
public final class GatewayMain {
    private GatewayMain() {
    }

    /**
     * Runs the gateway until the process is stopped; with the arguments {@code retention --dry-run|--apply
     * [TENANT_ID...]} instead runs recording retention for the tenants once ({@link GatewayRetention}), with
     * {@code record [--lang de|en] [--html]} prints its part of the record of processing ({@link GatewayRecord}).
     *
     * @param args {@code --dev} for the simulator backend, or the retention or record command
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
        boolean dev = List.of(args).equals(List.of("--dev"));
        if (!dev && args.length > 0) {
            System.err.println("bbb-gateway takes no arguments except --dev, 'record' or 'retention' (configuration comes from"
                    + " the environment)");
            System.exit(2);
            return;
        }
        Map<String, String> env = new HashMap<>(System.getenv());
        AutoCloseable simulator = null;
        if (dev && env.get("BBB_URL") == null && env.get("GATEWAY_TENANTS_FILE") == null) {
            try {
                simulator = DevBackend.start(env);
            } catch (NoClassDefFoundError e) {
                System.err.println("bbb-gateway --dev needs bbb-testkit on the class path (it is inside the runnable jar "
                        + "and the distribution; the library jar does not bring it)");
                System.exit(2);
                return;
            }
        }
        boolean devBackend = simulator != null;
        Gateway gateway;
        try {
            gateway = Gateway.start(GatewayEnvironment.config(env, devBackend));
        } catch (IllegalArgumentException | IllegalStateException e) {
            System.err.println("bbb-gateway cannot start: " + e.getMessage());
            closeQuietly(simulator);
            System.exit(2);
            return;
        }
        AutoCloseable sim = simulator;
        // A changed tenants file is applied all or nothing. (No SIGHUP: sun.misc.Signal is the only way to catch it
        // in Java, and javac warns about it in a way no @SuppressWarnings silences, against -Werror.)
        TenantsFileWatcher watcher = env.get("GATEWAY_TENANTS_FILE") == null ? null
                : new TenantsFileWatcher(Path.of(env.get("GATEWAY_TENANTS_FILE")),
                        new Reloader(gateway, () -> GatewayEnvironment.config(env, devBackend)));
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            if (watcher != null) {
                watcher.close();
            }
            gateway.close();
            closeQuietly(sim);
        }, "bbb-gateway-shutdown"));
        System.out.println("bbb-gateway listening: point Moodle's BigBlueButton server URL at " + gateway.url() + "bigbluebutton/");
        gateway.await();
    }

    private static void closeQuietly(AutoCloseable c) {
        if (c == null) {
            return;
        }
        try {
            c.close();
        } catch (Exception e) {
            System.err.println("bbb-gateway: the dev simulator did not stop cleanly: " + e.getClass().getSimpleName());
        }
    }

    /** The dev mode's backend; the only class that touches the (optional) testkit, loaded only with --dev. */
    private static final class DevBackend {
        private DevBackend() {
        }

        static AutoCloseable start(Map<String, String> env) {
            BbbSimulator simulator = BbbSimulator.builder().systemClock().start();
            env.put("BBB_URL", simulator.baseUrl());
            env.put("BBB_SECRET", simulator.secret());
            if (env.get("GATEWAY_PSEUDONYM_KEY") == null) {
                byte[] key = new byte[32];
                new SecureRandom().nextBytes(key);
                env.put("GATEWAY_PSEUDONYM_KEY", Base64.getEncoder().encodeToString(key));
                System.out.println("Dev mode: GATEWAY_PSEUDONYM_KEY not set, using a random key (pseudonyms change on restart).");
            }
            System.out.println("Dev mode: the backend is the testkit's BigBlueButton simulator at " + simulator.baseUrl()
                    + " (not a real BigBlueButton)");
            return simulator;
        }
    }
}
