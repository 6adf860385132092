// SPDX-License-Identifier: Apache-2.0
package de.hessen.schulportal.bbb.gateway;

import de.hessen.schulportal.bbb.gateway.config.GatewayConfig;
import de.hessen.schulportal.bbb.gateway.config.Tenant;
import de.hessen.schulportal.bbb.testkit.BbbSimulator;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;

/**
 * The gateway as {@link GatewayAttackTest} attacks it: a child JVM ({@code -Xmx256m}) running the
 * testkit's simulator as the backend and a gateway with its default limits on loopback. Prints
 * {@code READY <gateway URL> <health URL>}, stops when a line {@code stop} arrives on stdin and then
 * prints {@code STOPPED}. The Moodle secret comes from the environment variable {@code ATTACK_SECRET}.
 */
final class AttackTarget {
    private AttackTarget() {
    }

    public static void main(String[] args) throws Exception {
        String secret = System.getenv("ATTACK_SECRET");
        try (BbbSimulator sim = BbbSimulator.start()) {
            Gateway gateway = Gateway.start(GatewayConfig.builder(MoodleThroughGatewayTest.KEY).host("127.0.0.1").allowLoopbackFetch(true).port(0)
                    .tenant(Tenant.builder("moodle", secret, sim.baseUrl(), sim.secret()).build()).build());
            System.out.println("READY " + gateway.url() + ' ' + gateway.managementUrl() + "health/live");
            System.out.flush();
            BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            String line;
            do {
                line = in.readLine();
            } while (line != null && !line.equals("stop"));
            gateway.close();
        }
        System.out.println("STOPPED");
        System.out.flush();
    }
}
