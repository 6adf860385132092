// SPDX-License-Identifier: Apache-2.0
package de.hessen.schulportal.bbb.examples;

import de.hessen.schulportal.bbb.portal.JoinOutcome;
import de.hessen.schulportal.bbb.portal.Person;
import de.hessen.schulportal.bbb.portal.Pseudonyms;
import de.hessen.schulportal.bbb.portal.Relation;
import de.hessen.schulportal.bbb.portal.Room;
import de.hessen.schulportal.bbb.portal.RoomKind;
import de.hessen.schulportal.bbb.portal.RoomOptions;
import de.hessen.schulportal.bbb.portal.RoomStatus;
import de.hessen.schulportal.bbb.portal.School;
import de.hessen.schulportal.bbb.portal.SchoolConferences;
import de.hessen.schulportal.bbb.portal.SchoolRole;
import de.hessen.schulportal.bbb.portal.TenantDirectory;
import de.hessen.schulportal.bbb.testkit.BbbSimulator;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The demo the README starts with: one morning at a Hessian school, told through the portal
 * adapter. A class teacher opens a maths lesson, pupils who come early wait, a parent who tries the
 * lesson is turned away, the same parent waits in the lobby of a consultation and is admitted, an
 * interpreter joins a tutoring session as a guest, the staff meet, and at the end every room is
 * ended. It prints who joined as what and why, the state of every room, and the (masked) links.
 *
 * <p>Against the embedded simulator (the default) the demo also "clicks" every link the way a
 * browser would and admits lobby guests as the moderator would, so the status table shows real
 * attendees. Against a real server ({@code BBB_URL}, {@code BBB_SECRET}; see {@link ExampleServer})
 * it creates and ends the meetings and issues the links, but nobody clicks them: links to a real
 * server are personal and are never printed.
 *
 * <p>Pseudonym key: {@code BBB_PSEUDONYM_KEY} (base64, at least 32 bytes) when set, otherwise a
 * random key for this run only.
 *
 * <p>Run: {@code mvn -q -Pdemo verify} (this is the default example).
 */
public final class SchoolMorningDemo {
    /**
     * One "this person opens this room" of the morning and what came of it.
     *
     * @param time the time of day, for the story
     * @param who the person's name as the table shows it
     * @param person the person
     * @param room the room
     * @param outcome what the adapter decided and did
     * @param admittedFromLobby whether a moderator admitted the person from the lobby (simulator only)
     */
    record Step(String time, String who, Person person, Room room, JoinOutcome outcome, boolean admittedFromLobby) {
    }

    /**
     * What the morning produced, for tests and for the printout.
     *
     * @param steps every join attempt, in order
     * @param statusBeforeEnd each room's status just before it was ended
     * @param ended per room, whether ending it ended a running meeting
     */
    record Morning(List<Step> steps, Map<Room, RoomStatus> statusBeforeEnd, Map<Room, Boolean> ended) {
    }

    static final School SCHOOL = School.of("6021", "Goethe-Schule Musterstadt");
    static final Room LESSON = Room.of(SCHOOL, "kurs-7b-mathe", RoomKind.LESSON, "Klasse 7b – Mathematik");
    static final Room CONSULTATION = Room.of(SCHOOL, "sprechstunde-becker", RoomKind.CONSULTATION, "Sprechstunde Herr Becker");
    static final Room TUTORING = Room.builder(SCHOOL, "foerderkurs-deutsch", RoomKind.TUTORING)
            .title("Förderkurs Deutsch")
            .options(RoomOptions.builder().guestsAllowed(true).build())
            .build();
    // A Dienstbesprechung (staff meeting), not a Gesamtkonferenz: that is a formal body of the school law
    // with parents' and pupils' representatives, which RoomKind.STAFF_MEETING's rules would keep out.
    static final Room STAFF_MEETING = Room.of(SCHOOL, "dienstbesprechung", RoomKind.STAFF_MEETING, "Dienstbesprechung");

    private final ExampleServer server;
    private final Pseudonyms pseudonyms;
    private final SchoolConferences conferences;
    private final List<Step> steps = new ArrayList<>();

    SchoolMorningDemo(ExampleServer server, Pseudonyms pseudonyms) {
        this.server = server;
        this.pseudonyms = pseudonyms;
        this.conferences = SchoolConferences.builder()
                .tenants(TenantDirectory.single(server.client()))
                .pseudonyms(pseudonyms)
                .metadata("bbb-origin", "schulportal-demo")
                .build();
    }

    /**
     * Runs the morning and prints it.
     *
     * @param args unused
     */
    public static void main(String[] args) {
        String key = System.getenv("BBB_PSEUDONYM_KEY");
        Pseudonyms pseudonyms = key == null || key.isBlank() ? Pseudonyms.of(randomKey()) : Pseudonyms.fromBase64(key);
        try (ExampleServer server = ExampleServer.fromEnvironment()) {
            System.out.println("Connected to " + server.describe());
            System.out.println();
            Morning morning = new SchoolMorningDemo(server, pseudonyms).run();
            print(morning, server.isSimulated(), System.out);
        }
    }

    static byte[] randomKey() {
        byte[] key = new byte[Pseudonyms.MIN_KEY_BYTES];
        new SecureRandom().nextBytes(key);
        return key;
    }

    /** The morning, scene by scene. */
    Morning run() {
        Person kim = Person.builder("u-1001", SchoolRole.STUDENT, Relation.MEMBER).firstName("Kim").lastName("Yilmaz").build();
        Person ali = Person.builder("u-1002", SchoolRole.STUDENT, Relation.MEMBER).firstName("Ali").lastName("Kaya")
                .recordingConsent(false).build();
        Person schmidt = Person.builder("u-2001", SchoolRole.TEACHER, Relation.ORGANISER).firstName("Petra").lastName("Schmidt")
                .build();
        Person mother = Person.builder("u-3001", SchoolRole.PARENT, Relation.MEMBER).firstName("Aylin").lastName("Yilmaz").build();
        Person becker = Person.builder("u-2002", SchoolRole.TEACHER, Relation.ORGANISER).firstName("Jonas").lastName("Becker")
                .build();
        Person oeztuerk = Person.builder("u-2003", SchoolRole.TEACHER, Relation.ORGANISER).firstName("Selin").lastName("Öztürk")
                .build();
        Person interpreter = Person.builder("ext-77", SchoolRole.GUEST, Relation.INVITED_GUEST).firstName("Jana").lastName("Roth")
                .build();
        Person principal = Person.builder("u-2000", SchoolRole.PRINCIPAL, Relation.ORGANISER).firstName("Martin").lastName("Weber")
                .build();
        Person secretary = Person.builder("u-4001", SchoolRole.STAFF, Relation.MEMBER).firstName("Heike").lastName("Lang").build();

        // 1st lesson: pupils are early, the class teacher starts the meeting, a parent is not part of a lesson.
        open("07:50", kim, LESSON);
        open("07:55", mother, LESSON);
        open("08:00", schmidt, LESSON);
        open("08:01", kim, LESSON);
        open("08:02", ali, LESSON);
        // Parents' consultation: parents wait in the lobby until the teacher lets them in.
        open("10:00", becker, CONSULTATION);
        open("10:05", mother, CONSULTATION);
        // Tutoring with an interpreter from outside: guests only through the lobby, never moderators.
        open("11:00", oeztuerk, TUTORING);
        open("11:02", interpreter, TUTORING);
        // Staff meeting in the afternoon: no pupils.
        open("13:55", kim, STAFF_MEETING);
        open("14:00", principal, STAFF_MEETING);
        // In the staff meeting the class teacher is a member, not the organiser: the table makes her a moderator.
        open("14:01", Person.builder("u-2001", SchoolRole.TEACHER, Relation.MEMBER).firstName("Petra").lastName("Schmidt").build(),
                STAFF_MEETING);
        open("14:02", secretary, STAFF_MEETING);

        Map<Room, RoomStatus> status = new LinkedHashMap<>();
        Map<Room, Boolean> ended = new LinkedHashMap<>();
        for (Room room : List.of(LESSON, CONSULTATION, TUTORING, STAFF_MEETING)) {
            status.put(room, conferences.status(room));
        }
        for (Room room : status.keySet()) {
            ended.put(room, conferences.end(room));
        }
        return new Morning(List.copyOf(steps), status, ended);
    }

    private void open(String time, Person person, Room room) {
        JoinOutcome outcome = conferences.join(room, person);
        boolean admitted = false;
        Optional<BbbSimulator> sim = server.simulator();
        if (sim.isPresent() && outcome.kind() == JoinOutcome.Kind.SESSION) {
            SimulatorBrowser.open(outcome.sessionUrl().orElseThrow());
            if (outcome.isViaLobby()) {
                // The moderator sees the name in the lobby and admits the person.
                admitted = sim.get().approveGuest(outcome.meetingId(), pseudonyms.userId(room, person));
            }
        }
        steps.add(new Step(time, person.firstName() + " " + person.lastName(), person, room, outcome, admitted));
    }

    /** Prints the morning: who joined as what and why, the rooms, the links. */
    static void print(Morning morning, boolean simulated, PrintStream out) {
        out.println("Who opened which room, and what the portal adapter decided:");
        out.println();
        Table who = new Table("TIME", "WHO", "AS", "ROOM", "OUTCOME", "BBB ROLE", "WHY");
        for (Step s : morning.steps()) {
            JoinOutcome o = s.outcome();
            String outcome = switch (o.kind()) {
                case SESSION -> o.isViaLobby()
                        ? (s.admittedFromLobby() ? "lobby, admitted" : "session, lobby")
                        : (o.hasStartedMeeting() ? "session, started" : "session");
                case SIGNED_LINK -> "signed link";
                case WAIT_FOR_START -> "wait for start";
                case DENIED -> "denied";
            };
            who.row(s.time(), s.who(), as(s.person()), s.room().title(), outcome,
                    o.bbbRole().map(SchoolMorningDemo::lower).orElse(null), o.decision().reasonCode());
        }
        out.print(who);
        out.println();
        out.println("Reasons, as a portal would show them (English and German):");
        morning.steps().stream().map(s -> s.outcome().decision())
                .map(d -> "  " + d.reasonCode() + ": " + d.reason() + System.lineSeparator()
                        + "  " + " ".repeat(d.reasonCode().length() + 1) + " " + d.reason(Locale.GERMAN))
                .distinct()
                .forEach(out::println);
        out.println();

        out.println("The rooms in the afternoon, and what ending them did"
                + (simulated ? "" : " (nobody clicked the links on a real server)") + ":");
        out.println();
        Table rooms = new Table("ROOM", "MEETING ID (pseudonymous)", "IN THE AFTERNOON", "MODERATORS", "VIEWERS", "BY SCHOOL ROLE",
                "AT THE END OF THE DAY");
        morning.statusBeforeEnd().forEach((room, st) -> rooms.row(room.title(), st.meetingId(), st.isRunning() ? "running" : "not running",
                st.moderatorCount(), st.viewerCount(), bySchoolRole(st), atTheEnd(st.isRunning(), morning.ended().get(room))));
        out.print(rooms);
        out.println();

        out.println("Session URLs (joined on the server; the token is masked: they are personal, never log them):");
        for (Step s : morning.steps()) {
            s.outcome().sessionUrl().ifPresent(url -> out.println("  " + s.time() + " " + s.who() + ": "
                    + (simulated ? masked(url) + "  [simulator]" : "issued, not shown")));
        }
    }

    /** A session URL with its token masked: the token lets anyone in as that person. */
    static String masked(java.net.URI url) {
        return url.getScheme() + "://" + url.getRawAuthority() + url.getRawPath() + "?sessionToken=***";
    }

    /** One column, one moment: the status was taken before the end, so the last column says what ending did. */
    static String atTheEnd(boolean wasRunning, boolean endedARunningMeeting) {
        if (endedARunningMeeting) {
            return "ended";
        }
        return wasRunning ? "still running (end failed)" : "nothing to end";
    }

    private static String bySchoolRole(RoomStatus st) {
        StringBuilder sb = new StringBuilder();
        st.countsBySchoolRole().forEach((role, n) -> {
            if (n > 0) {
                sb.append(sb.length() == 0 ? "" : ", ").append(count(n, role));
            }
        });
        return sb.length() == 0 ? "-" : sb.toString();
    }

    /** "1 teacher", "2 students", "1 staff member": words, not enum names. */
    static String count(int n, SchoolRole role) {
        String one = word(role);
        String many = role == SchoolRole.STAFF ? "staff members" : one + "s";
        return n + " " + (n == 1 ? one : many);
    }

    private static String word(SchoolRole role) {
        switch (role) {
            case PRINCIPAL:
                return "principal";
            case TEACHER:
                return "teacher";
            case STUDENT:
                return "student";
            case PARENT:
                return "parent";
            case STAFF:
                return "staff member";
            default:
                return "guest";
        }
    }

    /** "teacher, organiser", "guest, invited": the school role and the relation to the room, in words. */
    static String as(Person person) {
        String relation;
        switch (person.relation()) {
            case ORGANISER:
                relation = "organiser";
                break;
            case INVITED_GUEST:
                relation = "invited";
                break;
            default:
                relation = "member";
        }
        return (person.role() == SchoolRole.STAFF ? "staff" : word(person.role())) + ", " + relation;
    }

    private static String lower(Enum<?> e) {
        return e.name().toLowerCase(Locale.ROOT);
    }

    /** For the README and tests: the printout as one string. */
    static String printToString(Morning morning, boolean simulated) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8)) {
            print(morning, simulated, out);
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
