// SPDX-License-Identifier: Apache-2.0
package de.hessen.schulportal.bbb.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import de.hessen.schulportal.bbb.client.BbbClient;
import de.hessen.schulportal.bbb.client.event.BbbCall;
import de.hessen.schulportal.bbb.client.event.BbbEventListener;
import de.hessen.schulportal.bbb.portal.JoinOutcome;
import de.hessen.schulportal.bbb.portal.Person;
import de.hessen.schulportal.bbb.portal.Relation;
import de.hessen.schulportal.bbb.portal.Room;
import de.hessen.schulportal.bbb.portal.RoomKind;
import de.hessen.schulportal.bbb.portal.School;
import de.hessen.schulportal.bbb.portal.SchoolConferences;
import de.hessen.schulportal.bbb.portal.SchoolRole;
import de.hessen.schulportal.bbb.spring.observation.ObservationBbbEventListener;
import de.hessen.schulportal.bbb.testkit.BbbSimulator;
import de.hessen.schulportal.bbb.testsupport.Secrets;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.health.registry.HealthContributorRegistry;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A whole Spring Boot application with the starter, the actuator's health and Micrometer: one
 * property starts the simulator, one more gives the portal adapter.
 */
@SpringBootTest(classes = BbbStarterSpringBootTest.App.class, properties = "bbb.testkit.enabled=true")
class BbbStarterSpringBootTest {
    /** A supplier, so Spring's test framework does not print the key with the context configuration. */
    @DynamicPropertySource
    static void pseudonymKey(DynamicPropertyRegistry registry) {
        registry.add("bbb.portal.pseudonym-key", () -> TestServers.PSEUDONYM_KEY);
    }

    @Autowired
    BbbSimulator sim;
    @Autowired
    BbbClient bbb;
    @Autowired
    SchoolConferences conferences;
    @Autowired
    HealthContributorRegistry health;
    @Autowired
    MeterRegistry meters;
    @Autowired
    ObservationBbbEventListener observer;
    @Autowired
    Probe probe;

    @BeforeEach
    void registerSecret() {
        Secrets.forbid(sim.secret());
    }

    @Test
    void theApplication_getsAWorkingHealthCheckedClientAndAdapter() {
        assertThat(bbb.apiBaseUrl()).isEqualTo(sim.apiUrl());
        assertThat(((HealthIndicator) health.getContributor("bbb")).health().getStatus()).isEqualTo(Status.UP);

        Room room = Room.of(School.of("6021"), "kurs-7b-mathe", RoomKind.LESSON, "Klasse 7b – Mathematik");
        JoinOutcome teacher = conferences.join(room,
                Person.builder("t-1", SchoolRole.TEACHER, Relation.ORGANISER).firstName("Petra").lastName("Schmidt").build());
        assertThat(teacher.kind()).isEqualTo(JoinOutcome.Kind.SESSION);
        assertThat(sim.meeting(teacher.meetingId())).isPresent();
    }

    /**
     * Pending the merge of the client's event wiring (H1): the SPI is in place and the starter
     * hands its listener to the builder, but until the client calls listeners this is skipped.
     */
    @Test
    void everyCall_isTimed_throughTheEventListener() {
        bbb.getMeetings();
        assumeTrue(probe.calls.get() > 0, "pending: the client does not call BbbEventListener yet (event wiring not merged)");
        assertThat(meters.get("bbb.client.requests").tag("call", "getMeetings").tag("outcome", "success").timer().count())
                .isPositive();
        assertThat(observer.callsInFlight()).isZero();
    }

    /** Sees whether the client calls listeners at all. */
    static final class Probe implements BbbEventListener {
        final AtomicInteger calls = new AtomicInteger();

        @Override
        public void callStart(BbbCall call) {
            calls.incrementAndGet();
        }
    }

    @Configuration(proxyBeanMethods = false)
    @EnableAutoConfiguration
    static class App {
        @Bean
        Probe probe() {
            return new Probe();
        }
    }
}
