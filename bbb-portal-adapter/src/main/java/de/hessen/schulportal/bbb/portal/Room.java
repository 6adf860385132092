// SPDX-License-Identifier: Apache-2.0
package de.hessen.schulportal.bbb.portal;

import java.util.Objects;

/**
 * A room of a school: the place a meeting happens in, again and again. Its BigBlueButton meeting
 * ID is a keyed pseudonym of (school, room ID); the title becomes the meeting name everyone in the
 * meeting sees.
 *
 * <p>The school, the room ID and the kind are the room's identity: they go into
 * {@link #builder(School, String, RoomKind)} (or {@link #of(School, String, RoomKind, String)}) and no
 * builder changes them, so {@link #toBuilder()} varies the title and the options of the same room.
 * The title is the meeting name: 2 to 256 characters, no control characters, no surrounding
 * whitespace; without one the room takes a neutral German name of its kind, such as
 * {@code Unterricht}. <strong>Do not put names of pupils or families in the title</strong>: everyone
 * in the meeting and the BigBlueButton operator see it.
 *
 * <p>Immutable and thread-safe. {@code toString()} masks the title.
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
        this.school = b.school;
        this.id = Checks.text("room id", b.id, 256);
        this.kind = b.kind;
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
     * @param id the portal's ID of the room: not blank, at most 256 characters, no control characters,
     *           no surrounding whitespace (checked at {@link Builder#build()}); never sent to
     *           BigBlueButton (only its keyed pseudonym is)
     * @param kind what the room is used for
     * @return a new builder
     * @throws NullPointerException naming the argument ({@code school}, {@code room id}, {@code kind})
     *                              that is {@code null}
     */
    public static Builder builder(School school, String id, RoomKind kind) {
        return new Builder(school, id, kind);
    }

    /**
     * A room with default options.
     *
     * @param school the school
     * @param id the portal's ID of the room, as in {@link #builder(School, String, RoomKind)}
     * @param kind what the room is used for
     * @param title the meeting name, as in {@link Builder#title(String)}
     * @return the room
     * @throws NullPointerException naming the argument that is {@code null}
     * @throws IllegalArgumentException naming the parameter and the rule it breaks
     */
    public static Room of(School school, String id, RoomKind kind, String title) {
        return builder(school, id, kind).title(title).build();
    }

    /**
     * A builder for the same room (school, ID and kind) with this room's title and options.
     *
     * @return a new builder
     */
    public Builder toBuilder() {
        return new Builder(school, id, kind).title(title).options(options);
    }

    /** {@return the school} */
    public School school() {
        return school;
    }

    /** {@return the portal's room ID} */
    public String id() {
        return id;
    }

    /** {@return what the room is used for} */
    public RoomKind kind() {
        return kind;
    }

    /** {@return the meeting name shown in BigBlueButton: the title set, or the kind's default} */
    public String title() {
        return title;
    }

    /** {@return the room's options; default {@link RoomOptions#defaults()}} */
    public RoomOptions options() {
        return options;
    }

    /** Equal if school, ID, kind, title and options are. */
    @Override
    public boolean equals(Object o) {
        return o instanceof Room r && r.school.equals(school) && r.id.equals(id) && r.kind == kind
                && r.title.equals(title) && r.options.equals(options);
    }

    @Override
    public int hashCode() {
        return Objects.hash(school, id, kind, title, options);
    }

    /** {@return the school, ID, kind and options; the title masked ({@code title=****})} */
    @Override
    public String toString() {
        return "Room{school=" + school + ", id=" + id + ", kind=" + kind + ", title=****, options=" + options + '}';
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
     * Collects the title and the options of a {@link Room}; its school, ID and kind were given to
     * {@link Room#builder(School, String, RoomKind)}. Each setter returns this builder and replaces
     * the value set before; a {@code null} argument throws {@link NullPointerException} naming it.
     * The values are checked at {@link #build()}, which throws {@link IllegalArgumentException}
     * naming the parameter and the rule it breaks. Not thread-safe.
     */
    public static final class Builder {
        private final School school;
        private final String id;
        private final RoomKind kind;
        private String title;
        private RoomOptions options = RoomOptions.defaults();

        private Builder(School school, String id, RoomKind kind) {
            this.school = Checks.required("school", school);
            this.id = Checks.required("room id", id);
            this.kind = Checks.required("kind", kind);
        }

        /**
         * The meeting name shown in BigBlueButton. Default: a neutral German name of the kind, such
         * as {@code Unterricht}. Do not put names of pupils or families here: everyone in the
         * meeting and the BigBlueButton operator see it.
         *
         * @param value 2 to 256 characters, no control characters, no surrounding whitespace
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
         * @throws IllegalArgumentException naming the parameter ({@code room id}, {@code title}) and the
         *                                  rule it breaks
         */
        public Room build() {
            return new Room(this);
        }
    }
}
