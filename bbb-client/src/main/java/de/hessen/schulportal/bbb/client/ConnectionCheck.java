// SPDX-License-Identifier: Apache-2.0
package de.hessen.schulportal.bbb.client;

import java.util.Objects;
import java.util.Optional;

/**
 * The result of {@link BbbClient#checkConnection()}: whether the configured server is reachable,
 * is BigBlueButton, and accepts this client's secret and checksum algorithm. Immutable.
 */
public final class ConnectionCheck {
    /** What the check found. */
    public enum Status {
        /** The server answered a signed call: URL, secret and algorithm are right. */
        OK,
        /** No answer: DNS, connection or timeout failure. Check the host, network and firewall. */
        UNREACHABLE,
        /** Something answered, but not the BigBlueButton API. Check the base URL's path. */
        NOT_BBB,
        /** BigBlueButton answered but rejected the checksum: the secret is wrong. */
        WRONG_SECRET,
        /** BigBlueButton rejects this checksum algorithm but accepts another one with the same secret. */
        ALGORITHM_NOT_SUPPORTED
    }

    private final Status status;
    private final String detail;
    private final ApiVersion version;
    private final ChecksumAlgorithm workingAlgorithm;

    ConnectionCheck(Status status, String detail, ApiVersion version, ChecksumAlgorithm workingAlgorithm) {
        this.status = status;
        this.detail = detail;
        this.version = version;
        this.workingAlgorithm = workingAlgorithm;
    }

    /** {@return what the check found} */
    public Status status() {
        return status;
    }

    /** {@return whether everything is right: {@code true} for {@link Status#OK}} */
    public boolean isOk() {
        return status == Status.OK;
    }

    /** {@return a sentence for an administrator saying what was found and what to do} Contains no secret. */
    public String detail() {
        return detail;
    }

    /** {@return the server's version answer when the API root answered, else empty} */
    public Optional<ApiVersion> version() {
        return Optional.ofNullable(version);
    }

    /** {@return for {@link Status#ALGORITHM_NOT_SUPPORTED} an algorithm the server accepts, else empty} */
    public Optional<ChecksumAlgorithm> workingAlgorithm() {
        return Optional.ofNullable(workingAlgorithm);
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof ConnectionCheck)) {
            return false;
        }
        ConnectionCheck c = (ConnectionCheck) o;
        return status == c.status && detail.equals(c.detail) && Objects.equals(version, c.version)
                && workingAlgorithm == c.workingAlgorithm;
    }

    @Override
    public int hashCode() {
        return Objects.hash(status, detail, version, workingAlgorithm);
    }

    @Override
    public String toString() {
        return "ConnectionCheck{status=" + status + ", detail=" + detail + '}';
    }
}
