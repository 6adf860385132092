// SPDX-License-Identifier: Apache-2.0
package de.hessen.schulportal.bbb.client;

import de.hessen.schulportal.bbb.client.meeting.IsMeetingRunningRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

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
        try {
            executor.execute(calls.isMeetingRunning(IsMeetingRunningRequest.builder(probe).build()).retried(false));
            return ok(version);
        } catch (BbbException e) {
            if (!(e instanceof ChecksumErrorException)) {
                return afterSigned(e, version);
            }
        }
        for (ChecksumAlgorithm other : others()) {
            try {
                executor.execute(calls.isMeetingRunning(IsMeetingRunningRequest.builder(probe).build()).retried(false).withAlgorithm(other));
                return otherAlgorithm(version, other);
            } catch (BbbTransportException e) {
                return afterSigned(e, version);
            } catch (BbbException e) {
                // Refused with this algorithm too: try the next one.
                continue;
            }
        }
        return wrongSecret(version);
    }

    CompletableFuture<ConnectionCheck> checkAsync() {
        return executor.executeAsync(calls.version().retried(false), executor.unsignedUrl(""))
                .handle((version, error) -> {
                    if (error != null) {
                        return CompletableFuture.completedFuture(afterRoot(unwrap(error)));
                    }
                    String probe = probeId();
                    return executor.executeAsync(calls.isMeetingRunning(IsMeetingRunningRequest.builder(probe).build()).retried(false))
                            .handle((running, e) -> {
                                if (e == null) {
                                    return CompletableFuture.completedFuture(ok(version));
                                }
                                Throwable cause = unwrap(e);
                                if (!(cause instanceof ChecksumErrorException)) {
                                    return CompletableFuture.completedFuture(afterSigned(cause, version));
                                }
                                return tryOthers(version, probe, new ArrayList<>(others()));
                            }).thenCompose(f -> f);
                }).thenCompose(f -> f);
    }

    private CompletableFuture<ConnectionCheck> tryOthers(ApiVersion version, String probe, List<ChecksumAlgorithm> left) {
        if (left.isEmpty()) {
            return CompletableFuture.completedFuture(wrongSecret(version));
        }
        ChecksumAlgorithm other = left.remove(0);
        return executor.executeAsync(calls.isMeetingRunning(IsMeetingRunningRequest.builder(probe).build()).retried(false).withAlgorithm(other))
                .handle((running, e) -> {
                    if (e == null) {
                        return CompletableFuture.completedFuture(otherAlgorithm(version, other));
                    }
                    Throwable cause = unwrap(e);
                    if (cause instanceof BbbTransportException) {
                        return CompletableFuture.completedFuture(afterSigned(cause, version));
                    }
                    return tryOthers(version, probe, left);
                }).thenCompose(f -> f);
    }

    private static Throwable unwrap(Throwable t) {
        return t instanceof CompletionException && t.getCause() != null ? t.getCause() : t;
    }

    private static String probeId() {
        return "connection-check-" + UUID.randomUUID();
    }

    private List<ChecksumAlgorithm> others() {
        List<ChecksumAlgorithm> list = new ArrayList<>();
        for (ChecksumAlgorithm a : ChecksumAlgorithm.values()) {
            if (a != executor.config().algorithm()) {
                list.add(a);
            }
        }
        return list;
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
