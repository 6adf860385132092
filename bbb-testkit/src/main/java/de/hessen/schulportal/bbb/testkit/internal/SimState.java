// SPDX-License-Identifier: Apache-2.0
package de.hessen.schulportal.bbb.testkit.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * All simulated state and the rules that change it over time. Concurrency: meetings live in a
 * {@link ConcurrentHashMap} by external meeting ID; each meeting and recording is guarded by its
 * own monitor; creation is serialised by one lock so duplicate detection is atomic; time-based
 * work runs under {@link #tickLock} and only when something is due ({@link #nextDeadline}).
 */
public final class SimState {
    public final Config config;
    private final LongSupplier clock;
    public final Callbacks callbacks;
    /** Base URL with trailing slash, e.g. {@code http://127.0.0.1:8090/}; set once the port is known. */
    public volatile String serverUrl = "http://127.0.0.1/";

    private final ConcurrentHashMap<String, Meeting> current = new ConcurrentHashMap<>();
    /**
     * How many meetings of {@link #current} use each voice bridge, so a create finds a free one
     * without scanning every meeting while it holds the create lock.
     */
    private final ConcurrentHashMap<String, Integer> bridges = new ConcurrentHashMap<>();
    private final List<Meeting> history = new ArrayList<>();
    private final Object createLock = new Object();
    private final Object tickLock = new Object();
    private final AtomicLong lastCreateTime = new AtomicLong();
    private final AtomicLong nextDeadline = new AtomicLong(Long.MAX_VALUE);

    /** The registered webhooks. */
    public final HookRegistry hooks;
    /** The recordings of ended meetings. */
    public final RecordingStore recordings;

    public SimState(Config config, LongSupplier clock, Callbacks callbacks) {
        this.config = config;
        this.clock = clock;
        this.callbacks = callbacks;
        this.hooks = new HookRegistry(config, callbacks);
        this.recordings = new RecordingStore(this);
    }

    public long now() {
        return clock.getAsLong();
    }

    // ---------------------------------------------------------------- meetings

    /** The meeting the API sees under this ID (possibly ended but not yet destroyed), or null. */
    public Meeting lookup(String meetingId) {
        maybeTick();
        return meetingId == null ? null : current.get(meetingId);
    }

    /**
     * A breakout's parent: BBB names it by its internal ID ({@code parentMeetingID}); the external ID
     * is accepted too.
     */
    public Meeting parent(String id) {
        Meeting m = lookup(id);
        if (m != null || id == null) {
            return m;
        }
        for (Meeting c : current.values()) {
            if (c.internalId.equals(id)) {
                return c;
            }
        }
        return null;
    }

    /** Meetings the API sees, in creation order. */
    public List<Meeting> visibleMeetings() {
        maybeTick();
        List<Meeting> list = new ArrayList<>(current.values());
        list.sort(Comparator.comparingLong(m -> m.createTime));
        return list;
    }

    /** Every meeting ever created, in creation order (for inspection). */
    public List<Meeting> history() {
        synchronized (history) {
            return List.copyOf(history);
        }
    }

    /** Result of {@link #create}: the meeting and whether it already existed. */
    public record Created(Meeting meeting, boolean duplicate, boolean idNotUnique, boolean voiceBridgeInUse) {
    }

    /**
     * Creates a meeting, or reports the duplicate / conflict the way bbb-web's
     * {@code MeetingService.createMeeting} does (REFERENCE §5.1.1).
     */
    Created create(Meeting.Builder b, boolean passwordsGiven, List<Document> documents) {
        maybeTick();
        Meeting meeting;
        synchronized (createLock) {
            Meeting existing = current.get(b.meetingId);
            if (existing != null) {
                synchronized (existing) {
                    if (!existing.ended) {
                        boolean same = !passwordsGiven
                                || (existing.attendeePw.equals(b.attendeePw) && existing.moderatorPw.equals(b.moderatorPw));
                        return new Created(existing, same, !same, false);
                    }
                }
            }
            if (b.voiceBridge != null && bridges.containsKey(b.voiceBridge)) {
                for (Meeting other : current.values()) {
                    synchronized (other) {
                        if (!other.ended && other.voiceBridge.equals(b.voiceBridge)) {
                            return new Created(null, false, false, true);
                        }
                    }
                }
            } else if (b.voiceBridge == null) {
                b.voiceBridge = freeVoiceBridge();
            }
            // createTime doubles as part of the internal ID and record ID, so it must differ from
            // any earlier create even when a manual clock has not moved.
            long now = now();
            b.createTime = lastCreateTime.updateAndGet(last -> Math.max(now, last + 1));
            b.attendeePw = b.attendeePw == null ? Hashing.token(8) : b.attendeePw;
            b.moderatorPw = b.moderatorPw == null ? Hashing.token(8) : b.moderatorPw;
            meeting = new Meeting(b);
            meeting.documents.addAll(documents);
            current.put(meeting.meetingId, meeting);
            bridges.merge(meeting.voiceBridge, 1, Integer::sum);
            synchronized (history) {
                history.add(meeting);
            }
            if (meeting.isBreakout && meeting.parentMeetingId != null) {
                Meeting parent = parent(meeting.parentMeetingId);
                if (parent != null) {
                    synchronized (parent) {
                        parent.breakoutRooms.add(meeting.internalId);
                    }
                }
            }
        }
        synchronized (meeting) {
            emit(meeting, "meeting-created", Events.meetingCreated(meeting, now()));
            scheduleMeeting(meeting);
        }
        for (Document d : documents) {
            if (d.url() != null && d.content() == null) {
                Meeting target = meeting;
                // bbb-web fetches URL documents after answering create; the bytes replace the URL-only entry.
                callbacks.download(d.url(), bytes -> {
                    synchronized (target) {
                        int i = target.documents.indexOf(d);
                        if (i >= 0) {
                            target.documents.set(i, new Document(d.source(), d.url(), d.filename(), d.name(), d.current(),
                                    d.downloadable(), d.removable(), bytes));
                        }
                    }
                });
            }
        }
        return new Created(meeting, false, false, false);
    }

    private String freeVoiceBridge() {
        for (int attempt = 0; ; attempt++) {
            String candidate = Hashing.digits(5);
            if (!bridges.containsKey(candidate) || attempt > 50) {
                return candidate;
            }
        }
    }

    /** Removes a meeting from those the API sees and frees its voice bridge. */
    private void forget(Meeting m) {
        if (current.remove(m.meetingId, m)) {
            bridges.computeIfPresent(m.voiceBridge, (bridge, count) -> count == 1 ? null : count - 1);
        }
    }

    /** A user session found by its session token: the meeting and the attendee. */
    public record Session(Meeting meeting, Attendee attendee) {
    }

    /**
     * The session of a session token among the meetings the API sees (attendees, lobby and denied
     * guests), or null. A linear search: the simulator holds classes, not a country.
     */
    public Session session(String sessionToken) {
        if (sessionToken == null || sessionToken.isEmpty()) {
            return null;
        }
        for (Meeting m : visibleMeetings()) {
            synchronized (m) {
                for (List<Attendee> list : List.of(m.attendees, m.lobby, m.denied)) {
                    for (Attendee a : list) {
                        if (a.sessionToken.equals(sessionToken)) {
                            return new Session(m, a);
                        }
                    }
                }
            }
        }
        return null;
    }

    /** Admits an attendee (guest status ALLOW) or puts it into the lobby (WAIT). Caller holds the meeting lock. */
    void addAttendee(Meeting m, Attendee a) {
        if ("WAIT".equals(a.guestStatus)) {
            m.lobby.add(a);
            return;
        }
        if ("MODERATOR".equals(a.role) && m.presenter() == null) {
            a.presenter = true;
        }
        m.attendees.add(a);
        m.hasUserJoined = true;
        m.everJoinedUserIds.add(a.externalUserId);
        m.firstJoins.putIfAbsent(a.externalUserId, a);
        emit(m, "user-joined", Events.user("user-joined", m, a, now()));
        attendeesChanged(m);
    }

    /** Approves or denies a waiting guest; false if no such guest waits. */
    public boolean decideGuest(String meetingId, String userId, boolean approve) {
        Meeting m = lookup(meetingId);
        if (m == null) {
            return false;
        }
        synchronized (m) {
            Attendee a = m.find(m.lobby, userId);
            if (a == null || m.ended) {
                return false;
            }
            m.lobby.remove(a);
            if (approve) {
                a.guestStatus = "ALLOW";
                addAttendee(m, a);
            } else {
                a.guestStatus = "DENY";
                m.denied.add(a);
            }
            return true;
        }
    }

    /** Removes an attendee (or waiting guest) as if they closed the client; false if not found. */
    public boolean leave(String meetingId, String userId) {
        Meeting m = lookup(meetingId);
        if (m == null) {
            return false;
        }
        synchronized (m) {
            Attendee waiting = m.find(m.lobby, userId);
            if (waiting != null) {
                m.lobby.remove(waiting);
                return true;
            }
            Attendee a = m.find(m.attendees, userId);
            if (a == null) {
                return false;
            }
            m.attendees.remove(a);
            if (a.presenter) {
                a.presenter = false;
                passPresenter(m);
            }
            emit(m, "user-left", Events.user("user-left", m, a, now()));
            attendeesChanged(m);
            return true;
        }
    }

    /** When the presenter leaves, the longest-present moderator takes over, as in the HTML5 client. */
    private static void passPresenter(Meeting m) {
        for (Attendee other : m.attendees) {
            if ("MODERATOR".equals(other.role)) {
                other.presenter = true;
                return;
            }
        }
    }

    private void attendeesChanged(Meeting m) {
        long now = now();
        if (m.hasUserJoined && m.attendees.isEmpty()) {
            m.emptySince = m.emptySince < 0 ? now : m.emptySince;
        } else {
            m.emptySince = -1;
        }
        if (m.hasUserJoined && m.moderatorCount() == 0) {
            m.noModeratorSince = m.noModeratorSince < 0 ? now : m.noModeratorSince;
        } else {
            m.noModeratorSince = -1;
        }
        scheduleMeeting(m);
    }

    /**
     * Ends a meeting: remaining users leave, meeting-ended event and callbacks, a recording if the
     * meeting recorded and someone joined. Caller holds the meeting lock.
     */
    void end(Meeting m, boolean forced, String reason) {
        if (m.ended) {
            return;
        }
        long now = now();
        m.ended = true;
        m.forciblyEnded = forced;
        m.endTime = now;
        m.endReason = reason;
        for (Attendee a : m.attendees) {
            emit(m, "user-left", Events.user("user-left", m, a, now));
        }
        String analytics = m.metadata.get("analytics-callback-url");
        if (!m.isBreakout && m.hasUserJoined && analytics != null && !analytics.isBlank()) {
            callbacks.analytics(analytics, Events.analytics(m, now), config.primarySecret());
        }
        m.attendees.clear();
        m.lobby.clear();
        emit(m, "meeting-ended", Events.meetingEnded(m, now));
        m.removeAt = now + config.endedMeetingRetentionMs();
        if (config.endedMeetingRetentionMs() == 0) {
            forget(m); // bbb-web forgets an ended meeting at once
        } else {
            deadline(m.removeAt);
        }
        boolean recorded = m.record && m.hasUserJoined;
        if (recorded) {
            Recording r = new Recording(m, now, m.everJoinedUserIds.size(), now + config.recordingProcessingMs());
            recordings.add(r);
            emit(m, "rap-archive-ended", Events.rap("rap-archive-ended", r,
                    Map.of("recorded", true, "duration", now - m.createTime), now));
            deadline(r.readyAt);
        }
        if (!m.isBreakout) {
            String endCallback = m.metadata.get("endcallbackurl");
            if (endCallback != null && !endCallback.isBlank()) {
                String url = endCallback + (endCallback.indexOf('?') >= 0 ? '&' : '?')
                        + "meetingID=" + Callbacks.form(m.meetingId) + "&recordingmarks=" + recorded;
                callbacks.meetingEnded("meeting-ended-callback", url);
            }
            if (m.meetingEndedUrl != null && !m.meetingEndedUrl.isBlank()) {
                callbacks.meetingEnded("meeting-ended-url", m.meetingEndedUrl);
            }
        }
    }

    /** Ends a meeting from the test side (like {@code end}); false if unknown or already ended. */
    public boolean endFromTest(String meetingId) {
        Meeting m = lookup(meetingId);
        if (m == null) {
            return false;
        }
        synchronized (m) {
            if (m.ended) {
                return false;
            }
            end(m, true, "end");
            return true;
        }
    }

    void emit(Meeting m, String eventId, String json) {
        hooks.emit(m.meetingId, eventId, json, now());
    }

    // ---------------------------------------------------------------- time

    void deadline(long at) {
        nextDeadline.accumulateAndGet(at, Math::min);
    }

    private void scheduleMeeting(Meeting m) {
        if (m.ended) {
            deadline(m.removeAt);
            return;
        }
        if (m.durationMinutes > 0) {
            deadline(m.createTime + m.durationMinutes * 60_000L);
        }
        if (!m.hasUserJoined && m.expireIfNoUserJoinedMinutes > 0) {
            deadline(m.createTime + m.expireIfNoUserJoinedMinutes * 60_000L);
        }
        if (m.emptySince >= 0 && m.expireWhenLastUserLeftMinutes > 0) {
            deadline(m.emptySince + m.expireWhenLastUserLeftMinutes * 60_000L);
        }
        if (m.endWhenNoModerator && m.noModeratorSince >= 0) {
            deadline(m.noModeratorSince + m.endWhenNoModeratorDelayMinutes * 60_000L);
        }
    }

    /** Runs due work if anything is due; cheap otherwise, so it is called on every request. */
    public void maybeTick() {
        if (now() >= nextDeadline.get()) {
            tick();
        }
    }

    /** Runs all due time-based work. */
    public void tick() {
        synchronized (tickLock) {
            nextDeadline.set(Long.MAX_VALUE);
            long now = now();
            for (Meeting m : current.values()) {
                synchronized (m) {
                    if (!m.ended) {
                        String reason = dueEnd(m, now);
                        if (reason != null) {
                            end(m, false, reason);
                        } else {
                            scheduleMeeting(m);
                        }
                    } else if (now >= m.removeAt) {
                        forget(m);
                    } else {
                        deadline(m.removeAt);
                    }
                }
            }
            recordings.announceDue(now);
        }
    }

    private static String dueEnd(Meeting m, long now) {
        if (m.durationMinutes > 0 && now >= m.createTime + m.durationMinutes * 60_000L) {
            return "duration";
        }
        if (!m.hasUserJoined && m.expireIfNoUserJoinedMinutes > 0
                && now >= m.createTime + m.expireIfNoUserJoinedMinutes * 60_000L) {
            return "noUserJoined";
        }
        if (m.emptySince >= 0 && m.expireWhenLastUserLeftMinutes > 0
                && now >= m.emptySince + m.expireWhenLastUserLeftMinutes * 60_000L) {
            return "lastUserLeft";
        }
        if (m.endWhenNoModerator && m.noModeratorSince >= 0
                && now >= m.noModeratorSince + m.endWhenNoModeratorDelayMinutes * 60_000L) {
            return "noModerator";
        }
        return null;
    }
}
