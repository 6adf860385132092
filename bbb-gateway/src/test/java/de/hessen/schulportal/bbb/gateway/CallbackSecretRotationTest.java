// SPDX-License-Identifier: Apache-2.0
package de.hessen.schulportal.bbb.gateway;

import static de.hessen.schulportal.bbb.gateway.MoodleThroughGatewayTest.KEY;
import static de.hessen.schulportal.bbb.gateway.MoodleThroughGatewayTest.el;
import static de.hessen.schulportal.bbb.gateway.MoodleThroughGatewayTest.ordered;
import static org.assertj.core.api.Assertions.assertThat;

import de.hessen.schulportal.bbb.gateway.config.GatewayConfig;
import de.hessen.schulportal.bbb.gateway.config.Tenant;
import de.hessen.schulportal.bbb.testkit.BbbSimulator;
import de.hessen.schulportal.bbb.testsupport.Secrets;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Which secret signs a callback while a school changes its Moodle secret (README "Changing a Moodle
 * secret"), each window of the procedure on its own: {@link FakeMoodle} holds one secret and verifies
 * every callback's JWT with it, as Moodle does. Step 1: the tenant holds the new secret and the old
 * one as previous; step 2: Moodle switches; step 3: the previous secret is dropped.
 */
class CallbackSecretRotationTest {
    private static final String OLD = Secrets.forbid("callback-old-secret-0123456789ab");
    private static final String NEW = Secrets.forbid("callback-new-secret-ba9876543210");

    private BbbSimulator sim;
    private Gateway gateway;
    private FakeMoodle moodle;

    @BeforeEach
    void start() {
        sim = BbbSimulator.builder().recordingProcessingTime(Duration.ofMinutes(1)).start();
        Secrets.forbid(sim.secret());
        gateway = Gateway.start(config(true));
        moodle = new FakeMoodle(gateway.url().toString(), OLD);
    }

    @AfterEach
    void stop() {
        moodle.close();
        gateway.close();
        sim.close();
    }

    private GatewayConfig config(boolean withPrevious) {
        Tenant.Builder t = Tenant.builder("schule", NEW, sim.baseUrl(), sim.secret());
        if (withPrevious) {
            t.previousClientSecret(OLD);
        }
        return GatewayConfig.builder(KEY).host("127.0.0.1").allowLoopbackFetch(true).port(0).tenant(t.build()).build();
    }

    @Test
    void betweenStep1And2_aCallbackIsSignedWithTheOldSecretMoodleStillHolds() throws InterruptedException {
        create("m1");
        endAndProcess("m1");
        assertThat(accepted("m1")).containsExactly("meeting_events", "recording_ready");
        assertThat(moodle.refused).as("nothing refused: the first delivery was signed with the secret Moodle holds").isEmpty();
    }

    @Test
    void afterStep2_aMeetingCreatedBeforeIsResentWithTheNewSecret_andOneCreatedAfterIsSignedWithItAtOnce() throws InterruptedException {
        create("before");
        moodle.secret = NEW;
        create("after");
        endAndProcess("before");
        endAndProcess("after");
        assertThat(accepted("before")).containsExactly("meeting_events", "recording_ready");
        assertThat(accepted("after")).containsExactly("meeting_events", "recording_ready");
        // Moodle refused the first delivery of "before" (signed with the old secret it no longer holds), before any effect.
        assertThat(refused("before")).containsExactly("meeting_events", "recording_ready");
        assertThat(refused("after")).as("a meeting created with the new secret is signed with it alone").isEmpty();
        assertThat(metrics()).contains("bbb_gateway_callbacks_total{kind=\"analytics\",outcome=\"resent_current_secret\"} 1")
                .contains("bbb_gateway_client_secret_total{tenant=\"schule\",secret=\"previous\"}")
                .contains("bbb_gateway_client_secret_total{tenant=\"schule\",secret=\"current\"}");
    }

    @Test
    void afterStep3_aMeetingCreatedUnderTheOldSecretIsSignedWithTheNewOne() throws InterruptedException {
        create("old");
        moodle.secret = NEW;
        gateway.reload(config(false));
        endAndProcess("old");
        assertThat(accepted("old")).containsExactly("meeting_events", "recording_ready");
        assertThat(moodle.refused).isEmpty();
    }

    @Test
    void aCallbackRefusedWithBothSecrets_isResentOnlyOnce() throws InterruptedException {
        create("m1");
        // Moodle refuses every callback as unauthenticated (as if it held neither secret the tenant has).
        moodle.failWith = 403;
        endAndProcess("m1");
        assertThat(accepted("m1")).isEmpty();
        assertThat(refused("m1")).as("the delivery signed with the old secret and one resend, no more")
                .containsExactly("meeting_events", "meeting_events", "recording_ready", "recording_ready");
        assertThat(metrics()).contains("bbb_gateway_callbacks_total{kind=\"analytics\",outcome=\"resent_current_secret\"} 1")
                .contains("bbb_gateway_callbacks_total{kind=\"recording_ready\",outcome=\"resent_current_secret\"} 1");
    }

    @Test
    void aCallbackMoodleFailsWith5xx_isNotResent() throws InterruptedException {
        create("m1");
        moodle.secret = NEW;
        // A server error says nothing about the secret (Moodle may have processed part of it): no resend.
        moodle.failWith = 503;
        endAndProcess("m1");
        assertThat(refused("m1")).as("one delivery each, signed with the old secret").containsExactly("meeting_events", "recording_ready");
        assertThat(metrics()).doesNotContain("resent_current_secret");
    }

    @Test
    void theAnalyticsBearerToken_expiresWithinFiveMinutes() throws InterruptedException {
        create("m1");
        endAndProcess("m1");
        FakeMoodle.Received analytics = moodle.received.stream().filter(r -> r.path.contains("action=meeting_events")).findFirst().orElseThrow();
        String payload = new String(Base64.getUrlDecoder().decode(analytics.authorization.split("\\.")[1]),
                StandardCharsets.UTF_8);
        Matcher exp = Pattern.compile("\"exp\":(\\d+)").matcher(payload);
        assertThat(exp.find()).as(payload).isTrue();
        // Moodle decodes it at once; a captured token must not stay valid for the backend's full day.
        assertThat(Long.parseLong(exp.group(1))).as(payload)
                .isLessThanOrEqualTo(Instant.now().plus(Duration.ofMinutes(5)).getEpochSecond());
    }

    @Test
    void byDefault_callbacksToALoopbackMoodleAreRefused_andNothingReachesIt() throws InterruptedException {
        // The production default: no allowLoopbackFetch, so this Moodle on 127.0.0.1 is an internal address.
        gateway.reload(GatewayConfig.builder(KEY).host("127.0.0.1").port(0)
                .tenant(Tenant.builder("schule", NEW, sim.baseUrl(), sim.secret()).previousClientSecret(OLD).build()).build());
        create("internal");
        endAndProcess("internal");
        assertThat(moodle.received).as("nothing delivered to a loopback address").isEmpty();
        assertThat(moodle.refused).as("nothing even attempted").isEmpty();
        assertThat(metrics()).contains("bbb_gateway_callbacks_total{kind=\"analytics\",outcome=\"refused\"} 1")
                .contains("bbb_gateway_callbacks_total{kind=\"recording_ready\",outcome=\"refused\"} 1");
    }

    private void create(String id) {
        String created = moodle.call("create", ordered("meetingID", id, "name", "Physik", "record", "true",
                "meta_bbb-recording-ready-url", moodle.wwwroot() + "/mod/bigbluebuttonbn/bbb_broker.php?action=recording_ready&m=" + id,
                "meta_analytics-callback-url", moodle.wwwroot() + "/mod/bigbluebuttonbn/bbb_broker.php?action=meeting_events&m=" + id))
                .body();
        assertThat(el(created, "returncode")).as(created).isEqualTo("SUCCESS");
        // Someone joins, so the meeting has attendees and a recording (the simulator, as BigBlueButton).
        assertThat(moodle.call("join", ordered("meetingID", id, "fullName", "Kim Yilmaz", "role", "VIEWER", "userID", "1234",
                "createTime", el(created, "createTime"))).statusCode()).isEqualTo(302);
    }

    private void endAndProcess(String id) throws InterruptedException {
        assertThat(el(moodle.call("end", ordered("meetingID", id)).body(), "returncode")).isEqualTo("SUCCESS");
        assertThat(sim.awaitCallbacks(Duration.ofSeconds(60))).isTrue();
        sim.clock().advance(Duration.ofMinutes(2));
        assertThat(sim.awaitCallbacks(Duration.ofSeconds(60))).isTrue();
    }

    private List<String> accepted(String id) {
        return actions(moodle.received, id);
    }

    private List<String> refused(String id) {
        return actions(moodle.refused, id);
    }

    private static List<String> actions(List<FakeMoodle.Received> list, String id) {
        return list.stream().filter(r -> r.path.endsWith("&m=" + id))
                .map(r -> r.path.replaceAll(".*action=([a-z_]+)&.*", "$1")).sorted().collect(Collectors.toList());
    }

    private String metrics() {
        return moodle.get(gateway.managementUrl() + "metrics").body();
    }
}
