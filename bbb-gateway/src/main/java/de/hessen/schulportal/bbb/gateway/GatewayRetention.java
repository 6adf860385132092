// SPDX-License-Identifier: Apache-2.0
package de.hessen.schulportal.bbb.gateway;

import de.hessen.schulportal.bbb.client.BbbClient;
import de.hessen.schulportal.bbb.client.BbbException;
import de.hessen.schulportal.bbb.gateway.config.GatewayConfig;
import de.hessen.schulportal.bbb.gateway.config.KeyRing;
import de.hessen.schulportal.bbb.gateway.config.Tenant;
import de.hessen.schulportal.bbb.portal.Pseudonyms;
import de.hessen.schulportal.bbb.portal.RoomKind;
import de.hessen.schulportal.bbb.portal.School;
import de.hessen.schulportal.bbb.portal.TenantNotFoundException;
import de.hessen.schulportal.bbb.portal.retention.RecordingRetention;
import de.hessen.schulportal.bbb.portal.retention.RetentionPolicy;
import de.hessen.schulportal.bbb.portal.retention.RetentionReport;
import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Recording retention for the recordings Moodle made through the gateway, per tenant:
 * {@code bbb-gateway retention --dry-run|--apply [TENANT_ID...]} with the gateway's own
 * configuration (the same environment as the service) and {@code GATEWAY_RETENTION_DAYS}, how many
 * days after their end a tenant's recordings are kept (required; {@code 0} deletes them at the
 * next run).
 *
 * <p>Keys: each tenant's school pseudonym is looked for under every key of the tenant's ring
 * ({@link GatewayConfig#keyRing(String)}: its {@code "keys"} in the tenants file, else
 * {@code GATEWAY_PSEUDONYM_KEY} with {@code GATEWAY_PREVIOUS_PSEUDONYM_KEYS}), the current key
 * first, so recordings made before a rotation are found while their key is in the ring.
 *
 * <p>The gateway writes each tenant's school pseudonym into every meeting it creates
 * ({@code room-school}), so the adapter's {@link RecordingRetention} finds a tenant's recordings
 * and nothing else; it keeps no state, so reruns and parallel runs do no harm. What Moodle shows
 * afterwards (mod_bigbluebuttonbn 4.5, {@code recording::fetch_records}): it asks
 * {@code getRecordings} with {@code state=any}; a recording bbb-web lists as {@code deleted} is
 * marked deleted and hidden, one the server no longer lists (Scalelite) is hidden, and marked
 * dismissed after 30 days. Moodle keeps only its own row (IDs and times, no content).
 */
public final class GatewayRetention {
    private GatewayRetention() {
    }

    /**
     * Runs the command.
     *
     * @param args {@code --dry-run} or {@code --apply}, then optionally tenant IDs (default all)
     * @param env the environment
     * @param out the report
     * @param err errors and the audit lines of deletions
     * @param clock the clock ages are measured with
     * @return the exit status: 0 done, 1 a delete failed (rerun), 2 usage or server error
     */
    public static int run(String[] args, Map<String, String> env, PrintStream out, PrintStream err, Clock clock) {
        List<String> words = new ArrayList<>(List.of(args));
        boolean dry = words.remove("--dry-run");
        boolean apply = words.remove("--apply");
        if (dry == apply) {
            err.println("usage: bbb-gateway retention --dry-run|--apply [TENANT_ID...]  (GATEWAY_RETENTION_DAYS required)");
            return 2;
        }
        Map<String, BbbClient> clients = new LinkedHashMap<>();
        try {
            String days = env.get("GATEWAY_RETENTION_DAYS");
            if (days == null || !days.strip().matches("[0-9]{1,5}")) {
                throw new IllegalArgumentException("GATEWAY_RETENTION_DAYS must be a whole number of days (0 to 99999)");
            }
            GatewayConfig config = GatewayEnvironment.config(env);
            RetentionPolicy.Builder policy = RetentionPolicy.builder();
            for (RoomKind kind : RoomKind.values()) {
                policy.keep(kind, Duration.ofDays(Long.parseLong(days.strip())));
            }
            // Tenants with the same ring (usually all: the gateway's) share one run, as before rings were per tenant.
            Map<KeyRing, List<School>> schoolsByRing = new LinkedHashMap<>();
            for (Tenant t : config.tenants()) {
                if (words.isEmpty() || words.contains(t.id())) {
                    clients.put(t.id(), BbbClient.builder().baseUrl(t.backendUrl()).secret(t.backendSecret())
                            .checksumAlgorithm(t.backendAlgorithm()).build());
                    schoolsByRing.computeIfAbsent(config.keyRing(t.id()), r -> new ArrayList<>()).add(School.of(t.id()));
                }
            }
            if (clients.size() < Math.max(1, words.size())) {
                throw new IllegalArgumentException("unknown tenant among " + words);
            }
            int status = 0;
            for (Map.Entry<KeyRing, List<School>> e : schoolsByRing.entrySet()) {
                KeyRing ring = e.getKey();
                RecordingRetention.Builder b = RecordingRetention.builder().tenants(school -> {
                    BbbClient c = clients.get(school.id());
                    if (c == null) {
                        throw new TenantNotFoundException(school.id());
                    }
                    return c;
                }).pseudonyms(Pseudonyms.of(ring.currentKey())).policy(policy.build()).clock(clock)
                        .auditListener(event -> err.println(event.toLine()));
                for (String id : ring.ids()) {
                    if (!id.equals(ring.currentId())) {
                        b.previousPseudonyms(Pseudonyms.of(ring.key(id).orElseThrow()));
                    }
                }
                RecordingRetention retention = b.build();
                RetentionReport report = dry ? retention.plan(e.getValue()) : retention.apply(e.getValue());
                out.print(report.toText());
                if (report.count(RetentionReport.Result.FAILED) > 0) {
                    status = 1;
                }
            }
            return status;
        } catch (IllegalArgumentException | IllegalStateException | BbbException e) {
            err.println("bbb-gateway retention: " + e.getMessage());
            return 2;
        } finally {
            clients.values().forEach(BbbClient::close);
        }
    }
}
