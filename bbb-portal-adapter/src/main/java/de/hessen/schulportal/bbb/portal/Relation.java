// SPDX-License-Identifier: Apache-2.0
package de.hessen.schulportal.bbb.portal;

/** How a person relates to a room, as the portal knows it. */
public enum Relation {
    /** Owns or runs the room (the class teacher of the lesson, the host of the consultation). Always a moderator, except a guest. */
    ORGANISER,
    /** Belongs to the room (pupil of the class, member of the conference). The role table decides. */
    MEMBER,
    /** Invited from outside for this room. Enters only through the lobby, and only where the room allows guests. */
    INVITED_GUEST,
    /** No relation to the room. Always denied. */
    NONE
}
