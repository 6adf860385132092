// SPDX-License-Identifier: Apache-2.0
package de.hessen.schulportal.bbb.client;

import static org.assertj.core.api.Assertions.assertThat;

import de.hessen.schulportal.bbb.client.callback.WebhookVerifier;
import de.hessen.schulportal.bbb.client.callback.WebhookUser;
import de.hessen.schulportal.bbb.client.internal.AnswerParser;
import de.hessen.schulportal.bbb.client.meeting.Attendee;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * docs/values.md's one rule, across the two mapping paths: the same user with no name and no
 * presenter flag reads {@code ""}/{@code false} from an answer (a whole record) and
 * {@code Optional.empty()} from a webhook event (partial by design); neither reads {@code null}.
 */
class AbsentFieldRuleTest {

    @Test
    void nameAndPresenterLeftOut_readEmptyInAnAnswer_andAbsentInAnEvent() {
        Attendee answer = MeetingResponses.attendee(AnswerParser.xml(
                "<attendee><userID>u-42</userID><role>VIEWER</role></attendee>".getBytes(StandardCharsets.UTF_8),
                System.nanoTime() + 60_000_000_000L));
        assertThat(answer.userId()).isEqualTo("u-42");
        assertThat(answer.fullName()).isEqualTo("");
        assertThat(answer.isPresenter()).isFalse();
        assertThat(answer.clientType()).isEqualTo("");

        String event = "[{\"data\":{\"type\":\"event\",\"id\":\"user-joined\",\"attributes\":{\"user\":{\"external-user-id\":\"u-42\","
                + "\"role\":\"VIEWER\"}},\"event\":{\"ts\":1}}}]";
        WebhookUser user = WebhookVerifier.parseUnverified("event=" + URLEncoder.encode(event, StandardCharsets.UTF_8)).events().get(0)
                .user().orElseThrow();
        assertThat(user.externalUserId()).contains("u-42");
        assertThat(user.name()).isEqualTo(Optional.empty());
        assertThat(user.isPresenter()).isEqualTo(Optional.empty());
        assertThat(user.role()).isEqualTo(answer.role());
    }
}
