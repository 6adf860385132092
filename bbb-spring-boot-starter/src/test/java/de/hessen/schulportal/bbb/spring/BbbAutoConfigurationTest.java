// SPDX-License-Identifier: Apache-2.0
package de.hessen.schulportal.bbb.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.hessen.schulportal.bbb.client.BbbClient;
import de.hessen.schulportal.bbb.client.ChecksumAlgorithm;
import de.hessen.schulportal.bbb.portal.JoinOutcome;
import de.hessen.schulportal.bbb.portal.Person;
import de.hessen.schulportal.bbb.portal.Pseudonyms;
import de.hessen.schulportal.bbb.portal.Relation;
import de.hessen.schulportal.bbb.portal.Room;
import de.hessen.schulportal.bbb.portal.RoomKind;
import de.hessen.schulportal.bbb.portal.School;
import de.hessen.schulportal.bbb.portal.SchoolConferences;
import de.hessen.schulportal.bbb.portal.SchoolRole;
import de.hessen.schulportal.bbb.portal.TenantDirectory;
import de.hessen.schulportal.bbb.portal.TenantNotFoundException;
import de.hessen.schulportal.bbb.testkit.BbbSimulator;
import de.hessen.schulportal.bbb.testsupport.Secrets;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

class BbbAutoConfigurationTest {
    private static BbbSimulator sim;
    private static BbbSimulator other;

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(BbbAutoConfiguration.class));

    @BeforeAll
    static void start() {
        sim = TestServers.simulator();
        other = TestServers.otherSimulator();
    }

    @AfterAll
    static void stop() {
        sim.close();
        other.close();
    }

    private ApplicationContextRunner shared() {
        return runner.withPropertyValues("bbb.url=" + sim.baseUrl(), "bbb.secret=" + Secrets.SECRET);
    }

    @Test
    void urlAndSecret_giveAWorkingSharedClientAndDirectory() {
        shared().withPropertyValues("bbb.checksum-algorithm=SHA512", "bbb.request-timeout=7s", "bbb.max-retries=0")
                .run(ctx -> {
                    assertThat(ctx).hasNotFailed().hasSingleBean(BbbClient.class).hasSingleBean(TenantDirectory.class)
                            .doesNotHaveBean(SchoolConferences.class);
                    BbbClient bbb = ctx.getBean(BbbClient.class);
                    assertThat(bbb.apiBaseUrl()).isEqualTo(sim.apiUrl());
                    assertThat(bbb.checkConnection().isOk()).isTrue();
                    assertThat(bbb.toString()).contains("SHA512");
                    assertThat(ctx.getBean(TenantDirectory.class).clientFor(School.of("6021"))).isSameAs(bbb);
                });
    }

    @Test
    void nothingConfigured_noBeans() {
        runner.run(ctx -> assertThat(ctx).hasNotFailed().doesNotHaveBean(BbbClient.class)
                .doesNotHaveBean(TenantDirectory.class).doesNotHaveBean(SchoolConferences.class));
    }

    @Test
    void threeProperties_giveSchoolConferencesThatJoinTheServer() {
        shared().withPropertyValues("bbb.portal.pseudonym-key=" + TestServers.PSEUDONYM_KEY).run(ctx -> {
            SchoolConferences conferences = ctx.getBean(SchoolConferences.class);
            Room room = Room.of(School.of("6021"), "kurs-7b", RoomKind.LESSON, "Klasse 7b");
            JoinOutcome outcome = conferences.join(room,
                    Person.builder("t-1", SchoolRole.TEACHER, Relation.ORGANISER).firstName("Petra").lastName("Schmidt").build());
            assertThat(outcome.kind()).isEqualTo(JoinOutcome.Kind.SESSION);
            String expectedId = Pseudonyms.fromBase64(TestServers.PSEUDONYM_KEY).meetingId(room);
            assertThat(outcome.meetingId()).isEqualTo(expectedId);
            assertThat(sim.meeting(expectedId)).isPresent();
        });
    }

    @Test
    void tenants_routeSchoolsToTheirServer_andOthersToTheSharedOne() {
        shared().withPropertyValues("bbb.tenants.6022.url=" + other.baseUrl(), "bbb.tenants.6022.secret=" + TestServers.OTHER_SECRET,
                "bbb.tenants.6022.checksum-algorithm=SHA1").run(ctx -> {
                    TenantDirectory directory = ctx.getBean(TenantDirectory.class);
                    BbbClient school6022 = directory.clientFor(School.of("6022"));
                    assertThat(school6022.apiBaseUrl()).isEqualTo(other.apiUrl());
                    assertThat(school6022.checkConnection().isOk()).isTrue();
                    assertThat(school6022.toString()).contains("SHA1");
                    assertThat(directory.clientFor(School.of("9999"))).isSameAs(ctx.getBean(BbbClient.class));
                    assertThat(ctx.getBean(BbbTenantClients.class).bySchool()).containsOnlyKeys("6022");
                });
    }

    @Test
    void tenantsWithoutSharedServer_refuseUnknownSchools() {
        runner.withPropertyValues("bbb.tenants.6022.url=" + other.baseUrl(), "bbb.tenants.6022.secret=" + TestServers.OTHER_SECRET)
                .run(ctx -> {
                    assertThat(ctx).hasNotFailed().doesNotHaveBean(BbbClient.class);
                    TenantDirectory directory = ctx.getBean(TenantDirectory.class);
                    assertThat(directory.clientFor(School.of("6022")).apiBaseUrl()).isEqualTo(other.apiUrl());
                    assertThatThrownBy(() -> directory.clientFor(School.of("6021"))).isInstanceOf(TenantNotFoundException.class);
                });
    }

    @Test
    void ownBeans_win() {
        runner.withPropertyValues("bbb.portal.pseudonym-key=" + TestServers.PSEUDONYM_KEY)
                .withUserConfiguration(OwnClient.class).run(ctx -> {
                    assertThat(ctx).hasNotFailed().hasSingleBean(BbbClient.class);
                    BbbClient own = ctx.getBean(BbbClient.class);
                    assertThat(own.apiBaseUrl()).isEqualTo(other.apiUrl());
                    assertThat(ctx.getBean(TenantDirectory.class).clientFor(School.of("1"))).isSameAs(own);
                    assertThat(ctx).hasSingleBean(SchoolConferences.class);
                });
        runner.withUserConfiguration(OwnDirectory.class)
                .withPropertyValues("bbb.url=" + sim.baseUrl(), "bbb.secret=" + Secrets.SECRET,
                        "bbb.portal.pseudonym-key=" + TestServers.PSEUDONYM_KEY)
                .run(ctx -> {
                    assertThat(ctx.getBean(TenantDirectory.class)).isSameAs(OwnDirectory.DIRECTORY);
                    assertThat(ctx.getBean("ownConferences")).isSameAs(ctx.getBean(SchoolConferences.class));
                });
    }

    @Test
    void customizer_isApplied() {
        shared().withBean(BbbClientCustomizer.class, () -> b -> b.checksumAlgorithm(ChecksumAlgorithm.SHA384))
                .run(ctx -> assertThat(ctx.getBean(BbbClient.class).toString()).contains("SHA384"));
    }

    @Test
    void close_closesTheClientsTheStarterBuilt() {
        AtomicReference<BbbClient> shared = new AtomicReference<>();
        AtomicReference<BbbClient> tenant = new AtomicReference<>();
        shared().withPropertyValues("bbb.tenants.6022.url=" + other.baseUrl(), "bbb.tenants.6022.secret=" + TestServers.OTHER_SECRET,
                "bbb.max-retries=0").run(ctx -> {
                    shared.set(ctx.getBean(BbbClient.class));
                    tenant.set(ctx.getBean(BbbTenantClients.class).bySchool().get("6022"));
                    assertThat(shared.get().async().getMeetings()).succeedsWithin(java.time.Duration.ofMinutes(1));
                });
        // A closed client's threads are gone: async calls can no longer be scheduled.
        assertThatThrownBy(() -> shared.get().async().getMeetings().join()).isNotNull();
        assertThatThrownBy(() -> tenant.get().async().getMeetings().join()).isNotNull();
    }

    @Configuration(proxyBeanMethods = false)
    static class OwnClient {
        @Bean
        BbbClient ownClient() {
            return BbbClient.builder().baseUrl(other.baseUrl()).secret(TestServers.OTHER_SECRET).build();
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class OwnDirectory {
        static final TenantDirectory DIRECTORY = school -> {
            throw new TenantNotFoundException(school.id());
        };

        @Bean
        TenantDirectory ownDirectory() {
            return DIRECTORY;
        }

        @Bean
        SchoolConferences ownConferences() {
            return SchoolConferences.builder().tenants(DIRECTORY)
                    .pseudonyms(Pseudonyms.fromBase64(TestServers.PSEUDONYM_KEY)).build();
        }
    }
}
