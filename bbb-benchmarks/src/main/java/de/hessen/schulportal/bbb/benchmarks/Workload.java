// SPDX-License-Identifier: Apache-2.0
package de.hessen.schulportal.bbb.benchmarks;

import de.hessen.schulportal.bbb.client.BbbClient;
import de.hessen.schulportal.bbb.client.ChecksumAlgorithm;
import de.hessen.schulportal.bbb.client.meeting.JoinMeetingRequest;
import de.hessen.schulportal.bbb.client.meeting.Role;

/**
 * The one realistic join request every benchmark signs, so the SDK, the raw JDK floor and the
 * Node peer all hash exactly the same strings: an umlaut name, a pseudonymous userID, the
 * meeting's createTime and two userdata entries.
 */
public final class Workload {
    /** A base URL that is never called; joinUrl makes no HTTP call. */
    public static final String BASE_URL = "https://bbb.schulportal.hessen.de/bigbluebutton/";
    /** The API base the SDK normalises {@link #BASE_URL} to. */
    public static final String API_BASE = BASE_URL + "api/";
    /** A 40-character shared secret, like bbb-conf generates. */
    public static final String SECRET = "8cd8ef52e8e101574e400365b55e11a6b7e0f3a2";
    public static final String MEETING_ID = "hs-4711-7b-mathe-2026-11-26-0800";
    public static final String FULL_NAME = "Jörg Müller-Größlein";
    public static final String USER_ID = "p-5f0c1e7a9b2d4c3e8a61";
    public static final long CREATE_TIME = 1_764_140_400_123L;
    public static final String USERDATA_KEY_1 = "bbb_auto_join_audio";
    public static final String USERDATA_VALUE_1 = "true";
    public static final String USERDATA_KEY_2 = "bbb_listen_only_mode";
    public static final String USERDATA_VALUE_2 = "false";

    /** The wire names in the SDK's wire order. */
    public static final String[] NAMES = {"fullName", "meetingID", "role", "userID", "createTime",
        "userdata-" + USERDATA_KEY_1, "userdata-" + USERDATA_KEY_2};
    /** The wire values, same order as {@link #NAMES}. */
    public static final String[] VALUES = {FULL_NAME, MEETING_ID, "VIEWER", USER_ID, Long.toString(CREATE_TIME),
        USERDATA_VALUE_1, USERDATA_VALUE_2};

    private Workload() {
    }

    /**
     * The request as a portal builds it for one click.
     *
     * @return the validated request
     */
    public static JoinMeetingRequest joinRequest() {
        return JoinMeetingRequest.builder(MEETING_ID, FULL_NAME, Role.VIEWER)
                .userId(USER_ID)
                .createTime(CREATE_TIME)
                .userdata(USERDATA_KEY_1, USERDATA_VALUE_1)
                .userdata(USERDATA_KEY_2, USERDATA_VALUE_2)
                .build();
    }

    /**
     * A client for signing only.
     *
     * @param algorithm the checksum algorithm
     * @return the client
     */
    public static BbbClient signingClient(ChecksumAlgorithm algorithm) {
        return BbbClient.builder().baseUrl(BASE_URL).secret(SECRET).checksumAlgorithm(algorithm).build();
    }
}
