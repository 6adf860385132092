// SPDX-License-Identifier: Apache-2.0
package de.hessen.schulportal.bbb.gateway.internal;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * The gateway's counters and the forwarded-latency histogram, written in the Prometheus text
 * format. Labels are bounded vocabularies only (call names the gateway knows, outcomes, reasons):
 * never a meeting, user or tenant secret, so nothing personal and no unbounded label sets.
 *
 * <p>Thread-safe.
 */
public final class Metrics {
    /** Upper bounds of the latency buckets, in seconds. */
    static final double[] BUCKETS = {0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10};

    private final Map<String, LongAdder> requests = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> callbacks = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> rejections = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> dropped = new ConcurrentHashMap<>();
    private final Map<String, Histogram> forwarded = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> clientSecrets = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> reloads = new ConcurrentHashMap<>();

    private static final class Histogram {
        final LongAdder[] counts = new LongAdder[BUCKETS.length + 1];
        final LongAdder sumMicros = new LongAdder();

        Histogram() {
            for (int i = 0; i < counts.length; i++) {
                counts[i] = new LongAdder();
            }
        }
    }

    /**
     * Counts an answered API call.
     *
     * @param call a known call name or {@code other}
     * @param outcome e.g. {@code success}, {@code failed}, {@code checksum_error}
     */
    public void request(String call, String outcome) {
        inc(requests, "call=\"" + call + "\",outcome=\"" + outcome + '"');
    }

    /**
     * Counts a callback.
     *
     * @param kind {@code recording_ready} or {@code analytics}
     * @param outcome {@code delivered}, {@code failed}, {@code dropped_forged}, {@code dropped_invalid}
     */
    public void callback(String kind, String outcome) {
        inc(callbacks, "kind=\"" + kind + "\",outcome=\"" + outcome + '"');
    }

    /**
     * Counts a verified call of a tenant that holds two secrets (a change of secret is under way), by the
     * secret that verified: once {@code previous} stops growing, the client has switched.
     *
     * @param tenantId the tenant (an ID, no secret)
     * @param previous whether the previous secret verified
     */
    public void clientSecret(String tenantId, boolean previous) {
        inc(clientSecrets, "tenant=\"" + tenantId + "\",secret=\"" + (previous ? "previous" : "current") + '"');
    }

    /**
     * Counts a configuration reload.
     *
     * @param outcome {@code applied} or {@code refused} (the running configuration stays)
     */
    public void reload(String outcome) {
        inc(reloads, "outcome=\"" + outcome + '"');
    }

    /**
     * Counts a request refused before it reached the API logic.
     *
     * @param reason e.g. {@code overload}, {@code too_large}, {@code malformed}
     */
    public void rejection(String reason) {
        inc(rejections, "reason=\"" + reason + '"');
    }

    /**
     * Counts parameters the privacy policy kept from the backend.
     *
     * @param call the call
     * @param count how many
     */
    public void droppedParameters(String call, int count) {
        if (count > 0) {
            dropped.computeIfAbsent("call=\"" + call + '"', k -> new LongAdder()).add(count);
        }
    }

    /**
     * Records how long a backend call took.
     *
     * @param call the call
     * @param nanos the duration
     */
    public void forwarded(String call, long nanos) {
        Histogram h = forwarded.computeIfAbsent(call, k -> new Histogram());
        double seconds = nanos / 1e9;
        int i = 0;
        while (i < BUCKETS.length && seconds > BUCKETS[i]) {
            i++;
        }
        h.counts[i].increment();
        h.sumMicros.add(nanos / 1000);
    }

    private static void inc(Map<String, LongAdder> map, String labels) {
        map.computeIfAbsent(labels, k -> new LongAdder()).increment();
    }

    /**
     * The metrics in the Prometheus text exposition format (version 0.0.4).
     *
     * @return the text
     */
    public String render() {
        StringBuilder sb = new StringBuilder(2048);
        counter(sb, "bbb_gateway_requests_total", "API calls answered, by call and outcome.", requests);
        counter(sb, "bbb_gateway_callbacks_total", "Callbacks from the backend, by kind and outcome.", callbacks);
        counter(sb, "bbb_gateway_rejections_total", "Requests refused before the API logic, by reason.", rejections);
        counter(sb, "bbb_gateway_dropped_parameters_total", "Client parameters kept from the backend by the privacy policy.", dropped);
        counter(sb, "bbb_gateway_client_secret_total",
                "Calls of tenants that hold a previous secret, by the secret that verified (a change of secret).", clientSecrets);
        counter(sb, "bbb_gateway_reloads_total", "Configuration reloads, by outcome.", reloads);
        sb.append("# HELP bbb_gateway_forward_seconds Time of the backend calls, by call.\n");
        sb.append("# TYPE bbb_gateway_forward_seconds histogram\n");
        for (Map.Entry<String, Histogram> e : new TreeMap<>(forwarded).entrySet()) {
            long cumulative = 0;
            String call = "call=\"" + e.getKey() + '"';
            for (int i = 0; i <= BUCKETS.length; i++) {
                cumulative += e.getValue().counts[i].sum();
                String le = i < BUCKETS.length ? Double.toString(BUCKETS[i]) : "+Inf";
                sb.append("bbb_gateway_forward_seconds_bucket{").append(call).append(",le=\"").append(le).append("\"} ")
                        .append(cumulative).append('\n');
            }
            sb.append("bbb_gateway_forward_seconds_sum{").append(call).append("} ")
                    .append(e.getValue().sumMicros.sum() / 1e6).append('\n');
            sb.append("bbb_gateway_forward_seconds_count{").append(call).append("} ").append(cumulative).append('\n');
        }
        return sb.toString();
    }

    private static void counter(StringBuilder sb, String name, String help, Map<String, LongAdder> values) {
        sb.append("# HELP ").append(name).append(' ').append(help).append('\n');
        sb.append("# TYPE ").append(name).append(" counter\n");
        for (Map.Entry<String, LongAdder> e : new TreeMap<>(values).entrySet()) {
            sb.append(name).append('{').append(e.getKey()).append("} ").append(e.getValue().sum()).append('\n');
        }
    }
}
