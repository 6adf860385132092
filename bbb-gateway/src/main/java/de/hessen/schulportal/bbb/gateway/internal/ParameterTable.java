// SPDX-License-Identifier: Apache-2.0
package de.hessen.schulportal.bbb.gateway.internal;

import de.hessen.schulportal.bbb.client.meeting.CreateMeetingRequest;
import de.hessen.schulportal.bbb.client.meeting.GuestPolicy;
import de.hessen.schulportal.bbb.client.meeting.JoinMeetingRequest;
import de.hessen.schulportal.bbb.client.meeting.LockSettings;
import de.hessen.schulportal.bbb.gateway.config.Tenant;
import java.net.URI;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * The one place that says what happens to each parameter a client sends on {@code create} and
 * {@code join}, and how it reaches the bbb-client builder. Parameters not in the table are dropped
 * (an unknown parameter may carry personal data; they are counted in the metrics). The README's
 * parameter table follows this class.
 *
 * <p>{@code meetingID}, {@code name}, {@code fullName}, {@code role}, {@code userID} and
 * {@code guest} shape the request itself and are handled by {@link ApiCalls}; they are listed here
 * with {@link Treatment#STRUCTURAL} so the table stays complete.
 */
public final class ParameterTable {
    /** What happens to a parameter. */
    public enum Treatment {
        /** Passed unchanged. */
        FORWARDED,
        /** Passed changed (a pseudonym, a shortened name, a gateway URL). */
        REWRITTEN,
        /** Never reaches the backend. */
        DROPPED,
        /** Shapes the request; see {@link ApiCalls}. */
        STRUCTURAL
    }

    /** A create request being built, with the lock settings collected on the side. */
    public static final class CreateDraft {
        final CreateMeetingRequest.Builder request;
        final LockSettings.Builder lock = LockSettings.builder();
        boolean hasLock;

        /**
         * A draft around a builder.
         *
         * @param request the builder
         */
        public CreateDraft(CreateMeetingRequest.Builder request) {
            this.request = request;
        }

        /**
         * Finishes the lock settings into the request.
         *
         * @return the builder
         */
        public CreateMeetingRequest.Builder finish() {
            if (hasLock) {
                request.lockSettings(lock.build());
            }
            return request;
        }
    }

    /** How a create parameter reaches the builder. */
    interface CreateRule {
        void apply(CreateDraft draft, String value, Tenant tenant, Privacy privacy);
    }

    /** How a join parameter reaches the builder. */
    interface JoinRule {
        void apply(JoinMeetingRequest.Builder request, String value, Tenant tenant, Privacy privacy);
    }

    private static final class Entry<R> {
        final Treatment treatment;
        final R rule;

        Entry(Treatment treatment, R rule) {
            this.treatment = treatment;
            this.rule = rule;
        }
    }

    private static final Map<String, Entry<CreateRule>> CREATE = new LinkedHashMap<>();
    private static final Map<String, Entry<JoinRule>> JOIN = new LinkedHashMap<>();

    /** The userdata keys (after {@code userdata-}) a join may pass. */
    static final Set<String> USERDATA = Set.of("bbb_override_default_locale");

    static {
        create("meetingID", Treatment.STRUCTURAL, null);
        create("name", Treatment.STRUCTURAL, null);
        create("attendeePW", Treatment.DROPPED, null);
        create("moderatorPW", Treatment.DROPPED, null);
        create("voiceBridge", Treatment.DROPPED, null);
        create("welcome", Treatment.STRUCTURAL, null);
        create("logoutURL", Treatment.REWRITTEN, (d, v, t, p) -> {
            if (isHttpUrl(v)) {
                d.request.logoutUrl(URI.create(p.gatewayUrl(Sealer.Purpose.LOGOUT, t, v)));
            }
        });
        create("record", Treatment.FORWARDED, (d, v, t, p) -> d.request.record(bool(v)));
        create("autoStartRecording", Treatment.FORWARDED, (d, v, t, p) -> d.request.autoStartRecording(bool(v)));
        create("allowStartStopRecording", Treatment.FORWARDED, (d, v, t, p) -> d.request.allowStartStopRecording(bool(v)));
        create("muteOnStart", Treatment.FORWARDED, (d, v, t, p) -> d.request.muteOnStart(bool(v)));
        create("maxParticipants", Treatment.FORWARDED, (d, v, t, p) -> {
            Integer n = nonNegative(v);
            if (n != null) {
                d.request.maxParticipants(n);
            }
        });
        create("guestPolicy", Treatment.FORWARDED, (d, v, t, p) -> {
            for (GuestPolicy g : GuestPolicy.values()) {
                if (g.name().equalsIgnoreCase(v)) {
                    d.request.guestPolicy(g);
                }
            }
        });
        lock("lockSettingsDisableCam", (l, b) -> l.disableCam(b));
        lock("lockSettingsDisableMic", (l, b) -> l.disableMic(b));
        lock("lockSettingsDisablePrivateChat", (l, b) -> l.disablePrivateChat(b));
        lock("lockSettingsDisablePublicChat", (l, b) -> l.disablePublicChat(b));
        lock("lockSettingsDisableNotes", (l, b) -> l.disableNotes(b));
        // Moodle's spelling, without the final s.
        lock("lockSettingsDisableNote", (l, b) -> l.disableNotes(b));
        lock("lockSettingsHideUserList", (l, b) -> l.hideUserList(b));
        lock("lockSettingsLockOnJoin", (l, b) -> l.lockOnJoin(b));
        lock("lockSettingsLockOnJoinConfigurable", (l, b) -> l.lockOnJoinConfigurable(b));
        lock("lockSettingsHideViewersCursor", (l, b) -> l.hideViewersCursor(b));
        lock("lockSettingsHideViewersAnnotation", (l, b) -> l.hideViewersAnnotation(b));

        join("meetingID", Treatment.STRUCTURAL, null);
        join("fullName", Treatment.STRUCTURAL, null);
        join("role", Treatment.STRUCTURAL, null);
        join("userID", Treatment.STRUCTURAL, null);
        join("guest", Treatment.STRUCTURAL, null);
        join("redirect", Treatment.STRUCTURAL, null);
        join("password", Treatment.DROPPED, null);
        join("avatarURL", Treatment.DROPPED, null);
        // ApiCalls has already answered mismatchCreateTimeParam for a value that is not a number, as bbb-web does.
        join("createTime", Treatment.FORWARDED, (r, v, t, p) -> r.createTime(Long.parseLong(v.strip())));
        join("logoutURL", Treatment.REWRITTEN, (r, v, t, p) -> {
            if (isHttpUrl(v)) {
                r.logoutUrl(URI.create(p.gatewayUrl(Sealer.Purpose.LOGOUT, t, v)));
            }
        });
        for (String key : USERDATA) {
            join("userdata-" + key, Treatment.FORWARDED, (r, v, t, p) -> r.userdata(key, v));
        }
    }

    private ParameterTable() {
    }

    private static void create(String name, Treatment treatment, CreateRule rule) {
        CREATE.put(name, new Entry<>(treatment, rule));
    }

    private static void join(String name, Treatment treatment, JoinRule rule) {
        JOIN.put(name, new Entry<>(treatment, rule));
    }

    private interface LockSetter {
        void set(LockSettings.Builder lock, boolean value);
    }

    private static void lock(String name, LockSetter setter) {
        create(name, Treatment.FORWARDED, (d, v, t, p) -> {
            setter.set(d.lock, bool(v));
            d.hasLock = true;
        });
    }

    /**
     * The treatment of every create parameter, for the documentation and its test.
     *
     * @return name → treatment, in table order
     */
    public static Map<String, Treatment> createTreatments() {
        Map<String, Treatment> out = new LinkedHashMap<>();
        CREATE.forEach((k, v) -> out.put(k, v.treatment));
        return Collections.unmodifiableMap(out);
    }

    /**
     * The treatment of every join parameter, for the documentation and its test.
     *
     * @return name → treatment, in table order
     */
    public static Map<String, Treatment> joinTreatments() {
        Map<String, Treatment> out = new LinkedHashMap<>();
        JOIN.forEach((k, v) -> out.put(k, v.treatment));
        return Collections.unmodifiableMap(out);
    }

    /**
     * Applies the non-structural create parameters ({@code meta_*} is {@link ApiCalls}' job).
     *
     * @param params the client's parameters
     * @param draft the request
     * @param tenant the tenant
     * @param privacy the policy
     * @return how many parameters were dropped
     */
    public static int applyCreate(Map<String, String> params, CreateDraft draft, Tenant tenant, Privacy privacy) {
        return apply(CREATE, true, params, (rule, value) -> rule.apply(draft, value, tenant, privacy));
    }

    /**
     * Applies the non-structural join parameters.
     *
     * @param params the client's parameters
     * @param request the request
     * @param tenant the tenant
     * @param privacy the policy
     * @return how many parameters were dropped
     */
    public static int applyJoin(Map<String, String> params, JoinMeetingRequest.Builder request, Tenant tenant, Privacy privacy) {
        return apply(JOIN, false, params, (rule, value) -> rule.apply(request, value, tenant, privacy));
    }

    private static <R> int apply(Map<String, Entry<R>> table, boolean skipMeta, Map<String, String> params,
            BiConsumer<R, String> applier) {
        int dropped = 0;
        for (Map.Entry<String, String> e : params.entrySet()) {
            String name = e.getKey();
            if (name.equals("checksum") || skipMeta && name.startsWith("meta_")) {
                continue;
            }
            Entry<R> entry = table.get(name);
            if (entry == null || entry.treatment == Treatment.DROPPED) {
                dropped++;
            } else if (entry.rule != null) {
                applier.accept(entry.rule, e.getValue());
            }
        }
        return dropped;
    }

    /** bbb-web's {@code Boolean.parseBoolean}: anything but a case-insensitive "true" is false. */
    static boolean bool(String v) {
        return "true".equals(v.strip().toLowerCase(Locale.ROOT));
    }

    /** bbb-web parses most numbers leniently: an unparsable value means "use the default". */
    private static Integer nonNegative(String v) {
        try {
            int n = Integer.parseInt(v.strip());
            return n >= 0 ? n : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    static boolean isHttpUrl(String v) {
        try {
            URI u = new URI(v);
            return u.isAbsolute() && ("http".equalsIgnoreCase(u.getScheme()) || "https".equalsIgnoreCase(u.getScheme()))
                    && u.getHost() != null;
        } catch (java.net.URISyntaxException e) {
            return false;
        }
    }
}
