// SPDX-License-Identifier: Apache-2.0
package de.hessen.schulportal.bbb.examples;

import de.hessen.schulportal.bbb.client.BbbClient;
import de.hessen.schulportal.bbb.client.recording.GetRecordingsRequest;
import de.hessen.schulportal.bbb.client.recording.Recording;
import java.io.PrintStream;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Recordings administration: list (all pages), publish, unpublish, delete.
 *
 * <pre>
 * list [MEETING_ID]     all recordings in any state, page by page
 * publish RECORD_ID     make visible
 * unpublish RECORD_ID   hide, keep on the server
 * delete RECORD_ID      delete
 * </pre>
 *
 * <p>Without arguments against the simulator it walks through all four steps on a sample recording.
 * Run: {@code mvn -q -Pdemo verify -Dexample=de.hessen.schulportal.bbb.examples.RecordingsAdmin}
 */
public final class RecordingsAdmin {
    private final BbbClient bbb;
    private final PrintStream out;

    RecordingsAdmin(BbbClient bbb, PrintStream out) {
        this.bbb = bbb;
        this.out = out;
    }

    /**
     * Runs one command, or the walk-through.
     *
     * @param args the command
     */
    public static void main(String[] args) {
        try (ExampleServer server = ExampleServer.fromEnvironment()) {
            System.out.println("# " + server.describe());
            RecordingsAdmin admin = new RecordingsAdmin(server.client(), System.out);
            if (args.length == 0 && server.simulator().isPresent()) {
                SampleData.seed(server.simulator().get(), server.client());
                admin.walkThrough();
            } else {
                System.exit(admin.execute(args));
            }
        }
    }

    void walkThrough() {
        List<Recording> all = list(null);
        if (all.isEmpty()) {
            return;
        }
        String id = all.get(0).recordId();
        execute(new String[] {"unpublish", id});
        list(null);
        execute(new String[] {"publish", id});
        execute(new String[] {"delete", id});
        list(null);
    }

    int execute(String[] args) {
        if (args.length == 0) {
            list(null);
            return 0;
        }
        switch (args[0]) {
            case "list":
                list(args.length > 1 ? args[1] : null);
                return 0;
            case "publish":
            case "unpublish":
                if (args.length < 2) {
                    break;
                }
                boolean publish = args[0].equals("publish");
                bbb.publishRecordings(List.of(args[1]), publish);
                out.println((publish ? "Published " : "Unpublished ") + args[1]);
                return 0;
            case "delete":
                if (args.length < 2) {
                    break;
                }
                bbb.deleteRecordings(List.of(args[1]));
                out.println("Deleted " + args[1]);
                return 0;
            default:
                break;
        }
        out.println("usage: list [MEETING_ID] | publish RECORD_ID | unpublish RECORD_ID | delete RECORD_ID");
        return 64;
    }

    List<Recording> list(String meetingId) {
        GetRecordingsRequest.Builder request = GetRecordingsRequest.builder().anyState().limit(25);
        if (meetingId != null) {
            request.meetingIds(meetingId);
        }
        List<Recording> all = bbb.allRecordings(request.build()).collect(Collectors.toList());
        Table t = new Table("RECORD ID", "MEETING", "NAME", "STATE", "PUBLISHED", "FORMATS");
        for (Recording r : all) {
            t.row(r.recordId(), r.meetingId(), r.name(), r.rawState(), r.isPublished(),
                    r.playbackFormats().stream().map(f -> f.type()).collect(Collectors.joining(",")));
        }
        out.print(t);
        out.println(all.size() + " recording(s)");
        out.println();
        return all;
    }
}
