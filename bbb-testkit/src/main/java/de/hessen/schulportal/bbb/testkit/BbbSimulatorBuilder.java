// SPDX-License-Identifier: Apache-2.0
package de.hessen.schulportal.bbb.testkit;

import de.hessen.schulportal.bbb.testkit.internal.ChecksumJudge;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Configures a simulator; get one from {@link BbbSimulator#builder()}. Each setter returns this
 * builder and replaces the value set before ({@code additionalSecrets} and {@code tenant} add); a
 * {@code null} argument throws {@link NullPointerException} naming it, and a value breaking the rule
 * its description states throws {@link IllegalArgumentException} in the setter. {@link #start()}
 * checks the settings together. Not thread-safe; {@link #start()} may be called more than once to
 * start independent simulators with the same settings (each with its own random secret unless
 * one was set).
 */
public final class BbbSimulatorBuilder {
    SimulatorMode mode = SimulatorMode.BBB_WEB;
    final Map<String, List<String>> tenants = new LinkedHashMap<>();
    int servers = 2;
    int port;
    String secret;
    final List<String> additionalSecrets = new ArrayList<>();
    Set<String> algorithms = Set.of("sha1", "sha256", "sha384", "sha512");
    SimulatorClock clock;
    Duration recordingProcessingTime = Duration.ofMinutes(1);
    String hookAlgorithm = "sha1";
    boolean legacyHookChecksum;
    Duration endedMeetingRetention = Duration.ZERO;
    Duration idleTimeout = Duration.ofSeconds(20);

    BbbSimulatorBuilder() {
    }

    /**
     * The port on 127.0.0.1; 0 (the default) picks a free one.
     *
     * @param port the port, or 0 for any free one
     * @throws IllegalArgumentException outside 0..65535
     */
    public BbbSimulatorBuilder port(int port) {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be within 0..65535, was " + port);
        }
        this.port = port;
        return this;
    }

    /**
     * The primary shared secret ({@code securitySalt}); default: 40 random characters.
     *
     * @throws IllegalArgumentException if empty (bbb-web would then skip all checks)
     * @throws NullPointerException if {@code secret} is null
     */
    public BbbSimulatorBuilder secret(String secret) {
        this.secret = nonEmptySecret(secret);
        return this;
    }

    /**
     * Further secrets that are accepted too (secret rotation, like Scalelite's secret list). Each call
     * adds to the secrets given before.
     *
     * @throws IllegalArgumentException if one of them is empty
     * @throws NullPointerException if one of them is null
     */
    public BbbSimulatorBuilder additionalSecrets(String... secrets) {
        Objects.requireNonNull(secrets, "secrets");
        for (String s : secrets) {
            additionalSecrets.add(nonEmptySecret(s));
        }
        return this;
    }

    /**
     * Like bbb-web's {@code supportedChecksumAlgorithms}: names from {@code sha1}, {@code sha256},
     * {@code sha384}, {@code sha512}; default all four.
     *
     * @param names the accepted algorithms; case, surrounding blanks and hyphens are ignored
     *        ({@code SHA-256} means {@code sha256})
     * @throws IllegalArgumentException for an unknown name or an empty list
     * @throws NullPointerException if {@code names} or one of them is null
     */
    public BbbSimulatorBuilder supportedChecksumAlgorithms(String... names) {
        Set<String> set = new LinkedHashSet<>();
        Objects.requireNonNull(names, "names");
        for (String n : names) {
            Objects.requireNonNull(n, "name");
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
     * @throws NullPointerException if {@code clock} is null
     */
    public BbbSimulatorBuilder clock(SimulatorClock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
        return this;
    }

    /** Shortcut for {@code clock(SimulatorClock.system())}: time passes by itself. */
    public BbbSimulatorBuilder systemClock() {
        return clock(SimulatorClock.system());
    }

    /**
     * Simulated time between a recorded meeting's end and its recording being published;
     * default 1 minute. Zero publishes at the next clock tick or request.
     *
     * @throws IllegalArgumentException if negative
     * @throws NullPointerException if {@code time} is null
     */
    public BbbSimulatorBuilder recordingProcessingTime(Duration time) {
        this.recordingProcessingTime = notNegative(time, "time", "recording processing time");
        return this;
    }

    /**
     * bbb-webhooks' {@code hookChecksumAlgorithm} for webhook checksums; default {@code sha1}.
     *
     * @param name {@code sha1}, {@code sha256}, {@code sha384} or {@code sha512}; case, surrounding
     *        blanks and hyphens are ignored
     * @throws IllegalArgumentException for an unknown name
     * @throws NullPointerException if {@code name} is null
     */
    public BbbSimulatorBuilder hookChecksumAlgorithm(String name) {
        this.hookAlgorithm = ChecksumJudge.algorithmName(Objects.requireNonNull(name, "name"));
        return this;
    }

    /**
     * Signs webhook deliveries as bbb-webhooks 3.0 to 3.3 did (3.3.1 ships with BigBlueButton
     * 3.0.4): {@code H(callbackUrl + "{}" + secret)}. That version passed a {@code URLSearchParams}
     * object to {@code JSON.stringify}, which writes {@code {}}, so the checksum is the same for every
     * delivery to a URL and covers nothing of the body ({@code src/out/webhooks/callback-emitter.js},
     * {@code _dispatch}, tag 3.3.1; 3.4 hashes {@code data.toString()}, the body). Default
     * {@code false}: the 3.4+ form. For testing receivers against BigBlueButton 3.0.4 servers.
     *
     * @param enabled whether to sign in the 3.0–3.3 form
     */
    public BbbSimulatorBuilder legacyWebhookChecksum(boolean enabled) {
        this.legacyHookChecksum = enabled;
        return this;
    }

    /**
     * How long an ended meeting stays visible to the API (getMeetingInfo answers it with
     * {@code running=false} and {@code hasBeenForciblyEnded}, join answers
     * {@code meetingForciblyEnded}); default zero: like bbb-web, an ended meeting is gone at once
     * (getMeetingInfo answers {@code notFound}, getMeetings no longer lists it).
     *
     * @param retention how long an ended meeting stays visible
     * @throws IllegalArgumentException if negative
     * @throws NullPointerException if {@code retention} is null
     */
    public BbbSimulatorBuilder endedMeetingRetention(Duration retention) {
        this.endedMeetingRetention = notNegative(retention, "retention", "retention");
        return this;
    }

    /**
     * How long a connection may stay silent before the simulator closes it, and how long a
     * request's line and headers may take to arrive (slow or half-open peers); default 20
     * seconds, Tomcat's {@code connectionTimeout}.
     *
     * @throws IllegalArgumentException if not positive
     * @throws NullPointerException if {@code timeout} is null
     */
    public BbbSimulatorBuilder idleTimeout(Duration timeout) {
        Objects.requireNonNull(timeout, "timeout");
        if (timeout.isZero() || timeout.isNegative()) {
            throw new IllegalArgumentException("idle timeout must be positive");
        }
        this.idleTimeout = timeout;
        return this;
    }

    /**
     * Which server to answer as; default {@link SimulatorMode#BBB_WEB}.
     *
     * @throws NullPointerException if {@code mode} is null
     */
    public BbbSimulatorBuilder mode(SimulatorMode mode) {
        this.mode = Objects.requireNonNull(mode, "mode");
        return this;
    }

    /**
     * Adds a Scalelite tenant (multitenancy on): requests are judged with its secrets when the first
     * DNS label of the {@code Host} is its name, or when they come through
     * {@link BbbSimulator#baseUrl(String)}. With at least one tenant, requests for no or an unknown
     * tenant fail with {@code checksumError}, as Scalelite's {@code fetch_tenant} does. Only for
     * {@link SimulatorMode#SCALELITE}.
     *
     * @param name the tenant name, a DNS label ({@code [a-z0-9-]+})
     * @param secret the tenant's secret
     * @param moreSecrets further accepted secrets of the tenant
     * @throws IllegalArgumentException if the name is not a lower-case DNS label, is used twice, or a
     *         secret is empty
     * @throws NullPointerException if the name or a secret is null
     */
    public BbbSimulatorBuilder tenant(String name, String secret, String... moreSecrets) {
        Objects.requireNonNull(name, "name");
        if (!name.matches("[a-z0-9][a-z0-9-]*")) {
            throw new IllegalArgumentException("tenant name must be a lower-case DNS label ([a-z0-9-]+), was '"
                    + name + "'");
        }
        if (tenants.containsKey(name)) {
            throw new IllegalArgumentException("tenant '" + name + "' is already defined");
        }
        List<String> secrets = new ArrayList<>();
        secrets.add(nonEmptySecret(secret));
        Objects.requireNonNull(moreSecrets, "moreSecrets");
        for (String s : moreSecrets) {
            secrets.add(nonEmptySecret(s));
        }
        tenants.put(name, List.copyOf(secrets));
        return this;
    }

    private static Duration notNegative(Duration value, String parameter, String what) {
        Objects.requireNonNull(value, parameter);
        if (value.isNegative()) {
            throw new IllegalArgumentException(what + " must not be negative");
        }
        return value;
    }

    private static String nonEmptySecret(String secret) {
        Objects.requireNonNull(secret, "secret");
        if (secret.isEmpty()) {
            throw new IllegalArgumentException("secret must not be empty");
        }
        return secret;
    }

    /**
     * How many BigBlueButton servers stand behind the simulated Scalelite; default 2. Only for
     * {@link SimulatorMode#SCALELITE}.
     *
     * @param count the number of servers, 1..16
     * @throws IllegalArgumentException outside 1..16
     */
    public BbbSimulatorBuilder servers(int count) {
        if (count < 1 || count > 16) {
            throw new IllegalArgumentException("servers must be within 1..16, was " + count);
        }
        this.servers = count;
        return this;
    }

    /**
     * Binds and starts the simulator.
     *
     * @return the running simulator; close it when done
     * @throws UncheckedIOException if the port cannot be bound
     * @throws IllegalArgumentException if tenants or servers were set without
     *         {@link SimulatorMode#SCALELITE}, or Scalelite mode has no algorithm left (it has no SHA-384)
     */
    public BbbSimulator start() {
        if (mode != SimulatorMode.SCALELITE && !tenants.isEmpty()) {
            throw new IllegalArgumentException("tenants need mode(SimulatorMode.SCALELITE)");
        }
        if (mode == SimulatorMode.SCALELITE && algorithms.stream().noneMatch(a -> !a.equals("sha384"))) {
            throw new IllegalArgumentException("Scalelite accepts only sha1, sha256 and sha512 checksums");
        }
        try {
            return new BbbSimulator(this);
        } catch (BindException e) {
            throw new UncheckedIOException("port " + port + " on 127.0.0.1 is already in use", e);
        } catch (IOException e) {
            throw new UncheckedIOException("could not start the BigBlueButton simulator on port " + port, e);
        }
    }
}
