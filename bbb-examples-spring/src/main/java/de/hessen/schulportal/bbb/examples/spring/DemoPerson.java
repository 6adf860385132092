// SPDX-License-Identifier: Apache-2.0
package de.hessen.schulportal.bbb.examples.spring;

import de.hessen.schulportal.bbb.portal.Person;
import de.hessen.schulportal.bbb.portal.Relation;
import de.hessen.schulportal.bbb.portal.SchoolRole;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A person of the demo school and how they relate to each room (organiser, member). In a real
 * portal this comes from the school's directory and the signed-in session.
 */
final class DemoPerson {
    private final String key;
    private final String id;
    private final String firstName;
    private final String lastName;
    private final SchoolRole role;
    private final Map<String, Relation> relationByRoom;

    DemoPerson(String key, String id, String firstName, String lastName, SchoolRole role, Map<String, Relation> relationByRoom) {
        this.key = key;
        this.id = id;
        this.firstName = firstName;
        this.lastName = lastName;
        this.role = role;
        this.relationByRoom = Map.copyOf(relationByRoom);
    }

    /**
     * The key the sign-in page uses.
     *
     * @return the key
     */
    public String key() {
        return key;
    }

    /**
     * The name shown in the portal.
     *
     * @return first and last name
     */
    public String displayName() {
        return firstName + " " + lastName;
    }

    /**
     * The school role.
     *
     * @return the role
     */
    public SchoolRole role() {
        return role;
    }

    boolean hasRoom(String roomId) {
        return relationByRoom.containsKey(roomId);
    }

    /**
     * The person as the adapter sees them in one room.
     *
     * @param roomId the room
     * @return the person in their relation to the room, or empty if the room is not theirs
     */
    Optional<Person> inRoom(String roomId) {
        Relation relation = relationByRoom.get(roomId);
        if (relation == null) {
            return Optional.empty();
        }
        return Optional.of(Person.builder(id, role, relation).firstName(firstName).lastName(lastName).build());
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DemoPerson && ((DemoPerson) o).key.equals(key);
    }

    @Override
    public int hashCode() {
        return Objects.hash(key);
    }

    @Override
    public String toString() {
        return "DemoPerson{" + key + '}';
    }
}
