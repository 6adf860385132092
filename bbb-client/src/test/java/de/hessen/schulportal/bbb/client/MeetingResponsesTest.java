// SPDX-License-Identifier: Apache-2.0
package de.hessen.schulportal.bbb.client;

import static org.assertj.core.api.Assertions.assertThat;

import de.hessen.schulportal.bbb.client.meeting.CreateMeetingResponse;
import de.hessen.schulportal.bbb.client.meeting.JoinResponse;
import de.hessen.schulportal.bbb.client.meeting.MeetingInfo;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The meeting mapper reads "not there" as the values' empty value: the values hold what they
 * return, so {@code bbb-none}, an empty element, a sequence of 0 and a URL that is no URI are
 * turned into "absent" here, once.
 */
class MeetingResponsesTest {
    private static JsonNode xml(String body) {
        return Envelope.xml(ApiErrors.Family.MEETING, "call", null,
                MappingProbe.raw(("<response><returncode>SUCCESS</returncode>" + body + "</response>")
                        .getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void create_parentBbbNoneAndEmptyMessage_readAsAbsentAndEmpty() {
        CreateMeetingResponse created = MeetingResponses.create(xml("<meetingID>m</meetingID>"
                + "<parentMeetingID>bbb-none</parentMeetingID><messageKey></messageKey>"));
        assertThat(created.parentMeetingId()).isEmpty();
        assertThat(created.messageKey()).isEmpty();
        assertThat(MeetingResponses.create(xml("<parentMeetingID>p-1</parentMeetingID>")).parentMeetingId()).contains("p-1");
    }

    @Test
    void meetingInfo_normalMeeting_hasNoBreakoutFieldsNorMessage() {
        MeetingInfo info = MeetingResponses.meetingInfo(xml("<meetingID>m</meetingID><parentMeetingID>bbb-none</parentMeetingID>"
                + "<sequence>0</sequence><messageKey> </messageKey><message></message><startTime>0</startTime>"));
        assertThat(info.parentMeetingId()).isEmpty();
        assertThat(info.sequence()).isEmpty();
        assertThat(info.messageKey()).isEmpty();
        assertThat(info.message()).isEmpty();
        assertThat(info.startTime()).isEmpty();
    }

    @Test
    void meetingInfo_breakoutRoom_readsParentAndSequenceDirectOrWrapped() {
        MeetingInfo direct = MeetingResponses.meetingInfo(xml("<isBreakout>true</isBreakout><parentMeetingID>p-1</parentMeetingID>"
                + "<sequence>2</sequence><freeJoin>true</freeJoin>"));
        MeetingInfo wrapped = MeetingResponses.meetingInfo(xml("<isBreakout>true</isBreakout><breakout>"
                + "<parentMeetingID>p-1</parentMeetingID><sequence>2</sequence><freeJoin>true</freeJoin></breakout>"));
        for (MeetingInfo info : new MeetingInfo[] {direct, wrapped}) {
            assertThat(info.parentMeetingId()).contains("p-1");
            assertThat(info.sequence()).isEqualTo(OptionalInt.of(2));
            assertThat(info.isFreeJoin()).isTrue();
        }
        assertThat(direct).isEqualTo(wrapped);
    }

    @Test
    void join_url_presentWhenAUriAbsentWhenNotSentOrInvalid() {
        JoinResponse joined = MeetingResponses.join(xml("<session_token>s-1</session_token>"
                + "<url>https://bbb.example.org/html5client/join?sessionToken=s-1</url>"));
        assertThat(joined.url()).contains(URI.create("https://bbb.example.org/html5client/join?sessionToken=s-1"));
        assertThat(MeetingResponses.join(xml("<url></url>")).url()).isEmpty();
        assertThat(MeetingResponses.join(xml("<url>https://bbb example.org/join</url>")).url()).isEmpty();
    }

    @Test
    void version_emptyElements_readAsAbsent() {
        ApiVersion v = MeetingResponses.version(xml("<version>2.0</version><apiVersion>3.0</apiVersion><bbbVersion></bbbVersion>"));
        assertThat(v.version()).isEqualTo("2.0");
        assertThat(v.apiVersion()).contains("3.0");
        assertThat(v.bbbVersion()).isEmpty();
        assertThat(v.build()).isEmpty();
        assertThat(v.graphqlApiUrl()).isEmpty();
    }
}
