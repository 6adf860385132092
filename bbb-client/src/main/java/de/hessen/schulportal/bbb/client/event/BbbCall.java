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

    /**
     * The BigBlueButton call name, e.g. {@code getMeetingInfo}: a small fixed vocabulary, safe as a
     * metric tag.
     *
     * @return the name
     */
    public String name() {
        return name;
    }

    /**
     * Whether the call was made through the async client.
     *
     * @return {@code true} for async calls
     */
    public boolean isAsync() {
        return async;
    }

    /**
     * Whether the call may be retried.
     *
     * @return {@code true} for idempotent calls
     */
    public boolean isIdempotent() {
        return idempotent;
    }

    /**
     * The request URL with the checksum, passwords and tokens masked. It still holds meeting IDs
     * and names: do not put it into metrics, and log it only where personal data may go.
     *
     * @return the redacted URL
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
