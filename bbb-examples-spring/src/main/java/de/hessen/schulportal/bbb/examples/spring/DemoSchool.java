// SPDX-License-Identifier: Apache-2.0
package de.hessen.schulportal.bbb.examples.spring;

import de.hessen.schulportal.bbb.portal.Relation;
import de.hessen.schulportal.bbb.portal.Room;
import de.hessen.schulportal.bbb.portal.RoomKind;
import de.hessen.schulportal.bbb.portal.School;
import de.hessen.schulportal.bbb.portal.SchoolRole;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** The demo school: three rooms and five people, the cast of the README's school morning. */
@Component
class DemoSchool {
    static final School SCHOOL = School.of("6021", "Gesamtschule am Park");
    static final Room LESSON = Room.of(SCHOOL, "kurs-7b-mathe", RoomKind.LESSON, "Klasse 7b – Mathematik");
    static final Room CONSULTATION = Room.of(SCHOOL, "sprechstunde-becker", RoomKind.CONSULTATION, "Sprechstunde Herr Becker");
    // A Dienstbesprechung, as in the console demo (SchoolMorningDemo): teachers and the principal only. A
    // Gesamtkonferenz is the formal body of the school law with parents' and pupils' representatives
    // (RoomKind.CONFERENCE), which this room's kind would keep out.
    static final Room STAFF = Room.of(SCHOOL, "dienstbesprechung", RoomKind.STAFF_MEETING, "Dienstbesprechung");

    private static final List<Room> ROOMS = List.of(LESSON, CONSULTATION, STAFF);
    private static final List<DemoPerson> PEOPLE = List.of(
            new DemoPerson("petra", "u-1001", "Petra", "Schmidt", SchoolRole.TEACHER,
                    Map.of(LESSON.id(), Relation.ORGANISER, STAFF.id(), Relation.MEMBER)),
            new DemoPerson("kim", "u-4711", "Kim", "Yilmaz", SchoolRole.STUDENT, Map.of(LESSON.id(), Relation.MEMBER)),
            new DemoPerson("aylin", "u-4712", "Aylin", "Yilmaz", SchoolRole.PARENT,
                    Map.of(LESSON.id(), Relation.MEMBER, CONSULTATION.id(), Relation.MEMBER)),
            new DemoPerson("jonas", "u-1002", "Jonas", "Becker", SchoolRole.TEACHER,
                    Map.of(CONSULTATION.id(), Relation.ORGANISER, STAFF.id(), Relation.MEMBER)),
            new DemoPerson("martin", "u-1000", "Martin", "Weber", SchoolRole.PRINCIPAL, Map.of(STAFF.id(), Relation.ORGANISER)));

    List<DemoPerson> people() {
        return PEOPLE;
    }

    Optional<DemoPerson> person(String key) {
        return PEOPLE.stream().filter(p -> p.key().equals(key)).findFirst();
    }

    List<Room> roomsOf(DemoPerson person) {
        return ROOMS.stream().filter(r -> person.hasRoom(r.id())).toList();
    }

    Optional<Room> room(String id) {
        return ROOMS.stream().filter(r -> r.id().equals(id)).findFirst();
    }
}
