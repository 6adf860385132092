// SPDX-License-Identifier: Apache-2.0
package de.hessen.schulportal.bbb.portal;

import de.hessen.schulportal.bbb.client.meeting.Role;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * What a {@link RolePolicy} decided for one person in one room, with the reason in words for the
 * portal's UI and audit log.
 *
 * <p>Immutable. {@link #reasonCode()} is a stable machine key (for translations and audit
 * queries); {@link #reason()} is an English sentence and {@link #reason(Locale)} also speaks German;
 * both may change wording between releases.
 */
public final class Decision {
    /** The four ways a person can end up. */
    public enum Outcome {
        /** Joins as a BigBlueButton moderator; may start the meeting. */
        MODERATOR,
        /** Joins as a viewer once the meeting runs. */
        VIEWER,
        /** Joins as a viewer through the lobby: waits until a moderator admits them. */
        LOBBY,
        /** May not join. */
        DENIED
    }

    /** Reason code: the organiser of a room moderates it. */
    public static final String ORGANISER = "organiser";
    /** Reason code: the cell of the role table for members decided. */
    public static final String ROLE_TABLE = "role-table";
    /** Reason code: an invited guest waits in the lobby. */
    public static final String INVITED_GUEST = "invited-guest";
    /** Reason code: a person without a relation to the room is never admitted. */
    public static final String NO_RELATION = "no-relation";
    /** Reason code: a guest cannot organise a room. */
    public static final String GUEST_CANNOT_ORGANISE = "guest-cannot-organise";
    /** Reason code: the room does not allow guests. */
    public static final String GUESTS_NOT_ALLOWED = "guests-not-allowed";
    /** Reason code: the room sends everyone but moderators to the lobby. */
    public static final String EVERYONE_TO_LOBBY = "everyone-to-lobby";
    /**
     * Reason code: the person would enter through the lobby, but the running meeting was started
     * without one (the room's options changed after the start); from the next meeting on it works.
     */
    public static final String LOBBY_NOT_AVAILABLE = "lobby-not-available";
    /**
     * Reason code: a meeting of this room runs, but it was created as another kind of room (read
     * back from the meeting's metadata), so the decision made for the kind asked for does not hold.
     */
    public static final String ROOM_KIND_DIFFERS = "room-kind-differs";
    /**
     * Reason code: a meeting of this room runs, but it was created with other policy-relevant
     * settings (guests, lobby, recording, the role table or the room's overrides) than the room
     * has now; the room's current settings apply from its next meeting.
     */
    public static final String ROOM_SETTINGS_DIFFER = "room-settings-differ";

    private final Outcome outcome;
    private final String reasonCode;
    private final SchoolRole role;
    private final RoomKind kind;
    private final boolean overridden;

    /**
     * A decision; the reason sentences are rendered from these parts by {@link Reasons}.
     *
     * @param outcome the outcome
     * @param reasonCode one of the reason-code constants
     * @param role the school role the person joins in
     * @param kind the room's kind
     * @param overridden whether a school or room rule, not the default table, decided
     */
    Decision(Outcome outcome, String reasonCode, SchoolRole role, RoomKind kind, boolean overridden) {
        this.outcome = Objects.requireNonNull(outcome);
        this.reasonCode = Objects.requireNonNull(reasonCode);
        this.role = Objects.requireNonNull(role);
        this.kind = Objects.requireNonNull(kind);
        this.overridden = overridden;
    }

    /**
     * The outcome.
     *
     * @return the outcome
     */
    public Outcome outcome() {
        return outcome;
    }

    /**
     * Whether the person may start (create) the meeting. Only moderators may; everyone else waits
     * until the meeting runs.
     *
     * @return {@code true} for {@link Outcome#MODERATOR}
     */
    public boolean isAllowedToStart() {
        return outcome == Outcome.MODERATOR;
    }

    /**
     * Whether the person may enter at all.
     *
     * @return {@code false} for {@link Outcome#DENIED}
     */
    public boolean isAdmitted() {
        return outcome != Outcome.DENIED;
    }

    /**
     * Whether the person enters through the lobby.
     *
     * @return {@code true} for {@link Outcome#LOBBY}
     */
    public boolean isViaLobby() {
        return outcome == Outcome.LOBBY;
    }

    /**
     * The BigBlueButton role the person joins with.
     *
     * @return {@link Role#MODERATOR} or {@link Role#VIEWER}; empty when denied
     */
    public Optional<Role> bbbRole() {
        return switch (outcome) {
            case MODERATOR -> Optional.of(Role.MODERATOR);
            case VIEWER, LOBBY -> Optional.of(Role.VIEWER);
            case DENIED -> Optional.empty();
        };
    }

    /**
     * A stable key for the rule that decided, one of the constants of this class such as
     * {@link #ROLE_TABLE}.
     *
     * @return the code
     */
    public String reasonCode() {
        return reasonCode;
    }

    /**
     * The reason as an English sentence, free of personal data, for the portal's UI and audit log.
     * Same as {@code reason(Locale.ENGLISH)}.
     *
     * @return the reason
     */
    public String reason() {
        return Reasons.sentence(this, Locale.ENGLISH);
    }

    /**
     * The reason as a sentence in the given language, free of personal data: German for any
     * locale whose language is {@code de} (the wording of the Hessian school portal, gender-fair
     * plural forms such as "Schülerinnen und Schüler"), English for every other locale.
     *
     * @param locale the user's locale
     * @return the reason
     * @throws NullPointerException naming {@code locale} if it is {@code null}
     */
    public String reason(Locale locale) {
        return Reasons.sentence(this, locale);
    }

    SchoolRole role() {
        return role;
    }

    RoomKind kind() {
        return kind;
    }

    boolean overridden() {
        return overridden;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof Decision)) {
            return false;
        }
        Decision d = (Decision) o;
        return d.outcome == outcome && d.reasonCode.equals(reasonCode) && d.role == role && d.kind == kind
                && d.overridden == overridden;
    }

    @Override
    public int hashCode() {
        return Objects.hash(outcome, reasonCode, role, kind, overridden);
    }

    @Override
    public String toString() {
        return "Decision{" + outcome + ", allowedToStart=" + isAllowedToStart() + ", reason=" + reasonCode + '}';
    }
}
