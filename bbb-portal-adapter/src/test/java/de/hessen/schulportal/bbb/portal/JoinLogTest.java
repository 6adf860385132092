// SPDX-License-Identifier: Apache-2.0
package de.hessen.schulportal.bbb.portal;

import static org.assertj.core.api.Assertions.assertThat;

import de.hessen.schulportal.bbb.client.BbbClient;
import de.hessen.schulportal.bbb.portal.JoinOutcome.Kind;
import de.hessen.schulportal.bbb.testkit.BbbSimulator;
import de.hessen.schulportal.bbb.testkit.BbbSimulatorExtension;
import de.hessen.schulportal.bbb.testsupport.CapturingLoggerProvider;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The adapter's logging (STYLE.md, "Secrets, logging"): one DEBUG line per join and per end, in the
 * key=value form of the client's line per call; the steps of a join only at TRACE; no name, person ID
 * or URL at any level. The log guard of bbb-test-support captures everything at TRACE.
 */
@ExtendWith(BbbSimulatorExtension.class)
class JoinLogTest {
    private static final String LOGGER = "de.hessen.schulportal.bbb.portal.SchoolConferences";
    private static final Pattern KEY_VALUES = Pattern.compile("\\[call=portal\\.(join|end)( [a-zA-Z]+=[^ \\]]+)+]");
    static BbbSimulator sim;
    static BbbClient bbb;
    static SchoolConferences conferences;

    @BeforeAll
    static void setUp() {
        bbb = BbbClient.builder().baseUrl(sim.baseUrl()).secret(sim.secret()).build();
        conferences = SchoolConferences.builder().tenants(TenantDirectory.single(bbb))
                .pseudonyms(Pseudonyms.of(PseudonymsTest.KEY)).build();
    }

    @AfterAll
    static void tearDown() {
        bbb.close();
    }

    private static Person person(String id, SchoolRole role, String first, String last) {
        return Person.builder(id, role, Relation.MEMBER).firstName(first).lastName(last).build();
    }

    /** The adapter's lines since the last clear, at the given level, without the logger name. */
    private static List<String> lines(String level) {
        String prefix = level + ' ' + LOGGER + " - ";
        return CapturingLoggerProvider.lines().stream().filter(l -> l.startsWith(prefix))
                .map(l -> l.substring(prefix.length())).toList();
    }

    private static void assertNoPersonalData(Person... people) {
        List<String> adapterLines = CapturingLoggerProvider.lines().stream().filter(l -> l.contains(" " + LOGGER + " - "))
                .toList();
        assertThat(adapterLines).isNotEmpty();
        for (String line : adapterLines) {
            assertThat(line).doesNotContain("http").doesNotContain("sessionToken").doesNotContain("Klasse 7b");
            for (Person p : people) {
                assertThat(line).doesNotContain(p.id()).doesNotContain(p.firstName()).doesNotContain(p.lastName());
            }
        }
    }

    @Test
    void join_writesOneDebugLine_perJoin_inKeyValueForm() throws Exception {
        Room room = Room.builder(School.of("6021"), "log-" + System.nanoTime(), RoomKind.LESSON).title("Klasse 7b").build();
        Person teacher = person("u-4711-lehrkraft", SchoolRole.TEACHER, "Petra", "Schmidt");
        Person student = person("u-0815-schueler", SchoolRole.STUDENT, "Kim", "Yilmaz");
        Person parent = person("u-0042-eltern", SchoolRole.PARENT, "Aylin", "Demir");

        CapturingLoggerProvider.clear();
        JoinOutcome started = conferences.join(room, teacher);
        assertThat(started.kind()).isEqualTo(Kind.SESSION);
        assertThat(lines("DEBUG")).singleElement().asString().matches(KEY_VALUES.asPredicate())
                .isEqualTo("[call=portal.join kind=LESSON role=TEACHER relation=MEMBER outcome=MODERATOR reason=role-table"
                        + " result=SESSION guestStatus=ALLOW startedMeeting=true meetingId=" + started.meetingId() + "]");
        assertThat(lines("TRACE")).as("the steps, at TRACE").isNotEmpty().allMatch(l -> l.startsWith("[step="));
        assertNoPersonalData(teacher);

        CapturingLoggerProvider.clear();
        assertThat(conferences.async().join(room, student).get(30, TimeUnit.SECONDS).kind()).isEqualTo(Kind.SESSION);
        assertThat(lines("DEBUG")).as("async too").singleElement().asString()
                .isEqualTo("[call=portal.join kind=LESSON role=STUDENT relation=MEMBER outcome=VIEWER reason=role-table"
                        + " result=SESSION guestStatus=ALLOW startedMeeting=false meetingId=" + started.meetingId() + "]");
        assertNoPersonalData(student);

        CapturingLoggerProvider.clear();
        assertThat(conferences.join(room, parent).kind()).isEqualTo(Kind.DENIED);
        assertThat(lines("DEBUG")).singleElement().asString()
                .isEqualTo("[call=portal.join kind=LESSON role=PARENT relation=MEMBER outcome=DENIED reason=role-table"
                        + " result=DENIED guestStatus=- startedMeeting=false meetingId=" + started.meetingId() + "]");
        assertNoPersonalData(parent);

        CapturingLoggerProvider.clear();
        assertThat(conferences.end(room)).isTrue();
        assertThat(lines("DEBUG")).singleElement().asString().matches(KEY_VALUES.asPredicate())
                .isEqualTo("[call=portal.end meetingId=" + started.meetingId() + " ended=true]");
        CapturingLoggerProvider.clear();
        assertThat(conferences.async().end(room).get(30, TimeUnit.SECONDS)).isFalse();
        assertThat(lines("DEBUG")).as("async end").containsExactly("[call=portal.end meetingId=" + started.meetingId()
                + " ended=false]");
    }
}
