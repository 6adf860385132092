// SPDX-License-Identifier: Apache-2.0
package de.hessen.schulportal.bbb.client.fuzz;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import de.hessen.schulportal.bbb.client.meeting.CreateMeetingRequest;
import de.hessen.schulportal.bbb.client.meeting.JoinMeetingRequest;
import de.hessen.schulportal.bbb.client.meeting.Role;
import de.hessen.schulportal.bbb.client.recording.GetRecordingsRequest;
import java.util.Map;

/**
 * Fuzzes the validation of the request builders through their public API. Invariants: invalid
 * input is refused with {@link IllegalArgumentException} (never another exception), and what a
 * built request sends is exactly what the caller gave: nothing silently dropped or altered on its
 * way to BigBlueButton.
 */
class RequestBuilderFuzzTest {

    static void same(Map<String, String> params, String name, String expected) {
        if (!expected.equals(params.get(name))) {
            throw new AssertionError(name + " was altered on its way to the wire");
        }
    }

    @FuzzTest(maxDuration = Fuzzing.MAX_DURATION)
    void createMeeting(FuzzedDataProvider data) {
        String id = data.consumeString(300);
        String name = data.consumeString(300);
        String metaKey = data.consumeString(40);
        String metaValue = data.consumeString(200);
        String extraName = data.consumeString(30);
        String extraValue = data.consumeRemainingAsString();
        CreateMeetingRequest r;
        try {
            r = CreateMeetingRequest.builder(id, name).meta(metaKey, metaValue).additionalParam(extraName, extraValue).build();
        } catch (IllegalArgumentException refused) {
            Fuzzing.checkSafeMessage(refused);
            return;
        }
        Map<String, String> p = r.parameters();
        same(p, "meetingID", id);
        same(p, "name", name);
        same(p, "meta_" + metaKey, metaValue);
        same(p, extraName, extraValue);
    }

    @FuzzTest(maxDuration = Fuzzing.MAX_DURATION)
    void joinMeeting(FuzzedDataProvider data) {
        String id = data.consumeString(300);
        String fullName = data.consumeString(300);
        Role role = data.consumeBoolean() ? Role.MODERATOR : Role.VIEWER;
        String userId = data.consumeString(100);
        String key = data.consumeString(30);
        String value = data.consumeRemainingAsString();
        JoinMeetingRequest r;
        try {
            r = JoinMeetingRequest.builder(id, fullName, role).userId(userId).userdata(key, value).build();
        } catch (IllegalArgumentException refused) {
            Fuzzing.checkSafeMessage(refused);
            return;
        }
        Map<String, String> p = r.parameters();
        same(p, "meetingID", id);
        same(p, "fullName", fullName);
        same(p, "userID", userId);
        same(p, "userdata-" + key, value);
    }

    @FuzzTest(maxDuration = Fuzzing.MAX_DURATION)
    void getRecordings(FuzzedDataProvider data) {
        String meetingId = data.consumeString(300);
        String recordId = data.consumeString(100);
        String metaKey = data.consumeString(40);
        String metaValue = data.consumeRemainingAsString();
        GetRecordingsRequest r;
        try {
            r = GetRecordingsRequest.builder().meetingIds(meetingId).recordIds(recordId).meta(metaKey, metaValue).build();
        } catch (IllegalArgumentException refused) {
            Fuzzing.checkSafeMessage(refused);
            return;
        }
        Map<String, String> p = r.parameters();
        same(p, "meetingID", meetingId);
        same(p, "recordID", recordId);
        same(p, "meta_" + metaKey, metaValue);
    }
}
