// SPDX-License-Identifier: Apache-2.0
package de.hessen.schulportal.bbb.spring.observation;

import static org.assertj.core.api.Assertions.assertThat;

import de.hessen.schulportal.bbb.client.event.BbbCall;
import de.hessen.schulportal.bbb.client.event.FailureKind;
import de.hessen.schulportal.bbb.client.event.RetryReason;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.observation.DefaultMeterObservationHandler;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.ObservationRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The listener's methods called directly, as the client calls them. */
class ObservationBbbEventListenerTest {
    private static final String MEETING_ID = "sp-xgtsszl4k6mupek4jmipxljsdc";

    private SimpleMeterRegistry meters;
    private ObservationRegistry observations;
    private final List<Observation.Context> stopped = new CopyOnWriteArrayList<>();
    private ObservationBbbEventListener listener;

    @BeforeEach
    void setUp() {
        meters = new SimpleMeterRegistry();
        observations = ObservationRegistry.create();
        observations.observationConfig().observationHandler(new DefaultMeterObservationHandler(meters));
        observations.observationConfig().observationHandler(new ObservationHandler<>() {
            @Override
            public void onStop(Observation.Context context) {
                stopped.add(context);
            }

            @Override
            public boolean supportsContext(Observation.Context context) {
                return true;
            }
        });
        listener = new ObservationBbbEventListener(observations, meters);
    }

    /** A call whose redacted URL must never be asked for: it holds the meeting ID. */
    private static BbbCall call(String name) {
        return BbbCall.of(name, false, true, () -> {
            throw new AssertionError("the listener asked for the URL");
        });
    }

    private Map<String, String> tags(Meter meter) {
        return meter.getId().getTags().stream().collect(Collectors.toMap(Tag::getKey, Tag::getValue));
    }

    @Test
    void success_isTimedWithCallAndOutcome() {
        BbbCall call = call("getMeetingInfo");
        listener.callStart(call);
        listener.attemptStart(call, 1);
        listener.responseReceived(call, 1, 200);
        listener.callSucceeded(call, Duration.ofMillis(12));

        Timer timer = meters.get("bbb.client.requests").timer();
        assertThat(timer.count()).isEqualTo(1);
        assertThat(tags(timer)).containsEntry("call", "getMeetingInfo").containsEntry("outcome", "success")
                .containsEntry("message.key", "none").containsEntry("error", "none");
        assertThat(listener.callsInFlight()).isZero();
        Observation.Context context = stopped.get(0);
        assertThat(context.getContextualName()).isEqualTo("bbb getMeetingInfo");
        assertThat(context.getHighCardinalityKeyValue("http.status").getValue()).isEqualTo("200");
        assertThat(context.getHighCardinalityKeyValue("attempts").getValue()).isEqualTo("1");
    }

    @Test
    void apiError_tagsTheKnownMessageKey_andMarksTheObservationFailed() {
        BbbCall call = call("create");
        listener.callStart(call);
        listener.callFailed(call, FailureKind.API_ERROR, "checksumError", Duration.ofMillis(3));

        Timer timer = meters.get("bbb.client.requests").tag("outcome", "api_error").timer();
        assertThat(tags(timer)).containsEntry("call", "create").containsEntry("message.key", "checksumError");
        assertThat(stopped.get(0).getError()).hasMessage("create failed: api_error checksumError");
    }

    @Test
    void unknownMessageKey_becomesOther_soTheServerCannotAddTimeSeries() {
        for (int i = 0; i < 5; i++) {
            BbbCall call = call("getMeetingInfo");
            listener.callStart(call);
            listener.callFailed(call, FailureKind.API_ERROR, "weird-" + MEETING_ID + "-" + i, Duration.ZERO);
        }
        List<Meter> timers = List.copyOf(meters.find("bbb.client.requests").meters());
        assertThat(timers).hasSize(1);
        assertThat(tags(timers.get(0))).containsEntry("message.key", "other");
        assertThat(timers.get(0).getId().toString()).doesNotContain(MEETING_ID);
        assertThat(stopped).allSatisfy(c -> assertThat(c.getError().getMessage()).doesNotContain(MEETING_ID));
    }

    @Test
    void everyFailureKind_hasItsOutcome() {
        for (FailureKind kind : FailureKind.values()) {
            BbbCall call = call("end");
            listener.callStart(call);
            listener.callFailed(call, kind, null, Duration.ZERO);
        }
        assertThat(meters.find("bbb.client.requests").timers()).extracting(t -> t.getId().getTag("outcome"))
                .containsExactlyInAnyOrder("api_error", "transport", "timeout", "invalid_response", "other");
    }

    @Test
    void retries_areCountedByCallAndReason() {
        BbbCall call = call("getMeetings");
        listener.callStart(call);
        listener.attemptStart(call, 1);
        listener.retryScheduled(call, 1, RetryReason.HTTP_STATUS, 503, Duration.ofMillis(200));
        listener.attemptStart(call, 2);
        listener.retryScheduled(call, 2, RetryReason.TIMEOUT, 0, Duration.ofMillis(400));
        listener.attemptStart(call, 3);
        listener.callSucceeded(call, Duration.ofSeconds(1));

        assertThat(meters.get("bbb.client.retries").tags("call", "getMeetings", "reason", "http_status").counter().count())
                .isEqualTo(1);
        assertThat(meters.get("bbb.client.retries").tags("call", "getMeetings", "reason", "timeout").counter().count())
                .isEqualTo(1);
        assertThat(stopped.get(0).getHighCardinalityKeyValue("attempts").getValue()).isEqualTo("3");
    }

    @Test
    void syncCall_nestsUnderTheCurrentObservation() {
        Observation request = Observation.start("http.server.requests", observations);
        request.scoped(() -> {
            BbbCall call = call("isMeetingRunning");
            listener.callStart(call);
            listener.callSucceeded(call, Duration.ZERO);
        });
        request.stop();
        Observation.Context bbb = stopped.stream().filter(c -> c.getName().equals("bbb.client.requests")).findFirst()
                .orElseThrow();
        assertThat(bbb.getParentObservation()).isNotNull();
        assertThat(bbb.getParentObservation().getContextView().getName()).isEqualTo("http.server.requests");
    }

    @Test
    void withoutMeterRegistry_observesButCountsNoRetries() {
        ObservationBbbEventListener noMeters = new ObservationBbbEventListener(observations, null);
        BbbCall call = call("getMeetings");
        noMeters.callStart(call);
        noMeters.retryScheduled(call, 1, RetryReason.CONNECTION_FAILURE, 0, Duration.ZERO);
        noMeters.callSucceeded(call, Duration.ZERO);
        assertThat(meters.find("bbb.client.retries").counters()).isEmpty();
        assertThat(meters.get("bbb.client.requests").timer().count()).isEqualTo(1);
    }

    @Test
    void endWithoutStart_isIgnored() {
        listener.callSucceeded(call("end"), Duration.ZERO);
        assertThat(meters.find("bbb.client.requests").timers()).isEmpty();
    }
}
