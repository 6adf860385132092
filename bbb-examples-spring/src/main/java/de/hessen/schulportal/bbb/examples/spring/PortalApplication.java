// SPDX-License-Identifier: Apache-2.0
package de.hessen.schulportal.bbb.examples.spring;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * A small school portal on Spring Boot: pick a demo person, see their rooms and what they may do
 * in each, join through the portal adapter. Everything BigBlueButton-related comes from the
 * starter and three properties.
 *
 * <p>Run it with {@code mvn -q -Pdemo,portal -pl bbb-examples-spring -am verify} and open
 * http://localhost:8080/. It uses the embedded simulator unless {@code BBB_URL} and
 * {@code BBB_SECRET} are set (then also {@code BBB_PSEUDONYM_KEY}, else a random key is used and
 * meeting IDs change with every start).
 */
@SpringBootApplication
public class PortalApplication {
    /** Started by Spring. */
    public PortalApplication() {
    }

    /**
     * Starts the portal.
     *
     * @param args Spring Boot arguments, e.g. {@code --server.port=8081}
     */
    public static void main(String[] args) {
        SpringApplication app = new SpringApplication(PortalApplication.class);
        app.setDefaultProperties(demoDefaults(System.getenv()));
        app.run(args);
    }

    /**
     * The defaults for a demo: the simulator unless a real server is named, and a pseudonym key.
     * Properties and environment variables the operator sets win over these.
     *
     * @param env the environment variables
     * @return default properties
     */
    static Map<String, Object> demoDefaults(Map<String, String> env) {
        Map<String, Object> defaults = new HashMap<>();
        if (env.get("BBB_URL") == null) {
            defaults.put("bbb.testkit.enabled", "true");
        }
        String key = env.get("BBB_PSEUDONYM_KEY");
        if (key == null) {
            byte[] random = new byte[32];
            new SecureRandom().nextBytes(random);
            key = Base64.getEncoder().encodeToString(random);
        }
        defaults.put("bbb.portal.pseudonym-key", key);
        return defaults;
    }
}
