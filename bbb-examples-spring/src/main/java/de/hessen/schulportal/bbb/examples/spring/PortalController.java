// SPDX-License-Identifier: Apache-2.0
package de.hessen.schulportal.bbb.examples.spring;

import de.hessen.schulportal.bbb.portal.Decision;
import de.hessen.schulportal.bbb.portal.JoinOutcome;
import de.hessen.schulportal.bbb.portal.Person;
import de.hessen.schulportal.bbb.portal.Room;
import de.hessen.schulportal.bbb.portal.SchoolConferences;
import jakarta.servlet.http.HttpSession;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.ModelAndView;

/**
 * The portal's pages: sign in as a demo person, the person's rooms, join (a redirect to
 * BigBlueButton), wait and denied. Texts follow the browser's language (German or English); the
 * reasons come from the adapter in the same language.
 */
@Controller
class PortalController {
    private static final String PERSON = "person";

    private final DemoSchool school;
    private final SchoolConferences conferences;

    PortalController(DemoSchool school, SchoolConferences conferences) {
        this.school = school;
        this.conferences = conferences;
    }

    /** One row of the rooms page. */
    static final class RoomRow {
        private final Room room;
        private final Decision decision;
        private final Locale locale;

        RoomRow(Room room, Decision decision, Locale locale) {
            this.room = room;
            this.decision = decision;
            this.locale = locale;
        }

        /**
         * The room's ID.
         *
         * @return the ID
         */
        public String id() {
            return room.id();
        }

        /**
         * The room's title.
         *
         * @return the title
         */
        public String title() {
            return room.title();
        }

        /**
         * The room kind, for the label.
         *
         * @return the kind's name
         */
        public String kind() {
            return room.kind().name();
        }

        /**
         * What the person may do, for the label.
         *
         * @return the outcome's name
         */
        public String outcome() {
            return decision.outcome().name();
        }

        /**
         * Whether a join button is shown.
         *
         * @return {@code true} unless denied
         */
        public boolean isJoinable() {
            return decision.outcome() != Decision.Outcome.DENIED;
        }

        /**
         * The adapter's reason in the page's language.
         *
         * @return the sentence
         */
        public String reason() {
            return decision.reason(locale);
        }
    }

    @GetMapping("/")
    String signIn(Model model) {
        model.addAttribute("people", school.people());
        return "sign-in";
    }

    @PostMapping("/sign-in")
    String signIn(@RequestParam("person") String key, HttpSession session) {
        DemoPerson person = school.person(key).orElseThrow(() -> new ResponseStatusException(HttpStatus.BAD_REQUEST));
        session.setAttribute(PERSON, person.key());
        return "redirect:/rooms";
    }

    @PostMapping("/sign-out")
    String signOut(HttpSession session) {
        session.invalidate();
        return "redirect:/";
    }

    @GetMapping("/rooms")
    String rooms(HttpSession session, Model model, Locale locale) {
        Optional<DemoPerson> person = signedIn(session);
        if (person.isEmpty()) {
            return "redirect:/";
        }
        List<RoomRow> rows = new ArrayList<>();
        for (Room room : school.roomsOf(person.get())) {
            Person p = person.get().inRoom(room.id()).orElseThrow();
            rows.add(new RoomRow(room, conferences.decide(room, p), locale));
        }
        model.addAttribute("person", person.get());
        model.addAttribute("rooms", rows);
        return "rooms";
    }

    /**
     * Joins a room: the adapter joins on the server at this click, then a 303 to the session URL
     * (BigBlueButton's client, or the lobby's wait page), the wait page, or the denied page (403).
     * The browser never holds a signed join URL it could bend.
     */
    @PostMapping("/rooms/{roomId}/join")
    Object join(@PathVariable("roomId") String roomId, HttpSession session, Model model, Locale locale) {
        DemoPerson demo = signedIn(session).orElseThrow(() -> new ResponseStatusException(HttpStatus.UNAUTHORIZED));
        Room room = school.room(roomId).filter(r -> demo.hasRoom(r.id()))
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        JoinOutcome outcome = conferences.join(room, demo.inRoom(room.id()).orElseThrow());
        model.addAttribute("person", demo);
        model.addAttribute("room", room);
        model.addAttribute("reason", outcome.decision().reason(locale));
        switch (outcome.kind()) {
            case SESSION:
                // The session URL goes to the browser only, never into a log, a page or a Referer.
                return ResponseEntity.status(HttpStatus.SEE_OTHER).header("Referrer-Policy", "no-referrer")
                        .location(outcome.sessionUrl().orElseThrow()).build();
            case WAIT_FOR_START:
                return "wait";
            default:
                return new ModelAndView("denied", model.asMap(), HttpStatus.FORBIDDEN);
        }
    }

    private Optional<DemoPerson> signedIn(HttpSession session) {
        Object key = session.getAttribute(PERSON);
        return key instanceof String ? school.person((String) key) : Optional.empty();
    }
}
