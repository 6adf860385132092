// SPDX-License-Identifier: Apache-2.0
package de.hessen.schulportal.bbb.testkit;

import de.hessen.schulportal.bbb.testkit.internal.RequestLog;
import java.time.Instant;
import java.util.Optional;

/** One HTTP request the simulator received (answered or not). Immutable. */
public final class ReceivedRequest {
    private final RequestLog.Entry e;

    private ReceivedRequest(RequestLog.Entry e) {
        this.e = e;
    }

    static ReceivedRequest of(RequestLog.Entry e) {
        return new ReceivedRequest(e);
    }

    /**
     * The HTTP method.
     *
     * @return the HTTP method
     */
    public String method() {
        return e.method();
    }

    /**
     * The raw path.
     *
     * @return the raw path, without the query string
     */
    public String path() {
        return e.path();
    }

    /**
     * The API call name ({@code create}, {@code hooks/list}, …) for paths under {@code /bigbluebutton/api/}.
     *
     * @return the call name, or empty for paths outside the API
     */
    public Optional<String> callName() {
        return Optional.ofNullable(e.callName());
    }

    /**
     * The query string exactly as received, checksum included; cut to its first 2,048 characters if
     * longer (see {@link #isTruncated()}).
     *
     * @return the raw query string, or empty if the request had none
     */
    public Optional<String> rawQuery() {
        return Optional.ofNullable(e.rawQuery());
    }

    /**
     * When it arrived, on the simulator clock.
     *
     * @return the arrival time
     */
    public Instant time() {
        return Instant.ofEpochMilli(e.time());
    }

    /**
     * Whether a field was cut to its bound: the path, call name and query are kept to 2,048
     * characters each, the method to 16, so that a peer cannot fill the simulator's memory.
     *
     * @return true if any field of this request was cut
     */
    public boolean isTruncated() {
        return e.truncated();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ReceivedRequest && ((ReceivedRequest) o).e.equals(e);
    }

    @Override
    public int hashCode() {
        return e.hashCode();
    }

    @Override
    public String toString() {
        return "ReceivedRequest[" + e.method() + " " + e.path() + "]";
    }
}
