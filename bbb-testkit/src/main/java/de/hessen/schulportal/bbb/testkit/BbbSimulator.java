// SPDX-License-Identifier: Apache-2.0
package de.hessen.schulportal.bbb.testkit;

import de.hessen.schulportal.bbb.testkit.internal.Backend;
import de.hessen.schulportal.bbb.testkit.internal.Delivery;
import de.hessen.schulportal.bbb.testkit.internal.Hashing;
import de.hessen.schulportal.bbb.testkit.internal.Hook;
import de.hessen.schulportal.bbb.testkit.internal.HttpFront;
import de.hessen.schulportal.bbb.testkit.internal.Meeting;
import de.hessen.schulportal.bbb.testkit.internal.Recording;
import de.hessen.schulportal.bbb.testkit.internal.RequestLog;
import de.hessen.schulportal.bbb.testkit.internal.SimState;
import de.hessen.schulportal.bbb.testkit.internal.Simulation;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * An embedded, stateful BigBlueButton API server for tests. It judges requests the way bbb-web
 * does (raw query string, checksum by length, secrets), keeps meetings, attendees, a guest lobby,
 * recordings and webhooks, sends signed callbacks, and can inject faults.
 *
 * <pre>{@code
 * try (BbbSimulator sim = BbbSimulator.start()) {
 *     BbbClient bbb = BbbClient.builder().baseUrl(sim.baseUrl()).secret(sim.secret()).build();
 *     bbb.create(...);
 *     assertThat(sim.meeting("room-1")).isPresent();
 * }
 * }</pre>
 *
 * <p>It listens on {@code 127.0.0.1} only. All methods are thread-safe; inspection methods return
 * immutable snapshots. The default clock is {@linkplain SimulatorClock#manual() manual}: time-based
 * behaviour happens when the test calls {@code sim.clock().advance(...)}. Closing stops the server
 * and the callback sender; it is idempotent.
 */
public final class BbbSimulator implements AutoCloseable {
    private final String secret;
    private final SimulatorMode mode;
    private final Simulation sim;
    private final Faults faults;
    private final SimulatorClock clock;
    private final Runnable tickOnAdvance;
    private volatile boolean closed;

    BbbSimulator(BbbSimulatorBuilder b) throws IOException {
        this.secret = b.secret == null ? Hashing.token(40) : b.secret;
        this.mode = b.mode;
        this.clock = b.clock == null ? SimulatorClock.manual() : b.clock;
        List<String> secrets = new ArrayList<>();
        secrets.add(secret);
        secrets.addAll(b.additionalSecrets);
        this.sim = new Simulation(new Simulation.Settings(mode == SimulatorMode.SCALELITE, secrets, b.tenants, b.servers,
                b.algorithms, b.recordingProcessingTime.toMillis(), b.hookAlgorithm, b.legacyHookChecksum,
                b.endedMeetingRetention.toMillis(),
                b.port, HttpFront.Limits.defaults().withIdleTimeout(b.idleTimeout.toMillis())), clock::millis);
        this.faults = new Faults(sim.faults());
        this.tickOnAdvance = sim::tick;
        clock.onAdvance(tickOnAdvance);
    }

    /**
     * Starts a simulator on a random free port with a random secret and a manual clock.
     *
     * @return the running simulator; close it when done
     * @throws UncheckedIOException if no port could be bound
     */
    public static BbbSimulator start() {
        return builder().start();
    }

    /**
     * A builder with the defaults of {@link #start()}.
     *
     * @return a new builder
     */
    public static BbbSimulatorBuilder builder() {
        return new BbbSimulatorBuilder();
    }

    /**
     * {@code http://127.0.0.1:<port>/bigbluebutton/}; the API is under {@code api/} below it.
     *
     * @return the base URL, ending with a slash
     */
    public String baseUrl() {
        return "http://127.0.0.1:" + port() + "/bigbluebutton/";
    }

    /**
     * {@code http://127.0.0.1:<port>/bigbluebutton/api/}.
     *
     * @return the API URL, ending with a slash
     */
    public String apiUrl() {
        return baseUrl() + "api/";
    }

    /**
     * The base URL of a Scalelite tenant for loopback tests,
     * {@code http://127.0.0.1:<port>/t/<tenant>/bigbluebutton/}: requests through it are judged with
     * that tenant's secrets, as Scalelite does for the host {@code <tenant>.<domain>}.
     *
     * @param tenant the tenant name given to {@link BbbSimulatorBuilder#tenant(String, String, String...)}
     * @return the tenant's base URL, ending with a slash
     * @throws IllegalArgumentException if the simulator has no tenant of that name
     * @throws NullPointerException if {@code tenant} is null
     */
    public String baseUrl(String tenant) {
        Objects.requireNonNull(tenant, "tenant");
        if (sim.scalelite() == null || sim.scalelite().tenants().stream().noneMatch(t -> t.name().equals(tenant))) {
            throw new IllegalArgumentException("no Scalelite tenant named '" + tenant + "'");
        }
        return "http://127.0.0.1:" + port() + "/t/" + tenant + "/bigbluebutton/";
    }

    /**
     * Which server this simulator answers as.
     *
     * @return the mode chosen at start
     */
    public SimulatorMode mode() {
        return mode;
    }

    /**
     * The BigBlueButton servers behind the simulated Scalelite, in order ({@code bbb1}, {@code bbb2}, …).
     *
     * @return snapshots of the servers; empty in {@link SimulatorMode#BBB_WEB} mode
     */
    public List<SimulatedServer> servers() {
        List<SimulatedServer> out = new ArrayList<>();
        if (sim.scalelite() != null) {
            for (Backend b : sim.scalelite().backends()) {
                out.add(SimulatedServer.of(b));
            }
        }
        return List.copyOf(out);
    }

    /**
     * Takes a server behind Scalelite out of service, as when it goes offline: its meetings end (with
     * their callbacks) and Scalelite forgets them; new meetings go to the other servers.
     *
     * @param serverId the server ID, e.g. {@code bbb1}
     * @return false if there is no such server (or the simulator is not in Scalelite mode)
     * @throws NullPointerException if {@code serverId} is null
     */
    public boolean takeOutOfService(String serverId) {
        Objects.requireNonNull(serverId, "serverId");
        return sim.scalelite() != null && sim.scalelite().inService(serverId, false);
    }

    /**
     * Puts a server behind Scalelite back into service.
     *
     * @param serverId the server ID, e.g. {@code bbb1}
     * @return false if there is no such server (or the simulator is not in Scalelite mode)
     * @throws NullPointerException if {@code serverId} is null
     */
    public boolean returnToService(String serverId) {
        Objects.requireNonNull(serverId, "serverId");
        return sim.scalelite() != null && sim.scalelite().inService(serverId, true);
    }

    /**
     * The primary shared secret; it also signs webhooks and recording-ready JWTs. In Scalelite mode
     * it is Scalelite's own secret ({@code LOADBALANCER_SECRET}), used while no tenant is defined.
     *
     * @return the primary secret
     */
    public String secret() {
        return secret;
    }

    /**
     * The bound port.
     *
     * @return the port the simulator listens on at {@code 127.0.0.1}
     */
    public int port() {
        return sim.port();
    }

    /**
     * The simulator's clock; advance it to let meetings expire and recordings publish.
     *
     * @return the clock this simulator judges time by
     */
    public SimulatorClock clock() {
        return clock;
    }

    /**
     * The live fault knobs.
     *
     * @return the fault settings of this simulator; changes apply from the next request on
     */
    public Faults faults() {
        return faults;
    }

    /**
     * Snapshots of every meeting created since start, ended ones included, oldest first. A
     * meeting ID created again after an end appears twice.
     *
     * @return an unmodifiable list of meeting snapshots; empty if no meeting was created
     */
    public List<SimulatedMeeting> meetings() {
        List<SimulatedMeeting> out = new ArrayList<>();
        for (Meeting m : sim.history()) {
            out.add(SimulatedMeeting.of(m));
        }
        return List.copyOf(out);
    }

    /**
     * The most recent meeting created with this external ID (possibly ended), if any.
     *
     * @param meetingId the external meeting ID ({@code meetingID} of create)
     * @return a snapshot of the most recent meeting with that ID, or empty if none was ever created
     * @throws NullPointerException if {@code meetingId} is null
     */
    public Optional<SimulatedMeeting> meeting(String meetingId) {
        Objects.requireNonNull(meetingId, "meetingId");
        List<Meeting> history = sim.history();
        for (int i = history.size() - 1; i >= 0; i--) {
            if (history.get(i).meetingId.equals(meetingId)) {
                return Optional.of(SimulatedMeeting.of(history.get(i)));
            }
        }
        return Optional.empty();
    }

    /**
     * Admits a guest waiting in the lobby, as a moderator would; the guest becomes an attendee and
     * a {@code user-joined} webhook is sent.
     *
     * @param meetingId the external meeting ID
     * @param userId the external {@code userID} of the join, or the internal user ID
     * @return true if the guest was admitted; false if no such guest waits in that meeting, the
     *         meeting is unknown or it has ended
     * @throws NullPointerException if an argument is null
     */
    public boolean approveGuest(String meetingId, String userId) {
        SimState state = sim.stateOf(Objects.requireNonNull(meetingId, "meetingId"));
        Objects.requireNonNull(userId, "userId");
        return state != null && state.decideGuest(meetingId, userId, true);
    }

    /**
     * Denies a guest waiting in the lobby; the guest moves to the meeting's
     * {@linkplain SimulatedMeeting#denied() denied} list.
     *
     * @param meetingId the external meeting ID
     * @param userId the external {@code userID} of the join, or the internal user ID
     * @return true if the guest was denied; false if no such guest waits in that meeting, the
     *         meeting is unknown or it has ended
     * @throws NullPointerException if an argument is null
     */
    public boolean denyGuest(String meetingId, String userId) {
        SimState state = sim.stateOf(Objects.requireNonNull(meetingId, "meetingId"));
        Objects.requireNonNull(userId, "userId");
        return state != null && state.decideGuest(meetingId, userId, false);
    }

    /**
     * Makes an attendee leave (as closing the browser would), with a {@code user-left} webhook.
     * When the last user leaves, the meeting expires after
     * {@code meetingExpireWhenLastUserLeftInMinutes} (default 1) on the clock. A guest still waiting
     * in the lobby is removed from it, without a webhook.
     *
     * @param meetingId the external meeting ID
     * @param userId the external {@code userID} of the join, or the internal user ID
     * @return true if the user left or was removed from the lobby; false if the meeting is unknown
     *         or no such user is in it or its lobby
     * @throws NullPointerException if an argument is null
     */
    public boolean leave(String meetingId, String userId) {
        SimState state = sim.stateOf(Objects.requireNonNull(meetingId, "meetingId"));
        Objects.requireNonNull(userId, "userId");
        return state != null && state.leave(meetingId, userId);
    }

    /**
     * Ends a meeting as the {@code end} call would (forcibly).
     *
     * @param meetingId the external meeting ID
     * @return true if the meeting was ended; false if the meeting is unknown or already ended
     * @throws NullPointerException if an argument is null
     */
    public boolean end(String meetingId) {
        SimState state = sim.stateOf(Objects.requireNonNull(meetingId, "meetingId"));
        return state != null && state.endFromTest(meetingId);
    }

    /**
     * Snapshots of all recordings, oldest first, deleted ones included.
     *
     * @return an unmodifiable list of recording snapshots
     */
    public List<SimulatedRecording> recordings() {
        List<SimulatedRecording> out = new ArrayList<>();
        for (Recording r : sim.recordings()) {
            out.add(SimulatedRecording.of(r));
        }
        return List.copyOf(out);
    }

    /**
     * The callback URLs of the registered webhooks, in registration order.
     *
     * @return an unmodifiable list of the callback URLs; empty if no webhook is registered
     */
    public List<String> hookCallbackUrls() {
        List<String> out = new ArrayList<>();
        for (Hook h : sim.hooks()) {
            out.add(h.callbackUrl());
        }
        return List.copyOf(out);
    }

    /**
     * Every callback delivery attempt so far (webhooks, recording-ready, meeting-ended), oldest first.
     * {@link #clearRequests()} forgets them.
     *
     * @return an unmodifiable list of the delivery attempts
     */
    public List<CallbackDelivery> callbackDeliveries() {
        List<CallbackDelivery> out = new ArrayList<>();
        for (Delivery d : sim.callbacks().deliveries()) {
            out.add(CallbackDelivery.of(d));
        }
        return List.copyOf(out);
    }

    /**
     * Waits until every callback triggered so far has been attempted. Callbacks are sent in the
     * background, one at a time, in the order they were triggered.
     *
     * @param timeout how long to wait at most
     * @return true once every callback triggered so far has been attempted; false if the timeout
     *         passed first
     * @throws InterruptedException if interrupted while waiting
     */
    public boolean awaitCallbacks(Duration timeout) throws InterruptedException {
        return sim.callbacks().awaitIdle(timeout);
    }

    /**
     * The last 10,000 requests received, oldest first.
     *
     * @return an unmodifiable list of at most 10,000 received requests
     */
    public List<ReceivedRequest> requests() {
        List<ReceivedRequest> out = new ArrayList<>();
        for (RequestLog.Entry e : sim.log().entries()) {
            out.add(ReceivedRequest.of(e));
        }
        return List.copyOf(out);
    }

    /**
     * How many requests were received since start or {@link #clearRequests()}.
     *
     * @return the number of requests received, including those no longer kept by {@link #requests()}
     */
    public long requestCount() {
        return sim.log().total();
    }

    /** Forgets received requests and recorded callback deliveries (not meetings). */
    public void clearRequests() {
        sim.log().clear();
        sim.callbacks().clear();
    }

    /** Stops the server, releases hanging requests and stops sending callbacks. Idempotent. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        clock.removeListener(tickOnAdvance);
        sim.close();
    }

    @Override
    public String toString() {
        return "BbbSimulator[" + (closed ? "closed" : baseUrl()) + "]";
    }
}
