// SPDX-License-Identifier: Apache-2.0
package de.hessen.schulportal.bbb.benchmarks;

import de.hessen.schulportal.bbb.client.BbbClient;
import de.hessen.schulportal.bbb.portal.JoinOutcome;
import de.hessen.schulportal.bbb.portal.Person;
import de.hessen.schulportal.bbb.portal.Pseudonyms;
import de.hessen.schulportal.bbb.portal.Relation;
import de.hessen.schulportal.bbb.portal.Room;
import de.hessen.schulportal.bbb.portal.RoomKind;
import de.hessen.schulportal.bbb.portal.School;
import de.hessen.schulportal.bbb.portal.SchoolConferences;
import de.hessen.schulportal.bbb.portal.SchoolRole;
import de.hessen.schulportal.bbb.portal.TenantDirectory;
import java.security.SecureRandom;
import java.util.Optional;

/**
 * The replay's portal on the adapter, as a portal uses it: one {@code SchoolConferences.join(room,
 * person)} per click with the default role policy, meeting defaults and privacy settings. The
 * teacher (organiser) creates the meeting and gets a moderator link; a pupil (member) gets a link
 * only once the meeting runs, which the adapter checks with one {@code getMeetingInfo} per click.
 */
public final class AdapterPortal implements LessonPortal {
    private final BbbClient bbb;
    private final SchoolConferences conferences;

    /**
     * @param bbb the client (shared, thread-safe); closed with this portal
     */
    public AdapterPortal(BbbClient bbb) {
        this.bbb = bbb;
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        this.conferences = SchoolConferences.builder()
                .tenants(TenantDirectory.single(bbb))
                .pseudonyms(Pseudonyms.of(key))
                // The peak replay compares signing links with the plain client's; the default
                // server-side join (one more HTTP call per click) is not measured here yet.
                .signedJoinLinks(true)
                .build();
    }

    private static Room room(String school, String lessonId, String title) {
        return Room.of(School.of(school), lessonId, RoomKind.LESSON, title);
    }

    private static Person person(String userId, SchoolRole role, Relation relation, String first, String last) {
        return Person.builder(userId, role, relation).firstName(first).lastName(last).build();
    }

    @Override
    public String teacherOpens(String school, String lessonId, String title, String userId, String firstName,
            String lastName) {
        JoinOutcome o = conferences.join(room(school, lessonId, title),
                person(userId, SchoolRole.TEACHER, Relation.ORGANISER, firstName, lastName));
        return o.signedJoinUrl().orElseThrow(() -> new IllegalStateException("teacher got " + o.kind())).rawUrl();
    }

    @Override
    public Optional<String> pupilOpens(String school, String lessonId, String title, String userId, String firstName,
            String lastName) {
        JoinOutcome o = conferences.join(room(school, lessonId, title),
                person(userId, SchoolRole.STUDENT, Relation.MEMBER, firstName, lastName));
        if (o.kind() == JoinOutcome.Kind.DENIED) {
            throw new IllegalStateException("pupil denied: " + o.decision().reasonCode());
        }
        return o.signedJoinUrl().map(u -> u.rawUrl());
    }

    @Override
    public void close() {
        bbb.close();
    }
}
