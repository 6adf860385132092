// SPDX-License-Identifier: Apache-2.0
package de.hessen.schulportal.bbb.testkit;

import de.hessen.schulportal.bbb.testkit.internal.Attendee;
import de.hessen.schulportal.bbb.testkit.internal.ValueType;
import java.util.Map;
import org.immutables.value.Value;

/**
 * A snapshot of one user in a simulated meeting: admitted, waiting in the guest lobby, or denied.
 * Immutable; {@code toString()} masks the user IDs, the display name and the {@code userdata-*} values.
 */
@Value.Immutable
@ValueType
abstract class AbstractSimulatedAttendee {
    /** Caller holds the meeting's lock. */
    static SimulatedAttendee of(Attendee a) {
        return SimulatedAttendee.builder().userId(a.externalUserId).internalUserId(a.internalUserId)
                .fullName(a.fullName).role(a.role).guest(a.guest).presenter(a.presenter).guestStatus(a.guestStatus)
                .customData(a.customData).build();
    }

    /**
     * {@return the external user ID ({@code userID} of join), or the generated internal one when none
     * was sent; masked in {@code toString()} like the internal one it may be}
     */
    @Value.Redacted
    public abstract String userId();

    /** {@return the internal user ID ({@code w_} + 12 characters), as in the join XML's {@code user_id}} */
    @Value.Redacted
    public abstract String internalUserId();

    /** {@return the display name; personal data, masked in {@code toString()}} */
    @Value.Redacted
    public abstract String fullName();

    /** {@return the role, {@code "MODERATOR"} or {@code "VIEWER"}} */
    public abstract String role();

    /** {@return whether the user joined with {@code guest=true}} */
    public abstract boolean isGuest();

    /**
     * {@return whether the user presents: the first moderator to join does, and when the presenter
     * leaves the moderator present longest takes over}
     */
    public abstract boolean isPresenter();

    /** {@return the guest status, {@code "ALLOW"}, {@code "WAIT"} (in the lobby) or {@code "DENY"}} */
    public abstract String guestStatus();

    /** {@return the {@code userdata-*} values by key (without the {@code userdata-} prefix); empty if none was sent} */
    @Value.Redacted
    public abstract Map<String, String> customData();
}
