package de.hessen.schulportal.bbb.client.meeting;

import de.hessen.schulportal.bbb.client.internal.ResponseAccess;
import de.hessen.schulportal.bbb.client.internal.XmlNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Gives the client (in another package) access to this package's non-public constructors
 * without making them API.
 */
final class MeetingParsers implements ResponseAccess.Meeting {
    static {
        ResponseAccess.register(new MeetingParsers());
    }

    private MeetingParsers() {
    }

    @Override
    public CreateMeetingResponse create(XmlNode root) {
        return new CreateMeetingResponse(root);
    }

    @Override
    public JoinResponse join(XmlNode root) {
        return new JoinResponse(root);
    }

    @Override
    public MeetingInfo meetingInfo(XmlNode root) {
        return new MeetingInfo(root);
    }

    @Override
    public List<MeetingInfo> meetings(XmlNode root) {
        List<MeetingInfo> list = new ArrayList<>();
        for (XmlNode m : root.child("meetings").children("meeting")) {
            list.add(new MeetingInfo(m));
        }
        return Collections.unmodifiableList(list);
    }
}
