// SPDX-License-Identifier: Apache-2.0
package de.hessen.schulportal.bbb.testkit;

import de.hessen.schulportal.bbb.testkit.internal.Attendee;
import java.util.Map;
import java.util.Objects;

/**
 * A snapshot of one user in a simulated meeting: admitted, waiting in the guest lobby, or denied.
 * Immutable.
 */
public final class SimulatedAttendee {
    private final String userId;
    private final String internalUserId;
    private final String fullName;
    private final String role;
    private final boolean guest;
    private final boolean presenter;
    private final String guestStatus;
    private final Map<String, String> customData;

    private SimulatedAttendee(Attendee a) {
        this.userId = a.externalUserId;
        this.internalUserId = a.internalUserId;
        this.fullName = a.fullName;
        this.role = a.role;
        this.guest = a.guest;
        this.presenter = a.presenter;
        this.guestStatus = a.guestStatus;
        this.customData = a.customData;
    }

    /** Caller holds the meeting's lock. */
    static SimulatedAttendee of(Attendee a) {
        return new SimulatedAttendee(a);
    }

    /**
     * The external user ID ({@code userID} of join), or the generated internal ID when none was sent.
     *
     * @return the external user ID, or the internal one when none was sent
     */
    public String userId() {
        return userId;
    }

    /**
     * The internal user ID ({@code w_} + 12 characters), as in the join XML's {@code user_id}.
     *
     * @return the internal user ID
     */
    public String internalUserId() {
        return internalUserId;
    }

    /**
     * The display name.
     *
     * @return the display name
     */
    public String fullName() {
        return fullName;
    }

    /**
     * {@code "MODERATOR"} or {@code "VIEWER"}.
     *
     * @return the role
     */
    public String role() {
        return role;
    }

    /**
     * Whether the user joined with {@code guest=true}.
     *
     * @return whether the user is a guest
     */
    public boolean isGuest() {
        return guest;
    }

    /**
     * Whether the user presents: the first moderator to join does, and when the presenter leaves the
     * moderator present longest takes over.
     *
     * @return whether the user is the presenter
     */
    public boolean isPresenter() {
        return presenter;
    }

    /**
     * {@code "ALLOW"}, {@code "WAIT"} (in the lobby) or {@code "DENY"}.
     *
     * @return the guest status
     */
    public String guestStatus() {
        return guestStatus;
    }

    /**
     * The {@code userdata-*} values by key (without the {@code userdata-} prefix); unmodifiable.
     *
     * @return an unmodifiable map from key to value; empty if none was sent
     */
    public Map<String, String> customData() {
        return customData;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof SimulatedAttendee)) {
            return false;
        }
        SimulatedAttendee a = (SimulatedAttendee) o;
        return guest == a.guest && presenter == a.presenter && userId.equals(a.userId) && internalUserId.equals(a.internalUserId)
                && fullName.equals(a.fullName) && role.equals(a.role) && guestStatus.equals(a.guestStatus)
                && customData.equals(a.customData);
    }

    @Override
    public int hashCode() {
        return Objects.hash(userId, internalUserId, fullName, role, guest, presenter, guestStatus, customData);
    }

    @Override
    public String toString() {
        return "SimulatedAttendee[userId=" + userId + ", fullName=" + fullName + ", role=" + role + ", guest=" + guest + ", presenter=" + presenter
                + ", guestStatus=" + guestStatus + "]";
    }
}
