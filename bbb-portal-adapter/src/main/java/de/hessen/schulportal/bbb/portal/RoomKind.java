// SPDX-License-Identifier: Apache-2.0
package de.hessen.schulportal.bbb.portal;

import java.util.Locale;

/** What a room is used for, in the terms the ministry uses for the video-conference service. */
public enum RoomKind {
    /** Teaching a class or learning group (Unterricht). */
    LESSON,
    /** Individual support and counselling in small groups (Förderung, Beratung). */
    TUTORING,
    /** Conversations of teachers with learners or parents, e.g. a parents' evening (Sprechstunde, Elternsprechtag). */
    CONSULTATION,
    /** Conversations between teachers (Dienstbesprechung). */
    STAFF_MEETING,
    /** School administration: class, subject or school conferences (Konferenzen). */
    CONFERENCE;

    /**
     * The lower-case wire value used in metadata, e.g. {@code staff-meeting}.
     *
     * @return the value
     */
    public String wireValue() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
