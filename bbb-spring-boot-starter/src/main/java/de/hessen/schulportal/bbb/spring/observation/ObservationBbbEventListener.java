// SPDX-License-Identifier: Apache-2.0
package de.hessen.schulportal.bbb.spring.observation;

import de.hessen.schulportal.bbb.client.event.BbbCall;
import de.hessen.schulportal.bbb.client.event.BbbEventListener;
import de.hessen.schulportal.bbb.client.event.FailureKind;
import de.hessen.schulportal.bbb.client.event.RetryReason;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Turns the client's events into one Micrometer {@link Observation} per call, named
 * {@value #OBSERVATION_NAME}: with Spring Boot's metrics that is a timer of that name, with
 * tracing a span. Retries are counted in {@value #RETRIES} when a {@link MeterRegistry} is given.
 *
 * <p>Low-cardinality keys (metric tags): {@code call} (the BigBlueButton call name, a fixed
 * vocabulary), {@code outcome} ({@code success}, {@code api_error}, {@code transport},
 * {@code timeout}, {@code invalid_response}, {@code other}) and {@code message.key} (a known
 * BigBlueButton {@code messageKey}, {@code other} or {@code none}). High-cardinality keys (span
 * attributes only): {@code attempts}, {@code http.status}. Never a meeting ID, name, URL or secret.
 *
 * <p>Thread-safe. The observation of a call is kept from {@code callStart} to
 * {@code callSucceeded}/{@code callFailed}; the parent is the observation current on the calling
 * thread, so a sync call's span nests under the request that made it.
 */
public final class ObservationBbbEventListener implements BbbEventListener {
    /** Name of the observation and of the timer Spring Boot derives from it. */
    public static final String OBSERVATION_NAME = "bbb.client.requests";
    /** Name of the retry counter, tagged {@code call} and {@code reason}. */
    public static final String RETRIES = "bbb.client.retries";

    private final ObservationRegistry registry;
    private final MeterRegistry meters;
    private final Map<BbbCall, InFlight> inFlight = new ConcurrentHashMap<>();

    /** What is known of a running call. */
    private static final class InFlight {
        final Observation observation;
        volatile int attempts;
        volatile int httpStatus;

        InFlight(Observation observation) {
            this.observation = observation;
        }
    }

    /**
     * A listener reporting to the given registries.
     *
     * @param registry where observations go
     * @param meters where the retry counter goes, or {@code null} to count no retries
     * @throws NullPointerException if {@code registry} is {@code null}
     */
    public ObservationBbbEventListener(ObservationRegistry registry, MeterRegistry meters) {
        this.registry = Objects.requireNonNull(registry, "registry");
        this.meters = meters;
    }

    @Override
    public void callStart(BbbCall call) {
        Observation observation = Observation.createNotStarted(OBSERVATION_NAME, registry)
                .contextualName("bbb " + call.name())
                .lowCardinalityKeyValue("call", call.name());
        inFlight.put(call, new InFlight(observation.start()));
    }

    @Override
    public void attemptStart(BbbCall call, int attempt) {
        InFlight f = inFlight.get(call);
        if (f != null) {
            f.attempts = attempt;
        }
    }

    @Override
    public void retryScheduled(BbbCall call, int failedAttempt, RetryReason reason, int httpStatus, Duration delay) {
        if (meters != null) {
            Counter.builder(RETRIES)
                    .description("Retries of BigBlueButton calls, by call and reason")
                    .tag("call", call.name())
                    .tag("reason", reason.name().toLowerCase(Locale.ROOT))
                    .register(meters)
                    .increment();
        }
    }

    @Override
    public void responseReceived(BbbCall call, int attempt, int httpStatus) {
        InFlight f = inFlight.get(call);
        if (f != null) {
            f.httpStatus = httpStatus;
        }
    }

    @Override
    public void callSucceeded(BbbCall call, Duration duration) {
        stop(call, "success", MessageKeys.NONE, null);
    }

    @Override
    public void callFailed(BbbCall call, FailureKind kind, String messageKey, Duration duration) {
        String key = MessageKeys.tag(messageKey);
        String outcome = kind.name().toLowerCase(Locale.ROOT);
        stop(call, outcome, key, new BbbCallFailure(call.name() + " failed: " + outcome
                + (MessageKeys.NONE.equals(key) ? "" : " " + key)));
    }

    private void stop(BbbCall call, String outcome, String messageKey, BbbCallFailure failure) {
        InFlight f = inFlight.remove(call);
        if (f == null) {
            return;
        }
        Observation o = f.observation
                .lowCardinalityKeyValue("outcome", outcome)
                .lowCardinalityKeyValue("message.key", messageKey)
                .highCardinalityKeyValue("attempts", Integer.toString(Math.max(1, f.attempts)));
        if (f.httpStatus > 0) {
            o.highCardinalityKeyValue("http.status", Integer.toString(f.httpStatus));
        }
        if (failure != null) {
            o.error(failure);
        }
        o.stop();
    }

    /**
     * Number of calls started and not yet ended; for tests and diagnostics.
     *
     * @return the number of calls in flight
     */
    public int callsInFlight() {
        return inFlight.size();
    }

    @Override
    public String toString() {
        return "ObservationBbbEventListener{" + OBSERVATION_NAME + '}';
    }

    /**
     * Marks an observation as failed for tracing; carries only the call name, the outcome and the
     * bounded messageKey, and no stack trace (the client's exception goes to the caller).
     */
    static final class BbbCallFailure extends RuntimeException {
        private static final long serialVersionUID = 1L;

        BbbCallFailure(String message) {
            super(message, null, false, false);
        }
    }
}
