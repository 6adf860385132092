// SPDX-License-Identifier: Apache-2.0
package de.hessen.schulportal.bbb.testkit.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A simulated recording; mutable fields are guarded by the recording's monitor. */
public final class Recording {
    public final String recordId;
    public final String meetingId;
    public final String internalMeetingId;
    public final String name;
    public final boolean isBreakout;
    public final long startTime;
    public final long endTime;
    public final int participants;
    /** When processing finishes and the recording becomes published. */
    public final long readyAt;

    // Guarded by this.
    public String state = "processing";
    public boolean published;
    public final Map<String, String> metadata;
    /** The parent meeting's ID as the breakout's create named it (BBB: the parent's internal ID), or null. */
    public final String parentMeetingId;
    public final int sequence;
    public final boolean freeJoin;
    /** The internal IDs (= record IDs) of the meeting's breakout rooms. */
    public final List<String> breakoutRooms;
    public final List<TextTrack> textTracks = new ArrayList<>();
    /** Whether the ready callback and publish events were already sent. */
    public boolean announced;

    Recording(Meeting m, long endTime, int participants, long readyAt) {
        this.recordId = m.internalId;
        this.meetingId = m.meetingId;
        this.internalMeetingId = m.internalId;
        this.name = m.name;
        this.isBreakout = m.isBreakout;
        this.startTime = m.createTime;
        this.endTime = endTime;
        this.participants = participants;
        this.readyAt = readyAt;
        Map<String, String> meta = new LinkedHashMap<>(m.metadata);
        // bbb-web stores these for recorded meetings (REFERENCE §5.1 "meta_*").
        meta.put("meetingId", m.meetingId);
        meta.put("meetingName", m.name);
        meta.put("isBreakout", String.valueOf(m.isBreakout));
        this.metadata = meta;
        this.parentMeetingId = m.isBreakout ? m.parentMeetingId : null;
        this.sequence = m.sequence;
        this.freeJoin = m.freeJoin;
        this.breakoutRooms = List.copyOf(m.breakoutRooms);
    }
}
