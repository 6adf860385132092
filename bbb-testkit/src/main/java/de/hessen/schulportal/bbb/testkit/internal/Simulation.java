// SPDX-License-Identifier: Apache-2.0
package de.hessen.schulportal.bbb.testkit.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.LongSupplier;

/**
 * The running machinery behind the public facade: one simulated bbb-web, or a simulated Scalelite
 * with several bbb-web servers behind it, on one port.
 */
public final class Simulation implements AutoCloseable {
    /**
     * Everything fixed at start.
     *
     * @param scalelite             whether the port answers as Scalelite
     * @param secrets               accepted secrets, primary first (bbb-web's, or Scalelite's own)
     * @param tenants               Scalelite tenants: name → secrets, in order; empty = multitenancy off
     * @param servers               number of bbb-web servers behind Scalelite
     * @param algorithms            accepted checksum algorithms
     * @param recordingProcessingMs time from meeting end to published recording
     * @param hookAlgorithm         webhook checksum algorithm
     * @param legacyHookChecksum    webhooks signed as bbb-webhooks 3.0–3.3 ({@code url + "{}" + secret})
     * @param retentionMs           how long ended meetings stay visible
     * @param port                  port, 0 = any
     * @param limits                the HTTP bounds
     */
    public record Settings(boolean scalelite, List<String> secrets, Map<String, List<String>> tenants, int servers,
                           Set<String> algorithms, long recordingProcessingMs, String hookAlgorithm,
                           boolean legacyHookChecksum, long retentionMs, int port, HttpFront.Limits limits) {
    }

    private final List<SimState> states = new ArrayList<>();
    private final Callbacks callbacks;
    private final FaultState faults = new FaultState();
    private final RequestLog log = new RequestLog();
    private final ApiServer server;
    private final ScaleliteApi scalelite;

    /**
     * Binds the port and starts serving.
     *
     * @throws java.net.BindException if the port is taken
     */
    public Simulation(Settings s, LongSupplier clock) throws IOException {
        this.callbacks = new Callbacks(clock);
        if (!s.scalelite()) {
            SimState state = new SimState(config(s, s.secrets()), clock, callbacks);
            states.add(state);
            BbbWebApi api = new BbbWebApi(state);
            this.scalelite = null;
            this.server = new ApiServer(http -> api.serve(http, http.rawPath()), this::maybeTick, clock, faults, log,
                    s.port(), s.limits());
        } else {
            List<Backend> backends = new ArrayList<>();
            for (int i = 1; i <= s.servers(); i++) {
                String secret = Hashing.token(40);
                SimState state = new SimState(config(s, List.of(secret)), clock, callbacks);
                states.add(state);
                backends.add(new Backend("bbb" + i, secret, state));
            }
            Map<String, ScaleliteApi.Tenant> tenants = new LinkedHashMap<>();
            s.tenants().forEach((name, secrets) -> tenants.put(name, new ScaleliteApi.Tenant(name,
                    UUID.nameUUIDFromBytes(name.getBytes(java.nio.charset.StandardCharsets.UTF_8)).toString(), secrets)));
            this.scalelite = new ScaleliteApi(backends, tenants, s.secrets(), s.algorithms(), callbacks);
            this.server = new ApiServer(scalelite::serve, this::maybeTick, clock, faults, log, s.port(), s.limits());
        }
        server.start();
        String root = "http://127.0.0.1:" + server.port() + "/";
        if (scalelite == null) {
            states.get(0).serverUrl = root;
        } else {
            for (Backend b : scalelite.backends()) {
                b.state.serverUrl = root + b.id + "/";
            }
        }
    }

    private static Config config(Settings s, List<String> secrets) {
        return new Config(secrets, s.algorithms(), s.recordingProcessingMs(), s.hookAlgorithm(), s.legacyHookChecksum(),
                s.retentionMs());
    }

    /** The bound port. */
    public int port() {
        return server.port();
    }

    /** The Scalelite front, or null in bbb-web mode. */
    public ScaleliteApi scalelite() {
        return scalelite;
    }

    /** The simulated bbb-web states: one, or one per server behind Scalelite. */
    public List<SimState> states() {
        return states;
    }

    /** The fault knobs. */
    public FaultState faults() {
        return faults;
    }

    /** The request log. */
    public RequestLog log() {
        return log;
    }

    /** The callback sender. */
    public Callbacks callbacks() {
        return callbacks;
    }

    /** Runs due time-based work on every server. */
    public void maybeTick() {
        states.forEach(SimState::maybeTick);
    }

    /** Runs all time-based work on every server (after the clock moved). */
    public void tick() {
        states.forEach(SimState::tick);
    }

    /** Every meeting ever created on any server, by creation time. */
    public List<Meeting> history() {
        List<Meeting> all = new ArrayList<>();
        for (SimState s : states) {
            s.maybeTick();
            all.addAll(s.history());
        }
        all.sort(Comparator.comparingLong(m -> m.createTime));
        return all;
    }

    /** The state whose most recent meeting with this ID is newest, or null. */
    public SimState stateOf(String meetingId) {
        SimState best = null;
        long bestTime = Long.MIN_VALUE;
        for (SimState s : states) {
            for (Meeting m : s.history()) {
                if (m.meetingId.equals(meetingId) && m.createTime > bestTime) {
                    best = s;
                    bestTime = m.createTime;
                }
            }
        }
        return best;
    }

    /** All recordings of all servers, in order of their meeting's start. */
    public List<Recording> recordings() {
        List<Recording> all = new ArrayList<>();
        states.forEach(s -> all.addAll(s.recordings.all()));
        all.sort(Comparator.comparingLong(r -> r.startTime));
        return all;
    }

    /** All webhooks of all servers. */
    public List<Hook> hooks() {
        List<Hook> all = new ArrayList<>();
        states.forEach(s -> all.addAll(s.hooks.all()));
        return all;
    }

    @Override
    public void close() {
        server.close();
        callbacks.close();
    }
}
