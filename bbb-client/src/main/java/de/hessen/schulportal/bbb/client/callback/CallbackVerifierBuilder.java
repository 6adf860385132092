// SPDX-License-Identifier: Apache-2.0
package de.hessen.schulportal.bbb.client.callback;

import static de.hessen.schulportal.bbb.client.callback.CallbackSupport.fail;

import de.hessen.schulportal.bbb.client.callback.CallbackVerificationException.Reason;
import de.hessen.schulportal.bbb.client.internal.Validation;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * The settings every callback verifier shares, written once: the secrets or keys (several for
 * rotation and for Scalelite tenants), the allowed signature algorithms, the clock and leeway for
 * time checks, and the cap on the input read before any parsing. Each verifier's builder extends
 * it, names its defaults and what its input cap applies to, and adds what only that verifier has.
 *
 * <p>Every setter returns this builder, throws {@link NullPointerException} for a {@code null}
 * argument (or element) and {@link IllegalArgumentException} for a value outside its documented
 * range. Not thread-safe; the verifier's {@code build()} copies everything. Only this package can
 * extend it.
 *
 * @param <B> the concrete builder, returned by every setter
 * @param <A> the algorithm vocabulary of the verifier ({@link JwtAlgorithm} or
 *        {@link de.hessen.schulportal.bbb.client.ChecksumAlgorithm})
 */
public abstract class CallbackVerifierBuilder<B extends CallbackVerifierBuilder<B, A>, A extends Enum<A>> {
    /** The largest leeway accepted: clocks further apart than this are a fault to fix, not to tolerate. */
    static final Duration MAX_LEEWAY = Duration.ofHours(1);

    private final Set<A> supportedAlgorithms;
    private List<byte[]> keys = List.of();
    private Set<A> allowedAlgorithms;
    private Clock clock = Clock.systemUTC();
    private Duration leeway = Duration.ofSeconds(60);
    private int maxInputLength;

    CallbackVerifierBuilder(Set<A> supportedAlgorithms, Set<A> defaultAlgorithms, int defaultMaxInputLength) {
        this.supportedAlgorithms = supportedAlgorithms;
        this.allowedAlgorithms = defaultAlgorithms;
        this.maxInputLength = defaultMaxInputLength;
    }

    @SuppressWarnings("unchecked")
    private B self() {
        return (B) this;
    }

    /**
     * The secrets a callback may be signed with, as text (their UTF-8 bytes are the key); any one
     * matching is enough, so list the current one and, during a rotation, the previous one.
     * Replaces earlier secrets and keys. At least one, none empty.
     */
    public B secrets(String... secrets) {
        return secrets(Arrays.asList(Objects.requireNonNull(secrets, "secrets")));
    }

    /** As {@link #secrets(String...)}. */
    public B secrets(Collection<String> secrets) {
        return setKeys("secrets", Objects.requireNonNull(secrets, "secrets").stream()
                .map(s -> CallbackSupport.utf8(Objects.requireNonNull(s, "secrets"))).toList());
    }

    /**
     * The keys a callback may be signed with, as bytes; any one matching is enough. Copied.
     * Replaces earlier secrets and keys. At least one, none empty.
     */
    public B keys(byte[]... keys) {
        return setKeys("keys", Arrays.stream(Objects.requireNonNull(keys, "keys")).map(k -> Objects.requireNonNull(k, "keys").clone()).toList());
    }

    /** Keeps the copied keys (an unmodifiable list) once they pass the rule; {@code name} is the setter, for the message. */
    private B setKeys(String name, List<byte[]> copy) {
        if (copy.isEmpty()) {
            throw new IllegalArgumentException(name + ": at least one is required");
        }
        if (copy.stream().anyMatch(k -> k.length == 0)) {
            throw new IllegalArgumentException(name + ": must not be empty");
        }
        this.keys = copy;
        return self();
    }

    /**
     * The signature algorithms accepted, at least one; others are refused with
     * {@link CallbackVerificationException.Reason#UNSUPPORTED_ALGORITHM}. Each verifier documents
     * its default and which algorithms it supports at all; naming another is an
     * {@link IllegalArgumentException}.
     */
    @SafeVarargs
    public final B allowedAlgorithms(A... algorithms) {
        Objects.requireNonNull(algorithms, "algorithms");
        if (algorithms.length == 0) {
            throw new IllegalArgumentException("allowedAlgorithms: at least one algorithm is required");
        }
        Set<A> copy = EnumSet.copyOf(supportedAlgorithms);
        copy.clear();
        for (A a : algorithms) {
            Objects.requireNonNull(a, "algorithms");
            if (!supportedAlgorithms.contains(a)) {
                throw new IllegalArgumentException("allowedAlgorithms: " + a + " is not supported here; supported are " + supportedAlgorithms);
            }
            copy.add(a);
        }
        this.allowedAlgorithms = copy;
        return self();
    }

    /** The clock that time checks (expiry, not-before, age) are judged by. Default {@link Clock#systemUTC()}. */
    public B clock(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
        return self();
    }

    /** The tolerated clock skew between the sender and this machine, between zero and one hour. Default 60 seconds. */
    public B leeway(Duration leeway) {
        Objects.requireNonNull(leeway, "leeway");
        if (leeway.isNegative() || leeway.compareTo(MAX_LEEWAY) > 0) {
            throw new IllegalArgumentException("leeway must be between 0 and 1 hour, was " + leeway);
        }
        this.leeway = leeway;
        return self();
    }

    /**
     * The largest input read before any parsing, positive: the request body for the POST callbacks
     * (in bytes), the request URL for the meeting-ended GET (in characters). Larger inputs are
     * refused with {@link CallbackVerificationException.Reason#TOO_LARGE}. Each verifier documents
     * its default.
     */
    public B maxInputLength(int maxInputLength) {
        this.maxInputLength = Validation.positive("maxInputLength", maxInputLength);
        return self();
    }

    /** The settings as set, for the verifier to keep; at least one key is required. */
    Settings<A> settings() {
        if (keys.isEmpty()) {
            throw new IllegalArgumentException("secrets: at least one secret or key is required (call secrets(...) or keys(...))");
        }
        return new Settings<>(keys, Collections.unmodifiableSet(EnumSet.copyOf(allowedAlgorithms)), clock, leeway, maxInputLength);
    }

    /** The shared settings of a built verifier, and the checks every verifier makes with them. */
    record Settings<A extends Enum<A>>(List<byte[]> keys, Set<A> algorithms, Clock clock, Duration leeway, int maxInputLength) {
        /** Refuses an input over {@code maxInputLength} before anything parses it; {@code unit} is bytes or characters. */
        void checkLength(String call, String what, long length, String unit) {
            CallbackSupport.checkLength(call, what, length, maxInputLength, unit);
        }

        /**
         * Whether {@code given} equals what {@code expected} computes under one of the keys. Every
         * key is tried, with no early exit, and each comparison is constant-time
         * ({@link MessageDigest#isEqual}), so the time taken tells nothing about which key matched
         * or how much of the value did.
         */
        boolean anyKeyMatches(UnaryOperator<byte[]> expected, byte[] given) {
            boolean match = false;
            for (byte[] key : keys) {
                match |= MessageDigest.isEqual(expected.apply(key), given);
            }
            return match;
        }

        /** Refuses {@code given} with BAD_SIGNATURE unless {@link #anyKeyMatches} it; the message names the number of keys, never one. */
        void requireSignature(String call, String what, UnaryOperator<byte[]> expected, byte[] given) {
            if (!anyKeyMatches(expected, given)) {
                throw fail(call, Reason.BAD_SIGNATURE, what + " matches none of the " + keys.size() + " configured secret(s)");
            }
        }

        /** Refuses what expired at {@code expiresAt}, judged by the clock with the leeway. */
        void checkExpiry(String call, String what, Instant expiresAt) {
            Instant now = clock.instant();
            if (!now.isBefore(expiresAt.plus(leeway))) {
                throw fail(call, Reason.EXPIRED, what + " expired at " + expiresAt + " (now " + now + ", leeway " + leeway + ")");
            }
        }

        /** Refuses what is not valid before {@code time} (a not-before or issued-at time), with the leeway. */
        void checkNotFuture(String call, String problem, Instant time) {
            Instant now = clock.instant();
            if (now.plus(leeway).isBefore(time)) {
                throw fail(call, Reason.NOT_YET_VALID, problem + " (now " + now + ")");
            }
        }

        /** A description for {@code toString()}: the secrets by count only. */
        String describe(String verifier, String more) {
            return verifier + "[secrets=" + keys.size() + " (redacted), allowedAlgorithms=" + algorithms + ", leeway=" + leeway + more + "]";
        }
    }

    /**
     * Describes the settings; secrets and keys are shown only by count.
     *
     * @return a description without secrets
     */
    @Override
    public String toString() {
        return getClass().getSimpleName() + "[keys=" + keys.size() + " (redacted), allowedAlgorithms=" + allowedAlgorithms
                + ", leeway=" + leeway + ", maxInputLength=" + maxInputLength + "]";
    }
}
