// SPDX-License-Identifier: Apache-2.0
package de.hessen.schulportal.bbb.testkit;

import de.hessen.schulportal.bbb.testkit.internal.RequestLog;
import de.hessen.schulportal.bbb.testkit.internal.ValueType;
import java.time.Instant;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * One HTTP request the simulator received (answered or not). Immutable; {@code toString()} masks the
 * query string, which carries the checksum.
 */
@Value.Immutable
@ValueType
abstract class AbstractReceivedRequest {
    static ReceivedRequest of(RequestLog.Entry e) {
        return ReceivedRequest.builder().method(e.method()).path(e.path()).callName(Optional.ofNullable(e.callName()))
                .rawQuery(Optional.ofNullable(e.rawQuery())).time(Instant.ofEpochMilli(e.time()))
                .truncated(e.truncated()).build();
    }

    /** {@return the HTTP method} */
    public abstract String method();

    /** {@return the raw path, without the query string} */
    public abstract String path();

    /** {@return the API call name ({@code create}, {@code hooks/list}, …) for paths under {@code /bigbluebutton/api/}; empty outside the API} */
    public abstract Optional<String> callName();

    /**
     * {@return the query string exactly as received, checksum included; cut to its first 2,048
     * characters if longer (see {@link #isTruncated()}); empty if the request had none}
     */
    @Value.Redacted
    public abstract Optional<String> rawQuery();

    /** {@return when it arrived, on the simulator clock} */
    public abstract Instant time();

    /**
     * {@return whether a field was cut to its bound: the path, call name and query are kept to 2,048
     * characters each, the method to 16, so that a peer cannot fill the simulator's memory}
     */
    public abstract boolean isTruncated();
}
