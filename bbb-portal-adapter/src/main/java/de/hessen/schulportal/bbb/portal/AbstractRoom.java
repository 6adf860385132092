// SPDX-License-Identifier: Apache-2.0
package de.hessen.schulportal.bbb.portal;

import de.hessen.schulportal.bbb.portal.internal.ValueType;
import org.immutables.value.Value;

/**
 * A room of a school: the place a meeting happens in, again and again. Its BigBlueButton meeting
 * ID is a keyed pseudonym of (school, room ID); the title becomes the meeting name everyone in the
 * meeting sees.
 *
 * <p>Immutable. The builder refuses a {@code null} argument with a {@link NullPointerException}
 * naming it; {@code build()} checks the ID and the title and names the field and the rule it
 * breaks. {@code toString()} masks the title.
 *
 * <pre>{@code
 * Room room = Room.builder(School.of("6021"), "kurs-7b-mathe", RoomKind.LESSON)
 *         .title("Klasse 7b – Mathematik")
 *         .build();
 * }</pre>
 */
@Value.Immutable
@ValueType
abstract class AbstractRoom {
    /**
     * Starts a room.
     *
     * @param school the school
     * @param id the portal's ID of the room: not blank, at most 256 characters; never sent to BigBlueButton
     * @param kind what the room is used for
     * @return a new builder
     */
    public static Room.Builder builder(School school, String id, RoomKind kind) {
        return Room.builder().school(school).id(id).kind(kind);
    }

    /**
     * A room with default options.
     *
     * @param school the school
     * @param id the portal's ID of the room
     * @param kind what the room is used for
     * @param title the meeting name
     * @return the room
     */
    public static Room of(School school, String id, RoomKind kind, String title) {
        return builder(school, id, kind).title(title).build();
    }

    /**
     * A builder with this room's values.
     *
     * @return a new builder
     */
    public Room.Builder toBuilder() {
        return Room.builder().from(this);
    }

    /** {@return the school} */
    public abstract School school();

    /** {@return the portal's room ID} */
    public abstract String id();

    /** {@return what the room is used for} */
    public abstract RoomKind kind();

    /**
     * The meeting name shown in BigBlueButton: 2 to 256 characters, no control characters. Default: a
     * neutral German name of the kind, such as {@code Unterricht}. Do not put names of pupils or
     * families here: everyone in the meeting and the BigBlueButton operator see it.
     *
     * @return the title
     */
    @Value.Default
    @Value.Redacted
    public String title() {
        return switch (kind()) {
            case LESSON -> "Unterricht";
            case TUTORING -> "Förderung und Beratung";
            case CONSULTATION -> "Sprechstunde";
            case STAFF_MEETING -> "Dienstbesprechung";
            case CONFERENCE -> "Konferenz";
        };
    }

    /** {@return the room's options; default {@link RoomOptions#defaults()}} */
    @Value.Default
    public RoomOptions options() {
        return RoomOptions.defaults();
    }

    @Value.Check
    void check() {
        Checks.text("room id", id(), 256);
        Checks.text("title", title(), 256);
        if (title().length() < 2) {
            throw new IllegalArgumentException("title must be 2 to 256 characters (BigBlueButton's meeting name rule)");
        }
    }
}
