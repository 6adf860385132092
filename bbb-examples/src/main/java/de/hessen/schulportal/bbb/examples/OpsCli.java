// SPDX-License-Identifier: Apache-2.0
package de.hessen.schulportal.bbb.examples;

import de.hessen.schulportal.bbb.client.BbbClient;
import de.hessen.schulportal.bbb.client.BbbException;
import de.hessen.schulportal.bbb.client.ConnectionCheck;
import de.hessen.schulportal.bbb.client.meeting.Attendee;
import de.hessen.schulportal.bbb.client.meeting.MeetingInfo;
import de.hessen.schulportal.bbb.client.recording.GetRecordingsRequest;
import de.hessen.schulportal.bbb.client.recording.Recording;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * An operations tool for administrators and the operator, against the server in {@code BBB_URL} /
 * {@code BBB_SECRET} (or the embedded simulator):
 *
 * <pre>
 * check                      tell wrong URL, wrong secret and disabled algorithm apart
 * meetings                   list meetings with participant counts
 * meeting MEETING_ID         show one meeting and its attendees
 * end MEETING_ID             end a meeting
 * recordings [MEETING_ID]    list recordings (all pages)
 * --json                     print JSON instead of a table
 * </pre>
 *
 * <p>Everything the server says is printed without terminal control characters
 * ({@link Terminal#clean(String)} for tables and text, escapes in JSON): a hostile meeting name cannot
 * rewrite the screen.
 *
 * <p>Run: {@code mvn -q -Pdemo verify -Dexample=de.hessen.schulportal.bbb.examples.OpsCli -Dexec.args="meetings --json"}
 */
public final class OpsCli {
    private final BbbClient bbb;
    private final PrintStream out;
    private final boolean json;

    OpsCli(BbbClient bbb, PrintStream out, boolean json) {
        this.bbb = bbb;
        this.out = out;
        this.json = json;
    }

    /**
     * Runs one command.
     *
     * @param args the command and its arguments
     */
    public static void main(String[] args) {
        try (ExampleServer server = ExampleServer.fromEnvironment()) {
            System.exit(run(server, args, System.out));
        }
    }

    static int run(ExampleServer server, String[] args, PrintStream out) {
        List<String> words = new ArrayList<>(Arrays.asList(args));
        boolean json = words.remove("--json");
        if (!json) {
            out.println("# " + server.describe());
        }
        server.simulator().ifPresent(sim -> SampleData.seed(sim, server.client()));
        OpsCli cli = new OpsCli(server.client(), out, json);
        try {
            return cli.execute(words);
        } catch (BbbException e) {
            out.println(json ? Json.write(Map.of("error", e.getClass().getSimpleName(), "message", e.getMessage()))
                    : "error: " + Terminal.clean(e.getMessage()));
            return 2;
        }
    }

    int execute(List<String> words) {
        String command = words.isEmpty() ? "help" : words.get(0);
        switch (command) {
            case "check":
                return check();
            case "meetings":
                return meetings();
            case "meeting":
                return words.size() < 2 ? usage() : meeting(words.get(1));
            case "end":
                return words.size() < 2 ? usage() : end(words.get(1));
            case "recordings":
                return recordings(words.size() < 2 ? null : words.get(1));
            default:
                return usage();
        }
    }

    private int usage() {
        out.println("usage: check | meetings | meeting MEETING_ID | end MEETING_ID | recordings [MEETING_ID]  [--json]");
        return 64;
    }

    private int check() {
        ConnectionCheck c = bbb.checkConnection();
        if (json) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("status", c.status().name());
            m.put("detail", c.detail());
            m.put("version", c.version().map(v -> v.version()).orElse(null));
            out.println(Json.write(m));
        } else {
            out.println(c.status() + ": " + Terminal.clean(c.detail()));
        }
        return c.isOk() ? 0 : 1;
    }

    private static Map<String, Object> summary(MeetingInfo m) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("meetingId", m.meetingId());
        map.put("name", m.meetingName());
        map.put("running", m.isRunning());
        map.put("participants", m.participantCount());
        map.put("moderators", m.moderatorCount());
        map.put("video", m.videoCount());
        map.put("voice", m.voiceParticipantCount());
        map.put("createTime", m.createTime());
        return map;
    }

    private int meetings() {
        List<MeetingInfo> meetings = bbb.getMeetings();
        if (json) {
            out.println(Json.write(meetings.stream().map(OpsCli::summary).collect(Collectors.toList())));
            return 0;
        }
        Table t = new Table("MEETING ID", "NAME", "RUNNING", "PARTICIPANTS", "MODERATORS", "VIDEO", "VOICE");
        for (MeetingInfo m : meetings) {
            t.row(m.meetingId(), m.meetingName(), m.isRunning(), m.participantCount(), m.moderatorCount(), m.videoCount(),
                    m.voiceParticipantCount());
        }
        out.print(t);
        out.println(meetings.size() + " meeting(s), " + meetings.stream().mapToInt(MeetingInfo::participantCount).sum()
                + " participant(s)");
        return 0;
    }

    private int meeting(String id) {
        MeetingInfo m = bbb.getMeetingInfo(id);
        if (json) {
            Map<String, Object> map = summary(m);
            map.put("metadata", m.metadata());
            map.put("attendees", m.attendees().stream().map(a -> {
                Map<String, Object> am = new LinkedHashMap<>();
                am.put("userId", a.userId());
                am.put("fullName", a.fullName());
                am.put("role", a.rawRole());
                am.put("presenter", a.isPresenter());
                am.put("video", a.hasVideo());
                return am;
            }).collect(Collectors.toList()));
            out.println(Json.write(map));
            return 0;
        }
        out.println(Terminal.clean(m.meetingName()) + " (" + Terminal.clean(m.meetingId()) + "), " + (m.isRunning() ? "running" : "not running") + ", "
                + m.participantCount() + " participant(s)");
        Table t = new Table("USER ID", "NAME", "ROLE", "PRESENTER", "VIDEO", "VOICE");
        for (Attendee a : m.attendees()) {
            t.row(a.userId(), a.fullName(), a.rawRole(), a.isPresenter(), a.hasVideo(), a.hasJoinedVoice());
        }
        out.print(t);
        return 0;
    }

    private int end(String id) {
        bbb.end(id);
        out.println(json ? Json.write(Map.of("ended", id)) : "End requested for " + Terminal.clean(id));
        return 0;
    }

    private int recordings(String meetingId) {
        GetRecordingsRequest.Builder request = GetRecordingsRequest.builder().limit(100);
        if (meetingId != null) {
            request.meetingIds(meetingId);
        }
        List<Recording> all = bbb.allRecordings(request.build()).collect(Collectors.toList());
        if (json) {
            out.println(Json.write(all.stream().map(r -> {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("recordId", r.recordId());
                m.put("meetingId", r.meetingId());
                m.put("name", r.name());
                m.put("state", r.rawState());
                m.put("start", r.startTime().map(Object::toString).orElse(null));
                m.put("formats", r.playbackFormats().stream().map(f -> f.type()).collect(Collectors.toList()));
                return m;
            }).collect(Collectors.toList())));
            return 0;
        }
        Table t = new Table("RECORD ID", "MEETING ID", "NAME", "STATE", "START", "FORMATS");
        for (Recording r : all) {
            t.row(r.recordId(), r.meetingId(), r.name(), r.rawState(), r.startTime().orElse(null),
                    r.playbackFormats().stream().map(f -> f.type()).collect(Collectors.joining(",")));
        }
        out.print(t);
        out.println(all.size() + " recording(s)");
        return 0;
    }
}
