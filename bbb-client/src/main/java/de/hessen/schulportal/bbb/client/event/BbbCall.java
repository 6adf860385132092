// SPDX-License-Identifier: Apache-2.0
package de.hessen.schulportal.bbb.client.event;

import java.util.Objects;
import java.util.function.Supplier;

/**
 * One call as a {@link BbbEventListener} sees it: its name and how it is made. Its
 * {@code toString()} names the call only.
 */
public final class BbbCall {
    private final String name;
    private final boolean async;
    private final boolean idempotent;
    private final Supplier<String> redactedUrl;

    private BbbCall(String name, boolean async, boolean idempotent, Supplier<String> redactedUrl) {
        this.name = Objects.requireNonNull(name, "name");
        this.async = async;
        this.idempotent = idempotent;
        this.redactedUrl = Objects.requireNonNull(redactedUrl, "redactedUrl");
    }

    /**
     * A call, for the client and for listeners' tests.
     *
     * @param name the BigBlueButton call name, e.g. {@code getMeetingInfo} or {@code hooks/list}
     * @param async whether it was made through {@code BbbClient.async()}
     * @param idempotent whether it may be retried
     * @param redactedUrl computes the request URL with checksum, passwords and tokens masked; called
     *     only when a listener asks
     * @return the call
     * @throws NullPointerException if {@code name} or {@code redactedUrl} is {@code null}
     */
    public static BbbCall of(String name, boolean async, boolean idempotent, Supplier<String> redactedUrl) {
        return new BbbCall(name, async, idempotent, redactedUrl);
    }

    /** {@return the BigBlueButton call name, e.g. {@code getMeetingInfo}: a small fixed vocabulary, safe as a metric tag} */
    public String name() {
        return name;
    }

    /** {@return whether the call was made through the async client} */
    public boolean isAsync() {
        return async;
    }

    /** {@return whether the call may be retried (it is idempotent)} */
    public boolean isIdempotent() {
        return idempotent;
    }

    /**
     * {@return the request URL with the checksum, passwords and tokens masked}; it still holds
     * meeting IDs and names: do not put it into metrics, and log it only where personal data may go.
     */
    public String redactedUrl() {
        return redactedUrl.get();
    }

    /** Names the call only. */
    @Override
    public String toString() {
        return "BbbCall{" + name + '}';
    }
}
