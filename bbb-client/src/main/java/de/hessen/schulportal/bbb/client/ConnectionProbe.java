// SPDX-License-Identifier: Apache-2.0
package de.hessen.schulportal.bbb.client;

import de.hessen.schulportal.bbb.client.meeting.IsMeetingRunningRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

/**
 * {@code checkConnection()}: the API root, then {@code isMeetingRunning} for a random meeting ID,
 * then, only after a {@code checksumError}, the other algorithms. Each probe is one attempt (never
 * retried), and the first probe without an answer ends the check, so it takes at most two request
 * timeouts when the server does not answer.
 */
final class ConnectionProbe {
    private final Calls calls;
    private final ApiExecutor executor;

    ConnectionProbe(Calls calls, ApiExecutor executor) {
        this.calls = calls;
        this.executor = executor;
    }

    private String base() {
        return executor.config().apiBase();
    }

    ConnectionCheck check() {
        ApiVersion version;
        try {
            version = executor.execute(calls.version().retried(false), executor.unsignedUrl(""));
        } catch (BbbException e) {
            return afterRoot(e);
        }
        String probe = probeId();
        for (ChecksumAlgorithm algorithm : algorithms()) {
            try {
                executor.execute(signed(probe, algorithm));
                return accepted(version, algorithm);
            } catch (BbbException e) {
                ConnectionCheck check = refused(e, version, algorithm);
                if (check != null) {
                    return check;
                }
            }
        }
        return wrongSecret(version);
    }

    CompletableFuture<ConnectionCheck> checkAsync() {
        return executor.executeAsync(calls.version().retried(false), executor.unsignedUrl(""))
                .handle((version, error) -> error != null
                        ? CompletableFuture.completedFuture(afterRoot(ApiExecutor.unwrap(error)))
                        : tryFrom(version, probeId(), algorithms(), 0))
                .thenCompose(f -> f);
    }

    /** The async form of {@link #check()}'s loop over the algorithms, from the {@code i}th. */
    private CompletableFuture<ConnectionCheck> tryFrom(ApiVersion version, String probe, List<ChecksumAlgorithm> algorithms,
            int i) {
        if (i == algorithms.size()) {
            return CompletableFuture.completedFuture(wrongSecret(version));
        }
        ChecksumAlgorithm algorithm = algorithms.get(i);
        return executor.executeAsync(signed(probe, algorithm)).handle((running, e) -> {
            ConnectionCheck check = e == null ? accepted(version, algorithm) : refused(ApiExecutor.unwrap(e), version, algorithm);
            return check != null ? CompletableFuture.completedFuture(check) : tryFrom(version, probe, algorithms, i + 1);
        }).thenCompose(f -> f);
    }

    private ApiCall<Boolean> signed(String probe, ChecksumAlgorithm algorithm) {
        return calls.isMeetingRunning(IsMeetingRunningRequest.builder(probe).build()).retried(false).withAlgorithm(algorithm);
    }

    private static String probeId() {
        return "connection-check-" + UUID.randomUUID();
    }

    /** The configured algorithm first, then the others. */
    private List<ChecksumAlgorithm> algorithms() {
        List<ChecksumAlgorithm> list = new ArrayList<>();
        list.add(executor.config().algorithm());
        for (ChecksumAlgorithm a : ChecksumAlgorithm.values()) {
            if (a != executor.config().algorithm()) {
                list.add(a);
            }
        }
        return list;
    }

    private ConnectionCheck accepted(ApiVersion version, ChecksumAlgorithm algorithm) {
        return algorithm == executor.config().algorithm() ? ok(version) : otherAlgorithm(version, algorithm);
    }

    /**
     * What a refused signed probe means, or {@code null} to try the next algorithm: only a
     * {@code checksumError} of the configured algorithm, or a refusal of another one, goes on.
     */
    private ConnectionCheck refused(Throwable e, ApiVersion version, ChecksumAlgorithm algorithm) {
        boolean configured = algorithm == executor.config().algorithm();
        if (configured ? !(e instanceof ChecksumErrorException) : e instanceof BbbTransportException) {
            return afterSigned(e, version);
        }
        return null;
    }

    private ConnectionCheck afterRoot(Throwable e) {
        if (e instanceof BbbTransportException) {
            return new ConnectionCheck(ConnectionCheck.Status.UNREACHABLE, "No answer from " + base() + ": "
                    + e.getMessage(), null, null);
        }
        return new ConnectionCheck(ConnectionCheck.Status.NOT_BBB, base() + " did not answer like the BigBlueButton"
                + " API root (" + e.getMessage() + "); the base URL should end in /bigbluebutton/", null, null);
    }

    private ConnectionCheck afterSigned(Throwable e, ApiVersion version) {
        if (e instanceof BbbTransportException) {
            return new ConnectionCheck(ConnectionCheck.Status.UNREACHABLE, "The API root answered but a signed call"
                    + " failed: " + e.getMessage(), version, null);
        }
        return new ConnectionCheck(ConnectionCheck.Status.NOT_BBB, "The API root answered but a signed call"
                + " did not get a BigBlueButton answer: " + e.getMessage(), version, null);
    }

    private ConnectionCheck ok(ApiVersion version) {
        return new ConnectionCheck(ConnectionCheck.Status.OK, "Connected to " + base() + " (API " + version.version()
                + "); secret and " + executor.config().algorithm() + " accepted", version, null);
    }

    private ConnectionCheck otherAlgorithm(ApiVersion version, ChecksumAlgorithm other) {
        return new ConnectionCheck(ConnectionCheck.Status.ALGORITHM_NOT_SUPPORTED, "The server accepts the secret with "
                + other + " but not with " + executor.config().algorithm() + "; set checksumAlgorithm(" + other
                + ") or enable the algorithm on the server", version, other);
    }

    private ConnectionCheck wrongSecret(ApiVersion version) {
        return new ConnectionCheck(ConnectionCheck.Status.WRONG_SECRET, "BigBlueButton at " + base()
                + " rejected the checksum with every algorithm: the secret is wrong", version, null);
    }
}
