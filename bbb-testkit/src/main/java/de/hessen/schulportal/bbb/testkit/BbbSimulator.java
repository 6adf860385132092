package de.hessen.schulportal.bbb.testkit;

import de.hessen.schulportal.bbb.testkit.internal.ApiServer;
import de.hessen.schulportal.bbb.testkit.internal.BbbWebApi;
import de.hessen.schulportal.bbb.testkit.internal.HttpFront;
import de.hessen.schulportal.bbb.testkit.internal.Callbacks;
import de.hessen.schulportal.bbb.testkit.internal.ChecksumJudge;
import de.hessen.schulportal.bbb.testkit.internal.Config;
import de.hessen.schulportal.bbb.testkit.internal.Delivery;
import de.hessen.schulportal.bbb.testkit.internal.FaultState;
import de.hessen.schulportal.bbb.testkit.internal.Hashing;
import de.hessen.schulportal.bbb.testkit.internal.Hook;
import de.hessen.schulportal.bbb.testkit.internal.Meeting;
import de.hessen.schulportal.bbb.testkit.internal.Recording;
import de.hessen.schulportal.bbb.testkit.internal.RequestLog;
import de.hessen.schulportal.bbb.testkit.internal.SimState;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

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
    private final SimState state;
    private final ApiServer server;
    private final FaultState faultState = new FaultState();
    private final Faults faults = new Faults(faultState);
    private final RequestLog log = new RequestLog();
    private final Callbacks callbacks;
    private final SimulatorClock clock;
    private final Runnable tickOnAdvance;
    private volatile boolean closed;

    private BbbSimulator(Builder b) throws IOException {
        this.secret = b.secret == null ? Hashing.token(40) : b.secret;
        this.clock = b.clock == null ? SimulatorClock.manual() : b.clock;
        List<String> secrets = new ArrayList<>();
        secrets.add(secret);
        secrets.addAll(b.additionalSecrets);
        this.callbacks = new Callbacks(clock::millis);
        Config config = new Config(secrets, b.algorithms, b.recordingProcessingTime.toMillis(), b.hookAlgorithm,
                b.endedMeetingRetention.toMillis());
        this.state = new SimState(config, clock::millis, callbacks);
        BbbWebApi api = new BbbWebApi(state);
        this.server = new ApiServer(http -> api.serve(http, http.rawPath()), state::maybeTick, clock::millis,
                faultState, log, b.port, HttpFront.Limits.defaults().withIdleTimeout(b.idleTimeout.toMillis()));
        this.tickOnAdvance = state::tick;
        clock.onAdvance(tickOnAdvance);
        server.start();
        state.serverUrl = "http://127.0.0.1:" + server.port() + "/";
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
    public static Builder builder() {
        return new Builder();
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
     * The primary shared secret; it also signs webhooks and recording-ready JWTs.
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
        return server.port();
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
        state.maybeTick();
        List<SimulatedMeeting> out = new ArrayList<>();
        for (Meeting m : state.history()) {
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
        state.maybeTick();
        List<Meeting> history = state.history();
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
     */
    public boolean approveGuest(String meetingId, String userId) {
        return state.decideGuest(meetingId, userId, true);
    }

    /**
     * Denies a guest waiting in the lobby; the guest moves to the meeting's
     * {@linkplain SimulatedMeeting#denied() denied} list.
     *
     * @param meetingId the external meeting ID
     * @param userId the external {@code userID} of the join, or the internal user ID
     * @return true if the guest was denied; false if no such guest waits in that meeting, the
     *         meeting is unknown or it has ended
     */
    public boolean denyGuest(String meetingId, String userId) {
        return state.decideGuest(meetingId, userId, false);
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
     */
    public boolean leave(String meetingId, String userId) {
        return state.leave(meetingId, userId);
    }

    /**
     * Ends a meeting as the {@code end} call would (forcibly).
     *
     * @param meetingId the external meeting ID
     * @return true if the meeting was ended; false if the meeting is unknown or already ended
     */
    public boolean end(String meetingId) {
        return state.endFromTest(meetingId);
    }

    /**
     * Snapshots of all recordings, oldest first, deleted ones included.
     *
     * @return an unmodifiable list of recording snapshots
     */
    public List<SimulatedRecording> recordings() {
        List<SimulatedRecording> out = new ArrayList<>();
        for (Recording r : state.recordings.all()) {
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
        for (Hook h : state.hooks.all()) {
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
        for (Delivery d : callbacks.deliveries()) {
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
        return callbacks.awaitIdle(timeout);
    }

    /**
     * The last 10,000 requests received, oldest first.
     *
     * @return an unmodifiable list of at most 10,000 received requests
     */
    public List<ReceivedRequest> requests() {
        List<ReceivedRequest> out = new ArrayList<>();
        for (RequestLog.Entry e : log.entries()) {
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
        return log.total();
    }

    /** Forgets received requests and recorded callback deliveries (not meetings). */
    public void clearRequests() {
        log.clear();
        callbacks.clear();
    }

    /** Stops the server, releases hanging requests and stops sending callbacks. Idempotent. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        clock.removeListener(tickOnAdvance);
        server.close();
        callbacks.close();
    }

    @Override
    public String toString() {
        return "BbbSimulator[" + (closed ? "closed" : baseUrl()) + "]";
    }

    /**
     * Configures a simulator. Not thread-safe; {@link #start()} may be called more than once to
     * start independent simulators with the same settings (each with its own random secret unless
     * one was set).
     */
    public static final class Builder {
        private int port;
        private String secret;
        private final List<String> additionalSecrets = new ArrayList<>();
        private Set<String> algorithms = Set.of("sha1", "sha256", "sha384", "sha512");
        private SimulatorClock clock;
        private Duration recordingProcessingTime = Duration.ofMinutes(1);
        private String hookAlgorithm = "sha1";
        private Duration endedMeetingRetention = Duration.ZERO;
        private Duration idleTimeout = Duration.ofSeconds(20);

        private Builder() {
        }

        /**
         * The port on 127.0.0.1; 0 (the default) picks a free one.
         *
         * @param port the port, or 0 for any free one
         * @return this builder
         * @throws IllegalArgumentException outside 0..65535
         */
        public Builder port(int port) {
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("port must be within 0..65535, was " + port);
            }
            this.port = port;
            return this;
        }

        /**
         * The primary shared secret ({@code securitySalt}); default: 40 random characters.
         *
         * @param secret the secret
         * @return this builder
         * @throws IllegalArgumentException if empty (bbb-web would then skip all checks)
         * @throws NullPointerException if {@code secret} is null
         */
        public Builder secret(String secret) {
            Objects.requireNonNull(secret, "secret");
            if (secret.isEmpty()) {
                throw new IllegalArgumentException("secret must not be empty");
            }
            this.secret = secret;
            return this;
        }

        /**
         * Further secrets that are accepted too (secret rotation, like Scalelite's secret list). Each call
         * adds to the secrets given before.
         *
         * @param secrets the further secrets
         * @return this builder
         * @throws IllegalArgumentException if one of them is empty
         * @throws NullPointerException if one of them is null
         */
        public Builder additionalSecrets(String... secrets) {
            for (String s : secrets) {
                Objects.requireNonNull(s, "secret");
                if (s.isEmpty()) {
                    throw new IllegalArgumentException("additional secrets must not be empty");
                }
                additionalSecrets.add(s);
            }
            return this;
        }

        /**
         * Like bbb-web's {@code supportedChecksumAlgorithms}: names from {@code sha1}, {@code sha256},
         * {@code sha384}, {@code sha512}; default all four.
         *
         * @param names the accepted algorithms; case, surrounding blanks and hyphens are ignored
         *        ({@code SHA-256} means {@code sha256})
         * @return this builder
         * @throws IllegalArgumentException for an unknown name or an empty list
         */
        public Builder supportedChecksumAlgorithms(String... names) {
            Set<String> set = new LinkedHashSet<>();
            for (String n : names) {
                set.add(ChecksumJudge.algorithmName(n));
            }
            if (set.isEmpty()) {
                throw new IllegalArgumentException("at least one checksum algorithm is needed");
            }
            this.algorithms = Set.copyOf(set);
            return this;
        }

        /**
         * The clock; default a fresh {@link SimulatorClock#manual()}.
         *
         * @param clock the clock; it may serve this simulator only
         * @return this builder
         * @throws NullPointerException if {@code clock} is null
         */
        public Builder clock(SimulatorClock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * Shortcut for {@code clock(SimulatorClock.system())}: time passes by itself.
         *
         * @return this builder
         */
        public Builder systemClock() {
            return clock(SimulatorClock.system());
        }

        /**
         * Simulated time between a recorded meeting's end and its recording being published;
         * default 1 minute. Zero publishes at the next clock tick or request.
         *
         * @param time the processing time
         * @return this builder
         * @throws IllegalArgumentException if negative
         * @throws NullPointerException if {@code time} is null
         */
        public Builder recordingProcessingTime(Duration time) {
            Objects.requireNonNull(time, "time");
            if (time.isNegative()) {
                throw new IllegalArgumentException("recording processing time must not be negative");
            }
            this.recordingProcessingTime = time;
            return this;
        }

        /**
         * bbb-webhooks' {@code hookChecksumAlgorithm} for webhook checksums; default {@code sha1}.
         *
         * @param name {@code sha1}, {@code sha256}, {@code sha384} or {@code sha512}; case, surrounding
         *        blanks and hyphens are ignored
         * @return this builder
         * @throws IllegalArgumentException for an unknown name
         * @throws NullPointerException if {@code name} is null
         */
        public Builder hookChecksumAlgorithm(String name) {
            this.hookAlgorithm = ChecksumJudge.algorithmName(Objects.requireNonNull(name, "name"));
            return this;
        }

        /**
         * How long an ended meeting stays visible to the API (getMeetingInfo answers it with
         * {@code running=false} and {@code hasBeenForciblyEnded}, join answers
         * {@code meetingForciblyEnded}); default zero: like bbb-web, an ended meeting is gone at once
         * (getMeetingInfo answers {@code notFound}, getMeetings no longer lists it).
         *
         * @param retention how long an ended meeting stays visible
         * @return this builder
         * @throws IllegalArgumentException if negative
         * @throws NullPointerException if {@code retention} is null
         */
        public Builder endedMeetingRetention(Duration retention) {
            Objects.requireNonNull(retention, "retention");
            if (retention.isNegative()) {
                throw new IllegalArgumentException("retention must not be negative");
            }
            this.endedMeetingRetention = retention;
            return this;
        }

        /**
         * How long a connection may stay silent before the simulator closes it, and how long a
         * request's line and headers may take to arrive (slow or half-open peers); default 20
         * seconds, Tomcat's {@code connectionTimeout}.
         *
         * @param timeout the idle timeout
         * @return this builder
         * @throws IllegalArgumentException if not positive
         * @throws NullPointerException if {@code timeout} is null
         */
        public Builder idleTimeout(Duration timeout) {
            Objects.requireNonNull(timeout, "timeout");
            if (timeout.isZero() || timeout.isNegative()) {
                throw new IllegalArgumentException("idle timeout must be positive");
            }
            this.idleTimeout = timeout;
            return this;
        }

        /**
         * Binds and starts the simulator.
         *
         * @return the running simulator; close it when done
         * @throws UncheckedIOException if the port cannot be bound
         */
        public BbbSimulator start() {
            try {
                return new BbbSimulator(this);
            } catch (IOException e) {
                throw new UncheckedIOException("could not start the BigBlueButton simulator on port " + port, e);
            }
        }
    }
}
