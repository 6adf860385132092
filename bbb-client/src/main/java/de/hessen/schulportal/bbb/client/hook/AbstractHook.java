// SPDX-License-Identifier: Apache-2.0
package de.hessen.schulportal.bbb.client.hook;

import de.hessen.schulportal.bbb.client.internal.ValueType;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * A webhook registered on bbb-webhooks, as listed by {@code hooks/list} ({@code <hook>}). Immutable;
 * built by the client from the answer, or by {@link Hook#builder()} in integrators' tests, where
 * every field not set is empty, {@code false} or absent. {@code toString()} leaves out the callback
 * URL: a receiver may carry a token anywhere in it.
 */
@Value.Immutable
@ValueType
abstract class AbstractHook {
    /** {@return the hook's ID ({@code hookID}): a number on bbb-webhooks 2.x, a UUID on 3.x; empty if not sent} */
    @Value.Default
    public String hookId() {
        return "";
    }

    /** {@return where bbb-webhooks posts the events ({@code callbackURL}); empty if not sent; not in {@code toString()}} */
    @Value.Default
    @Value.Redacted
    public String callbackUrl() {
        return "";
    }

    /** {@return the external meeting ID the hook is limited to ({@code meetingID}); absent for a global hook} */
    public abstract Optional<String> meetingId();

    /** {@return the event IDs the hook is limited to ({@code eventID}, a comma-separated list on the wire); empty for all events} */
    public abstract List<String> eventIds();

    /** {@return whether the hook is configured on the server as permanent ({@code permanentHook}); {@code false} if not sent} */
    @Value.Default
    public boolean isPermanent() {
        return false;
    }

    /** {@return whether the hook receives BBB's raw messages instead of mapped events ({@code rawData}); {@code false} if not sent} */
    @Value.Default
    public boolean isRawData() {
        return false;
    }
}
