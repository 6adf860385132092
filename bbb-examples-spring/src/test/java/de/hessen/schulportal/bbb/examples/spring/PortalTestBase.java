// SPDX-License-Identifier: Apache-2.0
package de.hessen.schulportal.bbb.examples.spring;

import de.hessen.schulportal.bbb.portal.SchoolConferences;
import de.hessen.schulportal.bbb.testkit.BbbSimulator;
import de.hessen.schulportal.bbb.testsupport.Secrets;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The portal on a random port against the simulator. Test classes extending it share one Spring
 * context (same configuration), so they share the simulator too: each uses its own rooms.
 */
@SpringBootTest(classes = PortalApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "bbb.testkit.enabled=true")
abstract class PortalTestBase {
    static final String PSEUDONYM_KEY = Secrets.forbid("Zm9yLXRoZS1wb3J0YWwtZGVtby1vbmx5LTMyLWJ5dGVzIQ==");

    @LocalServerPort
    int port;
    @Autowired
    BbbSimulator sim;
    @Autowired
    SchoolConferences conferences;

    /** A supplier, so Spring's test framework does not print the key with the context configuration. */
    @DynamicPropertySource
    static void pseudonymKey(DynamicPropertyRegistry registry) {
        registry.add("bbb.portal.pseudonym-key", () -> PSEUDONYM_KEY);
    }

    @BeforeEach
    void registerSimulatorSecret() {
        Secrets.forbid(sim.secret());
    }

    String url(String path) {
        return "http://localhost:" + port + path;
    }
}
