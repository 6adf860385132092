// SPDX-License-Identifier: Apache-2.0
package de.hessen.schulportal.bbb.portal.retention;

import de.hessen.schulportal.bbb.client.BbbApiException;
import de.hessen.schulportal.bbb.client.BbbClient;
import de.hessen.schulportal.bbb.client.BbbException;
import de.hessen.schulportal.bbb.client.recording.GetRecordingsRequest;
import de.hessen.schulportal.bbb.client.recording.Recording;
import de.hessen.schulportal.bbb.client.recording.RecordingState;
import de.hessen.schulportal.bbb.client.recording.RecordingsPage;
import de.hessen.schulportal.bbb.portal.Pseudonyms;
import de.hessen.schulportal.bbb.portal.Room;
import de.hessen.schulportal.bbb.portal.RoomKind;
import de.hessen.schulportal.bbb.portal.School;
import de.hessen.schulportal.bbb.portal.TenantDirectory;
import de.hessen.schulportal.bbb.portal.audit.AuditEvent;
import de.hessen.schulportal.bbb.portal.audit.AuditListener;
import de.hessen.schulportal.bbb.portal.retention.RetentionReport.Action;
import de.hessen.schulportal.bbb.portal.retention.RetentionReport.Entry;
import de.hessen.schulportal.bbb.portal.retention.RetentionReport.Mode;
import de.hessen.schulportal.bbb.portal.retention.RetentionReport.Result;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Deletes recordings when their retention period has passed, and every recording of a room on
 * request. Decides from each recording's own metadata, which the adapter writes at {@code create}:
 * the school's pseudonym ({@value #META_SCHOOL}), the room kind ({@value #META_KIND}), and the
 * recording's end time.
 *
 * <pre>{@code
 * RecordingRetention retention = RecordingRetention.builder()
 *         .tenants(tenants)                                  // the same directory as SchoolConferences
 *         .pseudonyms(pseudonyms)                            // the same key
 *         .previousPseudonyms(Pseudonyms.fromBase64(oldKey)) // keys retired by a rotation
 *         .policy(RetentionPolicy.defaults())
 *         .build();
 * System.out.print(retention.plan(schools).toText());      // dry run: the plan
 * RetentionReport done = retention.apply(schools);          // deletes what is past its period
 * }</pre>
 *
 * <p><b>Listing.</b> For each school (and each pseudonym key, current and previous) the recordings
 * whose {@value #META_SCHOOL} is the school's pseudonym, in the states published, unpublished,
 * processing and processed. bbb-web pages ({@code offset}/{@code limit}, 2.6+); Scalelite answers
 * without paging, so a page that comes back unpaged and full is fetched again without a limit.
 * The whole list is read before anything is deleted, so deletions cannot shift the pages.
 *
 * <p><b>No state of its own.</b> Every run decides from what the server lists now. A recording
 * another run (a second instance, a rerun after a failure) deleted first answers {@code notFound}
 * and is reported {@link Result#ALREADY_GONE}, not as an error; a failed delete is reported
 * {@link Result#FAILED} and tried again by the next run. Recordings still being processed cannot
 * be deleted through the API and are kept (note {@code processing}) until a later run.
 *
 * <p><b>Recordings the SDK did not create are never touched</b> unless
 * {@link Builder#foreignRecordings(Duration)} is set: without it, only recordings carrying the
 * school pseudonym of a listed school are seen at all.
 *
 * <p>Each deletion is reported to the {@link AuditListener} ({@link AuditEvent#RECORDING_DELETED},
 * {@link AuditEvent#RECORDING_ERASED}) with pseudonyms only. Thread-safe; holds no state between
 * calls.
 */
public final class RecordingRetention {
    /** The metadata key with the school's pseudonym, written by the adapter at {@code create}. */
    public static final String META_SCHOOL = "room-school";
    /** The metadata key with the room kind, written by the adapter at {@code create}. */
    public static final String META_KIND = "room-kind";
    private static final Logger LOG = LoggerFactory.getLogger(RecordingRetention.class);
    private static final RecordingState[] LISTED = {RecordingState.PUBLISHED, RecordingState.UNPUBLISHED,
        RecordingState.PROCESSING, RecordingState.PROCESSED};

    private final TenantDirectory tenants;
    private final List<Pseudonyms> keys;
    private final RetentionPolicy policy;
    private final Map<String, RetentionPolicy> schoolPolicies;
    private final Duration foreign;
    private final Clock clock;
    private final AuditListener audit;
    private final int pageSize;

    private RecordingRetention(Builder b) {
        this.tenants = b.tenants;
        List<Pseudonyms> all = new ArrayList<>();
        all.add(b.pseudonyms);
        all.addAll(b.previous);
        this.keys = List.copyOf(all);
        this.policy = b.policy;
        this.schoolPolicies = Map.copyOf(b.schoolPolicies);
        this.foreign = b.foreign;
        this.clock = b.clock;
        this.audit = AuditListener.guarded(b.audit);
        this.pageSize = b.pageSize;
    }

    /**
     * Starts a builder; {@link Builder#tenants} and {@link Builder#pseudonyms} are required.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The policy that applies to a school: its own, else the general one.
     *
     * @param school the school
     * @return the policy
     */
    public RetentionPolicy policyFor(School school) {
        return schoolPolicies.getOrDefault(Objects.requireNonNull(school, "school").id(), policy);
    }

    /**
     * The dry run: what {@link #apply} would do now, without deleting anything.
     *
     * @param schools the schools whose recordings are judged
     * @return the plan; every entry {@link Result#PLANNED} or {@link Result#KEPT}
     * @throws de.hessen.schulportal.bbb.portal.TenantNotFoundException if a school has no tenant
     * @throws BbbException if listing failed
     */
    public RetentionReport plan(Collection<School> schools) {
        List<Entry> entries = new ArrayList<>();
        judge(schools, (e, bbb) -> entries.add(e));
        return new RetentionReport(Mode.DRY_RUN, entries);
    }

    /**
     * Lists, decides and deletes what is past its period. Safe to rerun and to run on several
     * instances at once.
     *
     * @param schools the schools whose recordings are judged
     * @return what was done; a failed delete is an entry with {@link Result#FAILED}, not an exception
     * @throws de.hessen.schulportal.bbb.portal.TenantNotFoundException if a school has no tenant
     * @throws BbbException if listing failed (every school is listed before anything is deleted, so
     *                      nothing was deleted then)
     */
    public RetentionReport apply(Collection<School> schools) {
        // The whole list first: deleting while paging would shift the pages.
        Map<Entry, BbbClient> planned = new LinkedHashMap<>();
        judge(schools, planned::put);
        List<Entry> done = new ArrayList<>(planned.size());
        planned.forEach((e, bbb) -> done.add(e.action() == Action.DELETE ? delete(bbb, e, AuditEvent.RECORDING_DELETED) : e));
        return new RetentionReport(Mode.APPLY, done);
    }

    /**
     * Deletes every recording of a room: of every meeting ID the room has had, under every room
     * kind and every pseudonym key (current and {@link Builder#previousPseudonyms previous}). For
     * when a course ends or a parent asks. Recordings still being processed are reported
     * {@link Action#KEEP} with note {@code processing}: erase again once they are processed.
     *
     * @param school the room's school
     * @param roomId the room's portal ID
     * @return what was found and deleted
     * @throws de.hessen.schulportal.bbb.portal.TenantNotFoundException if the school has no tenant
     * @throws BbbException if listing failed
     */
    public RetentionReport eraseRoom(School school, String roomId) {
        Objects.requireNonNull(school, "school");
        Objects.requireNonNull(roomId, "roomId");
        BbbClient bbb = tenants.clientFor(school);
        List<String> meetingIds = new ArrayList<>();
        Map<String, String> kindOf = new HashMap<>();
        for (Pseudonyms p : keys) {
            for (RoomKind kind : RoomKind.values()) {
                String id = p.meetingId(Room.builder(school, roomId, kind).build());
                meetingIds.add(id);
                kindOf.put(id, kind.wireValue());
            }
        }
        Map<String, Recording> found = new LinkedHashMap<>();
        list(bbb, GetRecordingsRequest.builder().meetingIds(meetingIds.toArray(new String[0])).states(LISTED),
                r -> found.putIfAbsent(r.recordId(), r));
        Instant now = clock.instant();
        List<Entry> done = new ArrayList<>();
        for (Recording r : found.values()) {
            if (!meetingIds.contains(r.meetingId())) {
                continue; // a prefix match of bbb-web that is not one of this room's IDs
            }
            String schoolPseudonym = r.metadata().getOrDefault(META_SCHOOL, "-");
            Duration age = age(r, now);
            Entry e = processing(r)
                    ? new Entry(schoolPseudonym, r.meetingId(), r.recordId(), kindOf.get(r.meetingId()), age, null,
                            Action.KEEP, Result.KEPT, "processing")
                    : new Entry(schoolPseudonym, r.meetingId(), r.recordId(), kindOf.get(r.meetingId()), age, null,
                            Action.DELETE, Result.PLANNED, "");
            done.add(e.action() == Action.DELETE ? delete(bbb, e, AuditEvent.RECORDING_ERASED) : e);
        }
        return new RetentionReport(Mode.ERASE, done);
    }

    /** Lists and decides; hands each entry with the client that listed it to {@code sink}. */
    private void judge(Collection<School> schools, java.util.function.BiConsumer<Entry, BbbClient> sink) {
        Objects.requireNonNull(schools, "schools");
        Instant now = clock.instant();
        Map<BbbClient, Boolean> clients = new IdentityHashMap<>();
        for (School school : schools) {
            BbbClient bbb = tenants.clientFor(school);
            clients.put(bbb, Boolean.TRUE);
            RetentionPolicy p = policyFor(school);
            Map<String, Recording> found = new LinkedHashMap<>();
            for (Pseudonyms key : keys) {
                String pseudonym = key.schoolId(school);
                list(bbb, GetRecordingsRequest.builder().meta(META_SCHOOL, pseudonym).states(LISTED), r -> {
                    if (pseudonym.equals(r.metadata().get(META_SCHOOL))) {
                        found.putIfAbsent(r.recordId(), r);
                    }
                });
            }
            for (Recording r : found.values()) {
                String kind = r.metadata().getOrDefault(META_KIND, "-");
                sink.accept(decide(r, r.metadata().get(META_SCHOOL), kind, p.periodOf(kind), now), bbb);
            }
        }
        if (foreign != null) {
            for (BbbClient bbb : clients.keySet()) {
                list(bbb, GetRecordingsRequest.builder().states(LISTED), r -> {
                    if (!r.metadata().containsKey(META_SCHOOL)) {
                        sink.accept(decide(r, "-", r.metadata().getOrDefault(META_KIND, "-"), foreign, now), bbb);
                    }
                });
            }
        }
    }

    private static Entry decide(Recording r, String school, String kind, Duration period, Instant now) {
        Duration age = age(r, now);
        if (processing(r)) {
            return new Entry(school, r.meetingId(), r.recordId(), kind, age, period, Action.KEEP, Result.KEPT, "processing");
        }
        if (age == null) {
            return new Entry(school, r.meetingId(), r.recordId(), kind, null, period, Action.KEEP, Result.KEPT, "no-time");
        }
        return age.compareTo(period) >= 0
                ? new Entry(school, r.meetingId(), r.recordId(), kind, age, period, Action.DELETE, Result.PLANNED, "")
                : new Entry(school, r.meetingId(), r.recordId(), kind, age, period, Action.KEEP, Result.KEPT, "");
    }

    private static boolean processing(Recording r) {
        return r.state() == RecordingState.PROCESSING || r.state() == RecordingState.PROCESSED;
    }

    private static Duration age(Recording r, Instant now) {
        Instant end = r.endTime().or(r::startTime).orElse(null);
        if (end == null) {
            return null;
        }
        Duration age = Duration.between(end, now);
        return age.isNegative() ? Duration.ZERO : age;
    }

    private Entry delete(BbbClient bbb, Entry e, String eventName) {
        Result result;
        String note = "";
        try {
            bbb.deleteRecordings(List.of(e.recordId()));
            result = Result.DELETED;
        } catch (BbbApiException ex) {
            if ("notFound".equals(ex.messageKey())) {
                result = Result.ALREADY_GONE;
            } else {
                result = Result.FAILED;
                note = ex.messageKey();
            }
        } catch (BbbException ex) {
            result = Result.FAILED;
            note = ex.getClass().getSimpleName();
        }
        if (result == Result.FAILED) {
            LOG.warn("recording delete failed [meetingId={} recordId={} error={}]", e.meetingId(), e.recordId(), note);
        } else {
            AuditEvent.Builder a = AuditEvent.builder(eventName, clock.instant()).field("school", e.school())
                    .field("meeting", e.meetingId()).field("recording", e.recordId()).field("kind", e.kind());
            e.age().ifPresent(age -> a.field("ageDays", age.toDays()));
            e.period().ifPresent(period -> a.field("periodDays", period.toDays()));
            audit.onEvent(a.field("result", result == Result.DELETED ? "deleted" : "already-gone").build());
        }
        return e.withResult(result, note);
    }

    /** Every recording of a request: paged on bbb-web; on a server that does not page, all at once. */
    private void list(BbbClient bbb, GetRecordingsRequest.Builder request, Consumer<Recording> each) {
        GetRecordingsRequest unpaged = request.build();
        int offset = 0;
        while (true) {
            RecordingsPage page = bbb.getRecordings(unpaged.page(offset, pageSize));
            if (!page.isPaged()) {
                if (page.recordings().size() >= pageSize) {
                    // Not paged, but full: a server that honours limit without paging (a proxy).
                    // Without a limit it lists everything that matches.
                    page = bbb.getRecordings(unpaged);
                }
                page.recordings().forEach(each);
                return;
            }
            page.recordings().forEach(each);
            if (!page.hasMore()) {
                return;
            }
            offset += page.recordings().size();
        }
    }

    @Override
    public String toString() {
        return "RecordingRetention{keys=" + keys.size() + ", policy=" + policy + ", schoolPolicies=" + schoolPolicies.size()
                + ", foreign=" + foreign + '}';
    }

    /**
     * Configures a {@link RecordingRetention}. Each setter returns this builder and replaces the value
     * set before ({@code previousPseudonyms} adds, {@code schoolPolicy} replaces that school's policy);
     * a {@code null} argument throws {@link NullPointerException} naming it, and a value out of range
     * throws {@link IllegalArgumentException} in the setter. {@link #tenants} and {@link #pseudonyms}
     * are required at {@link #build()}. Not thread-safe.
     */
    public static final class Builder {
        private TenantDirectory tenants;
        private Pseudonyms pseudonyms;
        private final List<Pseudonyms> previous = new ArrayList<>();
        private RetentionPolicy policy = RetentionPolicy.defaults();
        private final Map<String, RetentionPolicy> schoolPolicies = new HashMap<>();
        private Duration foreign;
        private Clock clock = Clock.systemUTC();
        private AuditListener audit = AuditListener.NONE;
        private int pageSize = 100;

        private Builder() {
        }

        /**
         * Which BigBlueButton serves which school: the directory {@code SchoolConferences} uses.
         * Required.
         */
        public Builder tenants(TenantDirectory value) {
            this.tenants = Objects.requireNonNull(value, "tenants");
            return this;
        }

        /** The current pseudonym key, the one {@code SchoolConferences} uses. Required. */
        public Builder pseudonyms(Pseudonyms value) {
            this.pseudonyms = Objects.requireNonNull(value, "pseudonyms");
            return this;
        }

        /**
         * Keys retired by a rotation whose recordings may still exist: their school pseudonyms
         * and meeting IDs are searched too. Keep a key here until its last recording is gone.
         *
         * @param values the old pseudonyms, oldest last
         */
        public Builder previousPseudonyms(Pseudonyms... values) {
            for (Pseudonyms p : Objects.requireNonNull(values, "previousPseudonyms")) {
                previous.add(Objects.requireNonNull(p, "previousPseudonyms"));
            }
            return this;
        }

        /** The policy of every school without its own. Default {@link RetentionPolicy#defaults()}. */
        public Builder policy(RetentionPolicy value) {
            this.policy = Objects.requireNonNull(value, "policy");
            return this;
        }

        /** The policy of one school. */
        public Builder schoolPolicy(String schoolId, RetentionPolicy value) {
            schoolPolicies.put(School.of(schoolId).id(), Objects.requireNonNull(value, "policy"));
            return this;
        }

        /**
         * Also judge recordings that carry no school pseudonym (made before the adapter wrote one,
         * or not by the adapter at all), on the servers of the listed schools, with this period.
         * Default: they are never touched.
         *
         * @param period zero or positive
         * @throws IllegalArgumentException if the period is negative
         */
        public Builder foreignRecordings(Duration period) {
            Objects.requireNonNull(period, "foreignRecordings");
            if (period.isNegative()) {
                throw new IllegalArgumentException("foreignRecordings must be zero or positive, was " + period);
            }
            this.foreign = period;
            return this;
        }

        /** The clock ages are measured with. Default the UTC system clock. */
        public Builder clock(Clock value) {
            this.clock = Objects.requireNonNull(value, "clock");
            return this;
        }

        /** Where deletions are reported. Default {@link AuditListener#NONE}. */
        public Builder auditListener(AuditListener value) {
            this.audit = Objects.requireNonNull(value, "auditListener");
            return this;
        }

        /**
         * How many recordings one {@code getRecordings} page asks for. Default 100 (bbb-web's maximum).
         *
         * @param value 1 to 100
         * @throws IllegalArgumentException if out of range
         */
        public Builder pageSize(int value) {
            if (value < 1 || value > 100) {
                throw new IllegalArgumentException("pageSize must be between 1 and 100, was " + value);
            }
            this.pageSize = value;
            return this;
        }

        /**
         * Builds the job.
         *
         * @return the job
         * @throws IllegalArgumentException if tenants or pseudonyms are missing
         */
        public RecordingRetention build() {
            if (tenants == null || pseudonyms == null) {
                throw new IllegalArgumentException("tenants and pseudonyms are required");
            }
            return new RecordingRetention(this);
        }
    }
}
