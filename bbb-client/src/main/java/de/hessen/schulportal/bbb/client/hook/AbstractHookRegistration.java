// SPDX-License-Identifier: Apache-2.0
package de.hessen.schulportal.bbb.client.hook;

import de.hessen.schulportal.bbb.client.internal.ValueType;
import org.immutables.value.Value;

/**
 * The answer to {@code hooks/create}: the ID of the hook that is now registered. Immutable; built by
 * the client from the answer, or by {@link HookRegistration#builder()} in integrators' tests, where
 * every field not set is empty or {@code false}. Holds nothing secret, so {@code toString()} prints
 * every field.
 */
@Value.Immutable
@ValueType
abstract class AbstractHookRegistration {
    /** {@return the hook's ID ({@code hookID}), needed to destroy it: a number on bbb-webhooks 2.x, a UUID on 3.x; empty if not sent} */
    @Value.Default
    public String hookId() {
        return "";
    }

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

    /**
     * {@return whether the callback URL was registered already ({@code messageKey} {@code duplicateWarning}); the
     * existing hook and its settings are then unchanged, and {@link #hookId()} is that hook's}
     */
    @Value.Default
    public boolean isDuplicate() {
        return false;
    }
}
