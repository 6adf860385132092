// SPDX-License-Identifier: Apache-2.0
package de.hessen.schulportal.bbb.portal;

import de.hessen.schulportal.bbb.client.BbbClient;
import de.hessen.schulportal.bbb.client.MeetingNotFoundException;
import de.hessen.schulportal.bbb.client.meeting.CreateMeetingRequest;
import de.hessen.schulportal.bbb.client.meeting.CreateMeetingResponse;
import de.hessen.schulportal.bbb.client.meeting.GuestPolicy;
import de.hessen.schulportal.bbb.client.meeting.JoinMeetingRequest;
import de.hessen.schulportal.bbb.client.meeting.MeetingInfo;
import de.hessen.schulportal.bbb.portal.audit.AuditEvent;
import de.hessen.schulportal.bbb.portal.audit.AuditListener;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * The one entry point of the adapter: "this person opens this room" becomes a session in the right
 * meeting, joined on the server at the click, with data protection as the default.
 *
 * <pre>{@code
 * SchoolConferences conferences = SchoolConferences.builder()
 *         .tenants(TenantDirectory.single(bbb))
 *         .pseudonyms(Pseudonyms.fromBase64(System.getenv("BBB_PSEUDONYM_KEY")))
 *         .build();
 *
 * JoinOutcome outcome = conferences.join(room, person);
 * switch (outcome.kind()) {
 *     case SESSION:        return redirect(outcome.sessionUrl().orElseThrow());   // never log it
 *     case WAIT_FOR_START: return page("Die Konferenz hat noch nicht begonnen.");
 *     default:             return forbidden(outcome.decision().reason());
 * }
 * }</pre>
 *
 * <p><b>What {@code join} does.</b> The {@link RolePolicy} decides (per school, with the room's
 * overrides). A person who may start (a moderator) creates the meeting idempotently: BigBlueButton
 * answers a second {@code create} for a running meeting with the existing one, so two teachers
 * clicking at once land in the same meeting. Everyone else joins only if the meeting runs,
 * otherwise {@link JoinOutcome.Kind#WAIT_FOR_START}; they never create it. Whether it runs is asked
 * with {@code getMeetingInfo}, and remembered for a few seconds
 * ({@link Builder#runningMeetingCache(Duration)}) so that a class clicking at once costs one call.
 * Every join carries the meeting's {@code createTime}, so it never enters a later meeting of the
 * same room.
 *
 * <p><b>No browser holds a signed join URL.</b> The join is made here, on the server
 * ({@code redirect=false}; behind Scalelite its one redirect to a server's join is followed), and
 * the browser is sent to BigBlueButton's session URL ({@link JoinOutcome#sessionUrl()}): the
 * client with the session token, or the lobby's wait page. Role, guest flag, name, user ID and
 * {@code createTime} were fixed at that join, so the browser cannot bend them, as it could bend a
 * signed join URL (bbb-web removes every {@code checksum=<value>} from the query before hashing;
 * see {@link Builder#signedJoinLinks(boolean)}). Meetings are created with
 * {@code allowRequestsWithoutSession=true}: the join answer's cookie stays on the server, and
 * bbb-web lets the client in without it only with that flag ({@code ApiController.hasValidSession}
 * for {@code enter}, {@code stuns}, {@code getJoinUrl}, {@code learningDashboard}; 3.0's
 * {@code ConnectionController.checkAuthorization}). What the flag relaxes is only that binding of
 * the session token to the browser that joined: whoever holds the session URL enters as that
 * person, so treat it as a credential (redirect with {@code Referrer-Policy: no-referrer}, never
 * log it). A join that finds the meeting ended meanwhile tells a person who may not start it to
 * wait.
 *
 * <p><b>A running meeting is judged by how it was created.</b> The meeting ID includes the room's
 * kind, and every join into an existing meeting (moderators' too) compares the kind, lobby and a
 * digest of the policy-relevant settings written into the meeting's metadata at {@code create}
 * with the room as asked; a difference refuses the join ({@link Decision#ROOM_KIND_DIFFERS},
 * {@link Decision#LOBBY_NOT_AVAILABLE}, {@link Decision#ROOM_SETTINGS_DIFFER}).
 *
 * <p><b>Async.</b> {@link #async()} offers {@code join}, {@code end} and {@code status} on the
 * client's async path.
 *
 * <p><b>Lobby.</b> People who go through the lobby join with {@code guest=true}; everyone else
 * with an explicit {@code guest=false}. A room in which anyone may go through the lobby (guests
 * allowed, everyone to the lobby, or a role whose cell says LOBBY, like parents in a consultation)
 * is created with {@link GuestPolicy#ASK_MODERATOR}, others with {@link GuestPolicy#ALWAYS_ACCEPT}.
 * BigBlueButton 2.7 and 3.0 let users with {@code guest=false} in directly under
 * {@code ASK_MODERATOR}; promoting guests to moderator is switched off
 * ({@code allowPromoteGuestToModerator=false}).
 *
 * <p><b>Privacy defaults.</b>
 * <ul>
 *   <li>Meeting and user IDs are keyed pseudonyms ({@link Pseudonyms}); the school, room and
 *       person IDs never leave the portal.</li>
 *   <li>The only personal datum sent is the display name, shortened per role
 *       ({@link DisplayNamePolicy}); no avatar URL, no e-mail address.</li>
 *   <li>Metadata only from the allow-list ({@link MetadataPolicy}): origin and version; the
 *       adapter adds the room kind, whether the meeting has a lobby and may be recorded, a
 *       digest of its policy-relevant settings, and the school's pseudonym (for retention).</li>
 *   <li>Learning dashboard off everywhere by default; students, parents and guests are also
 *       excluded from it ({@code excludeFromDashboard=true}) should a school switch it on.</li>
 *   <li>No recording unless the room allows it; then {@code notifyRecordingIsOn=true}, no
 *       automatic start, no full-duration media, and the meeting's events are not kept beyond
 *       what a recording needs ({@code meetingKeepEvents=false}).</li>
 * </ul>
 *
 * <p><b>Recording without consent: what is and is not guaranteed.</b> A person whose
 * {@link Person#hasRecordingConsent()} is {@code false} joins with
 * {@code userdata-bbb_record_video=false}, the documented BigBlueButton client setting that keeps
 * the user's webcam stream out of the recording (bbb-web also refuses to let a user change it via
 * {@code getJoinUrl}). It is set on every link of such a person, recorded meeting or not, so it
 * holds even if the room's options change while its meeting runs. BigBlueButton records the
 * conference audio as one mix, so it <em>cannot</em> keep one voice out; with
 * {@link Builder#nonConsentingListenOnly(boolean)} viewers without consent join recorded meetings
 * listen-only ({@code userdata-bbb_force_listen_only=true}, which BigBlueButton does not apply to
 * moderators). Chat messages, shared notes, whiteboard annotations and the display name in them
 * are part of a recording whatever the consent: tell people so (the recording notice does).
 * These settings are enforced by the BigBlueButton HTML5 client, not by the server.
 *
 * <p><b>Thread-safety.</b> Thread-safe. Its only state is a short memory of meetings seen running
 * ({@link Builder#runningMeetingCache(Duration)}), so any number of portal instances can share the
 * work. Sync methods use the sync client, {@link #async()} uses {@link BbbClient#async()}.
 * Errors of BigBlueButton surface as the client's {@code BbbException}s; a school without a tenant
 * as {@link TenantNotFoundException}.
 *
 * <p><b>Logging and audit.</b> DEBUG only: the decision (kind, roles, outcome, reason code) and the
 * pseudonymous meeting ID. Never names, person IDs, session URLs or join links. Every final join
 * outcome is also an {@link AuditEvent} for the {@link Builder#auditListener(AuditListener) audit listener}.
 */
public final class SchoolConferences {
    /** Default of {@link Builder#runningMeetingCache(Duration)}: 5 seconds. */
    public static final Duration DEFAULT_RUNNING_MEETING_CACHE = Duration.ofSeconds(5);

    private final TenantDirectory tenants;
    private final MeetingRequests requests;
    private final RunningMeetings running;
    private final JoinSteps steps;
    private final SchoolConferencesAsync async;
    private final JoinAudit audit;

    private SchoolConferences(Builder b) {
        this.tenants = b.tenants;
        this.requests = new MeetingRequests(b.pseudonyms, b.rolePolicy, b.schoolPolicies, b.meetingDefaults,
                b.displayNames, b.metadataPolicy, b.metadata, b.nonConsentingListenOnly, b.logoutUrl, !b.signedJoinLinks);
        this.running = new RunningMeetings(b.clock, b.runningMeetingCache.toMillis());
        this.steps = new JoinSteps(requests, running, b.clock, b.signedJoinLinks);
        this.async = new SchoolConferencesAsync(this);
        this.audit = new JoinAudit(b.auditListener, b.pseudonyms, b.clock);
    }

    /**
     * Starts a builder. {@link Builder#tenants(TenantDirectory)} and
     * {@link Builder#pseudonyms(Pseudonyms)} are required.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The same operations on the async client: {@code join}, {@code end} and {@code status} return
     * {@link CompletableFuture}s, as {@link BbbClient#async()} does for the client.
     *
     * @return the async view of this facade; shares its configuration and running-meeting memory
     */
    public SchoolConferencesAsync async() {
        return async;
    }

    /**
     * The decision for a person in a room, without calling BigBlueButton: what {@link #join} would
     * do, for the portal's UI ("Beitreten" or "Warteraum" or greyed out). A running meeting created
     * with other settings can still refuse the join ({@link Decision#ROOM_SETTINGS_DIFFER}).
     *
     * @param room the room
     * @param person the person
     * @return the decision
     * @throws NullPointerException if an argument is null
     */
    public Decision decide(Room room, Person person) {
        Checks.required("room", room);
        return requests.policyFor(room.school()).decide(room, person);
    }

    /**
     * The policy that applies to a school: its own if one was configured, else the default.
     *
     * @param school the school
     * @return the policy
     * @throws NullPointerException if the school is null
     */
    public RolePolicy policyFor(School school) {
        return requests.policyFor(school);
    }

    /**
     * The pseudonymous BigBlueButton meeting ID of a room.
     *
     * @param room the room
     * @return the meeting ID
     * @throws NullPointerException if the room is null
     */
    public String meetingId(Room room) {
        return requests.meetingId(room);
    }

    /**
     * Turns "this person opens this room" into a session (joined on the server), a wait, or a denial. See the class
     * documentation for what happens.
     *
     * @param room the room
     * @param person the person, in the role and relation in which they join
     * @return the outcome
     * @throws NullPointerException if an argument is null
     * @throws IllegalArgumentException if a name breaks the display-name rule
     * @throws TenantNotFoundException if no BigBlueButton serves the school
     * @throws de.hessen.schulportal.bbb.client.BbbException if BigBlueButton failed
     */
    public JoinOutcome join(Room room, Person person) {
        return audit.report(room, person, decideAndJoin(room, person));
    }

    private JoinOutcome decideAndJoin(Room room, Person person) {
        Decision d = decide(room, person);
        String meetingId = meetingId(room);
        if (!d.isAdmitted()) {
            return JoinOutcome.denied(d, meetingId);
        }
        requests.checkNames(person);
        BbbClient bbb = tenants.clientFor(room.school());
        if (d.isAllowedToStart()) {
            // The adapter sends no passwords, so a repeated create is a duplicateWarning from bbb-web
            // and behind Scalelite alike (Scalelite makes up a moderatorPW only for a meeting it does
            // not know); an idNotUnique means someone else's meeting and is passed on to the caller.
            CreateMeetingResponse created = bbb.create(requests.create(room));
            if (!created.isDuplicate()) {
                return steps.join(bbb, steps.started(room, person, d, created));
            }
            RunningMeetings.Seen seen = running.recent(meetingId);
            if (seen == null) {
                try {
                    seen = steps.seen(bbb.getMeetingInfo(meetingId));
                } catch (MeetingNotFoundException e) {
                    seen = steps.createdJustNow(room, created);
                }
            }
            return steps.join(bbb, steps.judged(room, person, d, meetingId, seen));
        }
        RunningMeetings.Seen seen = running.recent(meetingId);
        if (seen != null) {
            return steps.join(bbb, steps.judged(room, person, d, meetingId, seen));
        }
        MeetingInfo info;
        try {
            info = bbb.getMeetingInfo(meetingId);
        } catch (MeetingNotFoundException e) {
            return JoinOutcome.waitForStart(d, meetingId);
        }
        return steps.join(bbb, steps.afterInfo(room, person, d, info));
    }

    /**
     * Ends the room's meeting and removes everyone from it.
     *
     * @param room the room
     * @return {@code true} if a meeting was ended, {@code false} if there was none
     * @throws NullPointerException if the room is null
     * @throws TenantNotFoundException if no BigBlueButton serves the school
     * @throws de.hessen.schulportal.bbb.client.BbbException if BigBlueButton failed
     */
    public boolean end(Room room) {
        String meetingId = meetingId(room);
        running.forget(meetingId);
        return JoinSteps.ended(meetingId, tenants.clientFor(room.school()).end(meetingId));
    }

    /**
     * Whether the room's meeting runs and who takes part, counted by role.
     *
     * @param room the room
     * @return the status; not running with zero counts if there is no meeting
     * @throws NullPointerException if the room is null
     * @throws TenantNotFoundException if no BigBlueButton serves the school
     * @throws de.hessen.schulportal.bbb.client.BbbException if BigBlueButton failed
     */
    public RoomStatus status(Room room) {
        String meetingId = meetingId(room);
        MeetingInfo info;
        try {
            info = tenants.clientFor(room.school()).getMeetingInfo(meetingId);
        } catch (MeetingNotFoundException e) {
            info = null;
        }
        return RoomStatus.of(meetingId, info, steps.now());
    }

    /**
     * The exact {@code create} request the adapter sends for a room, for review and audits.
     *
     * @param room the room
     * @return the request
     * @throws NullPointerException if the room is null
     * @throws IllegalArgumentException if the room's metadata is not on the allow-list
     */
    public CreateMeetingRequest createRequest(Room room) {
        return requests.create(room);
    }

    /**
     * The exact {@code join} request the adapter would send for a person in a room, for review and
     * audits (the record of processing is generated from it): display name, pseudonymous user ID,
     * lobby flag and the user settings for consent and the dashboard. Makes no call; its
     * {@code createTime} is a placeholder ({@code 1}), where a real join carries the running
     * meeting's.
     *
     * @param room the room, as it would be created (its recording option counts as the meeting's)
     * @param person the person
     * @return the request, or empty if the person would be refused
     * @throws NullPointerException if an argument is null
     * @throws IllegalArgumentException if a name breaks the display-name rule
     */
    public Optional<JoinMeetingRequest> joinRequest(Room room, Person person) {
        Decision d = decide(room, person);
        if (!d.isAdmitted()) {
            return Optional.empty();
        }
        return Optional.of(requests.join(room, person, d, 1L, room.options().isRecordingAllowed()));
    }

    // Shared with the async view.

    TenantDirectory tenants() {
        return tenants;
    }

    MeetingRequests requests() {
        return requests;
    }

    JoinSteps steps() {
        return steps;
    }

    JoinAudit audit() {
        return audit;
    }

    @Override
    public String toString() {
        return "SchoolConferences{pseudonyms=" + requests.pseudonyms() + ", schoolPolicies=" + requests.schoolPolicyCount()
                + ", nonConsentingListenOnly=" + requests.nonConsentingListenOnly() + '}';
    }

    /**
     * Configures {@link SchoolConferences}. Each setter returns this builder and replaces the value set
     * before (for {@code schoolPolicy} and {@code metadata}, the one for that school or key); a
     * {@code null} argument throws {@link NullPointerException} naming it, and a value breaking a rule
     * throws {@link IllegalArgumentException} in the setter. {@link #tenants} and {@link #pseudonyms} are
     * required at {@link #build()}, which copies. Not thread-safe.
     */
    public static final class Builder {
        private TenantDirectory tenants;
        private Pseudonyms pseudonyms;
        private RolePolicy rolePolicy = RolePolicy.defaults();
        private final Map<String, RolePolicy> schoolPolicies = new HashMap<>();
        private MeetingDefaults meetingDefaults = MeetingDefaults.defaults();
        private DisplayNamePolicy displayNames = DisplayNamePolicy.defaults();
        private MetadataPolicy metadataPolicy = MetadataPolicy.defaults();
        private final Map<String, String> metadata = new LinkedHashMap<>();
        private boolean nonConsentingListenOnly;
        private URI logoutUrl;
        private Clock clock = Clock.systemUTC();
        private Duration runningMeetingCache = DEFAULT_RUNNING_MEETING_CACHE;
        private boolean signedJoinLinks;
        private AuditListener auditListener = AuditListener.NONE;

        private Builder() {
            metadata.put("bbb-origin", "schulportal");
            metadata.put("bbb-origin-version", "0.1.0");
        }

        /** Which BigBlueButton serves which school. Required. */
        public Builder tenants(TenantDirectory value) {
            this.tenants = Checks.required("tenants", value);
            return this;
        }

        /** The keyed pseudonyms for meeting and user IDs. Required. */
        public Builder pseudonyms(Pseudonyms value) {
            this.pseudonyms = Checks.required("pseudonyms", value);
            return this;
        }

        /** The role policy of every school without its own. Default {@link RolePolicy#defaults()}. */
        public Builder rolePolicy(RolePolicy value) {
            this.rolePolicy = Checks.required("rolePolicy", value);
            return this;
        }

        /** The role policy of one school, replacing the general one there. */
        public Builder schoolPolicy(String schoolId, RolePolicy value) {
            schoolPolicies.put(Checks.text("schoolId", schoolId, 128), Checks.required("policy", value));
            return this;
        }

        /** The meeting settings per kind. Default {@link MeetingDefaults#defaults()}. */
        public Builder meetingDefaults(MeetingDefaults value) {
            this.meetingDefaults = Checks.required("meetingDefaults", value);
            return this;
        }

        /** How names are shown. Default {@link DisplayNamePolicy#defaults()}. */
        public Builder displayNames(DisplayNamePolicy value) {
            this.displayNames = Checks.required("displayNames", value);
            return this;
        }

        /** Which metadata keys may be sent. Default {@link MetadataPolicy#defaults()}. */
        public Builder metadataPolicy(MetadataPolicy value) {
            this.metadataPolicy = Checks.required("metadataPolicy", value);
            return this;
        }

        /**
         * A metadata entry for every meeting. Defaults: {@code bbb-origin=schulportal},
         * {@code bbb-origin-version=0.1.0}. The key must be on the allow-list of the metadata
         * policy in effect at {@link #build()}.
         *
         * @param key the key, without {@code meta_}
         * @param value a short machine value {@code [A-Za-z0-9._:-]{1,64}}
         * @throws IllegalArgumentException if the value is not a short machine value
         */
        public Builder metadata(String key, String value) {
            MetadataPolicy.checkEntry(key, value);
            metadata.put(key, value);
            return this;
        }

        /**
         * Whether viewers without recording consent join recorded meetings listen-only, so their
         * voice is not in the recording. Default {@code false}: BigBlueButton cannot keep a single
         * voice out of the audio mix, and silencing pupils is a pedagogical decision for the school.
         */
        public Builder nonConsentingListenOnly(boolean value) {
            this.nonConsentingListenOnly = value;
            return this;
        }

        /**
         * Where BigBlueButton sends people who leave a meeting, e.g. the portal's room page.
         * Default: the server's.
         *
         * @param value an absolute http(s) URL
         */
        public Builder logoutUrl(URI value) {
            this.logoutUrl = Checks.required("logoutUrl", value);
            return this;
        }

        /**
         * The clock for {@link RoomStatus#observedAt()} and the time of audit events. Default UTC
         * system clock.
         */
        public Builder clock(Clock value) {
            this.clock = Checks.required("clock", value);
            return this;
        }

        /**
         * How long a meeting seen running is taken as running without asking BigBlueButton again.
         * At 8 o'clock thirty pupils open the same lesson within a minute; each would otherwise
         * cost a {@code getMeetingInfo}. Within this time a pupil's link is signed from what the
         * last {@code getMeetingInfo} said (its {@code createTime}, lobby and record flags). If the
         * meeting ends meanwhile, such a link fails on BigBlueButton's side (the meeting is gone,
         * or a new one has another {@code createTime}) and the next click, after this time, asks
         * again. {@link SchoolConferences#end(Room)} forgets the room at once. Only "running" is
         * remembered: a person told to wait is never told so from memory. Default
         * {@link SchoolConferences#DEFAULT_RUNNING_MEETING_CACHE}; {@link Duration#ZERO} asks
         * every time.
         *
         * @param value zero or a positive duration, at most one minute
         */
        public Builder runningMeetingCache(Duration value) {
            Checks.required("runningMeetingCache", value);
            if (value.isNegative() || value.compareTo(Duration.ofMinutes(1)) > 0) {
                throw new IllegalArgumentException("runningMeetingCache must be between 0 and 1 minute, was " + value);
            }
            this.runningMeetingCache = value;
            return this;
        }

        /**
         * Opt-in: hand the browser a signed BigBlueButton join URL
         * ({@link JoinOutcome.Kind#SIGNED_LINK}) instead of joining on the server at the click
         * ({@link JoinOutcome.Kind#SESSION}). Default {@code false}.
         *
         * <p><b>Weakness.</b> bbb-web checks a checksum by removing every occurrence of
         * {@code checksum=<value>} from the query before hashing, so whoever holds a signed link
         * can splice that text into another parameter and still pass: {@code &guest=true} becomes
         * {@code &gchecksum=<value>uest=true} and the guest skips the lobby, {@code createTime}
         * disappears and the link works in later meetings of the room, the user ID or meeting ID
         * are cut short. Use it only where the browser's holder is trusted with the role the link
         * grants and the server in front of BigBlueButton refuses such queries. With the opt-in,
         * meetings are created without {@code allowRequestsWithoutSession}: the browser carries
         * the join answer's cookie itself.
         *
         * @param value {@code true} for signed links in the browser
         */
        public Builder signedJoinLinks(boolean value) {
            this.signedJoinLinks = value;
            return this;
        }

        /**
         * Where the adapter reports every final join decision (allowed, lobby, waiting, refused
         * with the reason's key; for recordable meetings whether the person consented), with
         * pseudonyms only: see {@link AuditEvent}. Called once per {@code join}, sync and async,
         * also for a refusal that makes no call. Default {@link AuditListener#NONE}.
         *
         * @param value the listener; an exception it throws is logged and ignored
         */
        public Builder auditListener(AuditListener value) {
            this.auditListener = Checks.required("auditListener", value);
            return this;
        }

        /**
         * Validates and builds the facade.
         *
         * @return the facade
         * @throws IllegalArgumentException if tenants or pseudonyms are missing or a metadata key is
         *                                  not allow-listed
         */
        public SchoolConferences build() {
            Checks.required("tenants", tenants);
            Checks.required("pseudonyms", pseudonyms);
            metadata.forEach(metadataPolicy::check);
            return new SchoolConferences(this);
        }
    }
}
