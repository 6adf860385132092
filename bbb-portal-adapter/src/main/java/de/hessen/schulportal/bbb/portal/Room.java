// SPDX-License-Identifier: Apache-2.0
package de.hessen.schulportal.bbb.portal;

import java.util.Objects;

/**
 * A room of a school: the place a meeting happens in, again and again. Its BigBlueButton meeting
 * ID is a keyed pseudonym of (school, room ID); the title becomes the meeting name everyone in the
 * meeting sees.
 *
 * <p>Immutable.
 *
 * <pre>{@code
 * Room room = Room.builder(School.of("6021"), "kurs-7b-mathe", RoomKind.LESSON)
 *         .title("Klasse 7b – Mathematik")
 *         .build();
 * }</pre>
 */
public final class Room {
    private final School school;
    private final String id;
    private final RoomKind kind;
    private final String title;
    private final RoomOptions options;

    private Room(Builder b) {
        this.school = Checks.required("school", b.school);
        this.id = Checks.text("room id", b.id, 256);
        this.kind = Checks.required("kind", b.kind);
        String t = b.title == null ? defaultTitle(kind) : b.title;
        Checks.text("title", t, 256);
        if (t.length() < 2) {
            throw new IllegalArgumentException("title must be 2 to 256 characters (BigBlueButton's meeting name rule)");
        }
        this.title = t;
        this.options = b.options;
    }

    /**
     * Starts a room.
     *
     * @param school the school
     * @param id the portal's ID of the room: not blank, at most 256 characters; never sent to BigBlueButton
     * @param kind what the room is used for
     * @return a new builder
     */
    public static Builder builder(School school, String id, RoomKind kind) {
        return new Builder(school, id, kind);
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
    public Builder toBuilder() {
        return new Builder(school, id, kind).title(title).options(options);
    }

    /**
     * The school.
     *
     * @return the school
     */
    public School school() {
        return school;
    }

    /**
     * The portal's room ID.
     *
     * @return the ID
     */
    public String id() {
        return id;
    }

    /**
     * The kind.
     *
     * @return the kind
     */
    public RoomKind kind() {
        return kind;
    }

    /**
     * The meeting name shown in BigBlueButton.
     *
     * @return the title
     */
    public String title() {
        return title;
    }

    /**
     * The room's options.
     *
     * @return the options
     */
    public RoomOptions options() {
        return options;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof Room)) {
            return false;
        }
        Room r = (Room) o;
        return r.school.equals(school) && r.id.equals(id) && r.kind == kind && r.title.equals(title)
                && r.options.equals(options);
    }

    @Override
    public int hashCode() {
        return Objects.hash(school, id, kind, title, options);
    }

    @Override
    public String toString() {
        return "Room{school=" + school.id() + ", id=" + id + ", kind=" + kind + ", options=" + options + '}';
    }

    private static String defaultTitle(RoomKind kind) {
        return switch (kind) {
            case LESSON -> "Unterricht";
            case TUTORING -> "Förderung und Beratung";
            case CONSULTATION -> "Sprechstunde";
            case STAFF_MEETING -> "Dienstbesprechung";
            case CONFERENCE -> "Konferenz";
        };
    }

    /**
     * Collects a {@link Room}. Each setter returns this builder and replaces the value set before; a
     * {@code null} argument throws {@link NullPointerException} naming it, and the values are checked
     * at {@link #build()}. Not thread-safe.
     */
    public static final class Builder {
        private final School school;
        private final String id;
        private final RoomKind kind;
        private String title;
        private RoomOptions options = RoomOptions.defaults();

        private Builder(School school, String id, RoomKind kind) {
            this.school = school;
            this.id = id;
            this.kind = kind;
        }

        /**
         * The meeting name shown in BigBlueButton. Default: a neutral German name of the kind, such
         * as {@code Unterricht}. Do not put names of pupils or families here: everyone in the
         * meeting and the BigBlueButton operator see it.
         *
         * @param value 2 to 256 characters, no control characters
         */
        public Builder title(String value) {
            this.title = Checks.required("title", value);
            return this;
        }

        /** The room's options. Default {@link RoomOptions#defaults()}. */
        public Builder options(RoomOptions value) {
            this.options = Checks.required("options", value);
            return this;
        }

        /**
         * Validates and builds the room.
         *
         * @return the room
         * @throws IllegalArgumentException naming the field and the rule it breaks
         */
        public Room build() {
            return new Room(this);
        }
    }
}
