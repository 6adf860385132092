// SPDX-License-Identifier: Apache-2.0
package de.hessen.schulportal.bbb.testkit.internal;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/** create, end, isMeetingRunning, getMeetingInfo, getMeetings, insertDocument, sendChatMessage. */
final class MeetingHandler {
    private static final Pattern META_NAME = Pattern.compile("meta_[a-zA-Z][a-zA-Z0-9-]*");
    static final String NOT_FOUND = "A meeting with that ID does not exist";

    private final SimState state;

    MeetingHandler(SimState state) {
        this.state = state;
    }

    /** Validates a meetingID per {@code MeetingIDConstraint}; returns an error response or null. */
    static ApiResponse checkMeetingId(String id) {
        if (id == null || id.isEmpty()) {
            return ApiResponse.error("missingParamMeetingID", "You must specify a meeting ID for the meeting.");
        }
        if (id.length() < 2 || id.length() > 256) {
            return ApiResponse.error("validationError", "Meeting ID must be between 2 and 256 characters");
        }
        if (id.indexOf(',') >= 0) {
            return ApiResponse.error("validationError", "Meeting ID cannot contain ','");
        }
        if (!ChecksumJudge.sanitize(id).equals(id)) {
            return ApiResponse.error("validationError", "Invalid meeting ID");
        }
        return null;
    }

    ApiResponse create(ApiRequest req) {
        Params p = req.params();
        ApiResponse invalid = checkMeetingId(p.get("meetingID"));
        if (invalid != null) {
            return invalid;
        }
        String name = p.get("name");
        if (name == null || name.isEmpty()) {
            return ApiResponse.error("validationError", "You must provide a meeting name");
        }
        name = ChecksumJudge.sanitize(name);
        if (name.length() < 2 || name.length() > 256) {
            return ApiResponse.error("validationError", "Meeting name must be between 2 and 256 characters");
        }
        for (String pw : new String[] {p.get("attendeePW"), p.get("moderatorPW")}) {
            if (pw != null && !pw.isEmpty() && (pw.length() < 2 || pw.length() > 64)) {
                return ApiResponse.error("invalidPassword", "Password must be between 2 and 64 characters");
            }
        }
        String voiceBridge = p.get("voiceBridge");
        if (voiceBridge != null && !voiceBridge.isEmpty() && !voiceBridge.matches("[0-9]+")) {
            return ApiResponse.error("validationError", "Voice bridge must be an integral number");
        }
        for (String flag : new String[] {"record", "isBreakout"}) {
            String v = p.get(flag);
            if (v != null && !v.isEmpty() && !v.equalsIgnoreCase("true") && !v.equalsIgnoreCase("false")) {
                return ApiResponse.error("validationError", "Parameter " + flag + " must be a boolean");
            }
        }
        boolean isBreakout = p.bool("isBreakout", false);
        String parentId = p.get("parentMeetingID");
        if (isBreakout) {
            if (parentId == null || parentId.isEmpty()) {
                return ApiResponse.error("parentMeetingIDMissing", "No parent meeting ID was provided for the breakout room");
            }
            Meeting parent = state.parent(parentId);
            if (parent == null) {
                return ApiResponse.error("parentMeetingDoesNotExist", "No parent meeting exists for the breakout room");
            }
            // bbb-web keeps the parent's internal ID (the breakout recording's <breakout><parentId>).
            parentId = parent.internalId;
        }
        List<Document> documents = List.of();
        if (req.hasBody() && ("application/xml".equals(req.mimeType()) || "text/xml".equals(req.mimeType()))) {
            try {
                documents = Modules.documents(req.body(), "create");
            } catch (Modules.MalformedException e) {
                return ApiResponse.error("malformedXml", "Error parsing the XML body of the request");
            }
        }

        Meeting.Builder b = new Meeting.Builder();
        b.meetingId = p.get("meetingID");
        b.name = name;
        b.attendeePw = emptyToNull(p.get("attendeePW"));
        b.moderatorPw = emptyToNull(p.get("moderatorPW"));
        b.voiceBridge = emptyToNull(voiceBridge);
        b.dialNumber = p.getOr("dialNumber", "613-555-1234");
        b.record = p.bool("record", false);
        b.durationMinutes = Math.max(0, p.integer("duration", 0));
        b.maxParticipants = Math.max(0, p.integer("maxParticipants", 0));
        b.guestPolicy = p.getOr("guestPolicy", "ALWAYS_ACCEPT").toUpperCase(Locale.ROOT);
        b.logoutUrl = p.getOr("logoutURL", state.serverUrl);
        b.meetingEndedUrl = emptyToNull(p.get("meetingEndedURL"));
        b.endWhenNoModerator = p.bool("endWhenNoModerator", false);
        b.endWhenNoModeratorDelayMinutes = Math.max(0, p.integer("endWhenNoModeratorDelayInMinutes", 1));
        b.expireIfNoUserJoinedMinutes = Math.max(0, p.integer("meetingExpireIfNoUserJoinedInMinutes", 5));
        b.expireWhenLastUserLeftMinutes = Math.max(0, p.integer("meetingExpireWhenLastUserLeftInMinutes", 1));
        b.isBreakout = isBreakout;
        b.parentMeetingId = isBreakout ? parentId : null;
        b.sequence = p.integer("sequence", 0);
        b.freeJoin = p.bool("freeJoin", false);
        b.createParams.putAll(p.firstValues());
        b.createParams.remove("checksum");
        for (String key : p.names()) {
            // bbb-web keeps only meta_[a-zA-Z][a-zA-Z0-9-]* and lower-cases the rest; others vanish silently.
            if (META_NAME.matcher(key).matches()) {
                b.metadata.put(key.substring(5).toLowerCase(Locale.ROOT), p.get(key));
            }
        }
        boolean passwordsGiven = b.attendeePw != null || b.moderatorPw != null;
        SimState.Created created = state.create(b, passwordsGiven, documents);
        if (created.voiceBridgeInUse()) {
            return ApiResponse.xml(Xml.response("FAILED").start("errors").start("error")
                    .element("key", "nonUniqueVoiceBridge")
                    .element("message", "The selected voice bridge is already in use.").finish());
        }
        if (created.idNotUnique()) {
            return ApiResponse.error("idNotUnique",
                    "A meeting already exists with that meeting ID.  Please use a different meeting ID.");
        }
        Meeting m = created.meeting();
        synchronized (m) {
            if (created.duplicate()) {
                return ApiResponse.xml(MeetingXml.created(m, "duplicateWarning",
                        "This conference was already in existence and may currently be in progress."));
            }
            return ApiResponse.xml(MeetingXml.created(m, "", ""));
        }
    }

    ApiResponse isMeetingRunning(ApiRequest req) {
        ApiResponse invalid = checkMeetingId(req.params().get("meetingID"));
        if (invalid != null) {
            return invalid;
        }
        Meeting m = state.lookup(req.params().get("meetingID"));
        boolean running = false;
        if (m != null) {
            synchronized (m) {
                running = m.running();
            }
        }
        return ApiResponse.xml(Xml.response("SUCCESS").element("running", running).finish());
    }

    ApiResponse getMeetingInfo(ApiRequest req) {
        ApiResponse invalid = checkMeetingId(req.params().get("meetingID"));
        if (invalid != null) {
            return invalid;
        }
        Meeting m = state.lookup(req.params().get("meetingID"));
        if (m == null) {
            return ApiResponse.error("notFound", NOT_FOUND);
        }
        Xml x = Xml.response("SUCCESS");
        synchronized (m) {
            MeetingXml.meetingBody(x, m);
        }
        return ApiResponse.xml(x.finish());
    }

    ApiResponse getMeetings(ApiRequest req) {
        List<Meeting> meetings = state.visibleMeetings();
        if (meetings.isEmpty()) {
            return ApiResponse.xml(Xml.response("SUCCESS").element("meetings", null)
                    .element("messageKey", "noMeetings")
                    .element("message", "no meetings were found on this server").finish());
        }
        Xml x = Xml.response("SUCCESS").start("meetings");
        for (Meeting m : meetings) {
            x.start("meeting");
            synchronized (m) {
                MeetingXml.meetingBody(x, m);
            }
            x.end();
        }
        return ApiResponse.xml(x.finish());
    }

    ApiResponse end(ApiRequest req) {
        Params p = req.params();
        ApiResponse invalid = checkMeetingId(p.get("meetingID"));
        if (invalid != null) {
            return invalid;
        }
        Meeting m = state.lookup(p.get("meetingID"));
        if (m == null) {
            return ApiResponse.error("notFound", NOT_FOUND);
        }
        String password = p.get("password");
        synchronized (m) {
            if (password != null && !password.isEmpty() && !password.equals(m.moderatorPw)) {
                return ApiResponse.error("invalidPassword", "You must supply the moderator password for this call.");
            }
            state.end(m, true, "end");
        }
        return ApiResponse.xml(Xml.response("SUCCESS").element("messageKey", "sentEndMeetingRequest")
                .element("message", "A request to end the meeting was sent.  Please wait a few seconds, and then use"
                        + " the getMeetingInfo or isMeetingRunning API calls to verify that it was ended.")
                .finish());
    }

    ApiResponse insertDocument(ApiRequest req) {
        String id = req.params().get("meetingID");
        ApiResponse invalid = checkMeetingId(id);
        if (invalid != null) {
            return invalid;
        }
        Meeting m = state.lookup(id);
        if (m == null || isEnded(m)) {
            return ApiResponse.xml(Xml.response("FAILED").element("message", "Meeting with id [" + id + "] not found.")
                    .finish());
        }
        List<Document> documents;
        try {
            documents = req.hasBody() ? Modules.documents(req.body(), "insertDocument") : List.of();
        } catch (Modules.MalformedException e) {
            return ApiResponse.error("malformedXml", "Error parsing the XML body of the request");
        }
        synchronized (m) {
            m.documents.addAll(documents);
        }
        return ApiResponse.xml(Xml.response("SUCCESS").element("message", "Presentation is being uploaded").finish());
    }

    ApiResponse sendChatMessage(ApiRequest req) {
        Params p = req.params();
        ApiResponse invalid = checkMeetingId(p.get("meetingID"));
        if (invalid != null) {
            return invalid;
        }
        String message = p.get("message");
        if (message == null || message.isEmpty() || message.length() > 500) {
            return ApiResponse.error("validationError", "Message must be between 1 and 500 characters");
        }
        String userName = p.getOr("userName", "System");
        if (userName.length() > 255) {
            return ApiResponse.error("validationError", "User name must be at most 255 characters");
        }
        Meeting m = state.lookup(p.get("meetingID"));
        if (m == null) {
            return ApiResponse.error("meetingNotFound", "Meeting not found or not active");
        }
        synchronized (m) {
            if (!m.running()) {
                return ApiResponse.error("meetingNotFound", "Meeting not found or not active");
            }
            ChatEntry entry = new ChatEntry(userName, message, state.now());
            m.chat.add(entry);
            state.emit(m, "chat-group-message-sent", Events.chat(m, entry, state.now()));
        }
        return ApiResponse.xml(Xml.response("SUCCESS").element("messageKey", "")
                .element("message", "Message successfully sent").finish());
    }

    private static boolean isEnded(Meeting m) {
        synchronized (m) {
            return m.ended;
        }
    }

    private static String emptyToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }
}
