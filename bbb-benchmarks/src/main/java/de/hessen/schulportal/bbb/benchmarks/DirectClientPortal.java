// SPDX-License-Identifier: Apache-2.0
package de.hessen.schulportal.bbb.benchmarks;

import de.hessen.schulportal.bbb.client.BbbClient;
import de.hessen.schulportal.bbb.client.meeting.CreateMeetingRequest;
import de.hessen.schulportal.bbb.client.meeting.Feature;
import de.hessen.schulportal.bbb.client.meeting.GuestPolicy;
import de.hessen.schulportal.bbb.client.meeting.JoinMeetingRequest;
import de.hessen.schulportal.bbb.client.meeting.Role;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The replay's portal on the client API alone, for comparison with {@link AdapterPortal}: the
 * stand-in used before the adapter existed. Pseudonymous meeting and user IDs (HMAC-SHA-256 of the
 * school's and the portal's IDs under a tenant key, base64url, 22 characters), no personal data in
 * metadata, no recording, guests through the lobby, the meeting's createTime in every join link.
 * Unlike the adapter it keeps each lesson's createTime in memory and signs a pupil's link without
 * asking the server whether the meeting runs: only signing, no HTTP call per pupil.
 */
public final class DirectClientPortal implements LessonPortal {
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

    private final BbbClient bbb;
    private final SecretKeySpec key;
    private final ThreadLocal<Mac> macs;
    private final ConcurrentMap<String, Long> createTimes = new ConcurrentHashMap<>();

    /**
     * @param bbb the client (shared, thread-safe)
     * @param pseudonymKey the tenant's key for pseudonyms
     */
    public DirectClientPortal(BbbClient bbb, byte[] pseudonymKey) {
        this.bbb = bbb;
        this.key = new SecretKeySpec(Arrays.copyOf(pseudonymKey, pseudonymKey.length), "HmacSHA256");
        this.macs = ThreadLocal.withInitial(this::newMac);
    }

    private Mac newMac() {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac;
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException(e);
        }
    }

    private String pseudonym(String kind, String value) {
        Mac mac = macs.get();
        mac.update(kind.getBytes(StandardCharsets.UTF_8));
        mac.update((byte) 0);
        byte[] h = mac.doFinal(value.getBytes(StandardCharsets.UTF_8));
        return B64.encodeToString(Arrays.copyOf(h, 16));
    }

    private String meetingId(String school, String lessonId) {
        return "m-" + pseudonym("meeting", school + "/" + lessonId);
    }

    @Override
    public String teacherOpens(String school, String lessonId, String title, String userId, String firstName,
            String lastName) {
        String meetingId = meetingId(school, lessonId);
        long createTime = bbb.create(CreateMeetingRequest.builder(meetingId, title)
                .record(false)
                .guestPolicy(GuestPolicy.ASK_MODERATOR)
                .disabledFeatures(Feature.PRIVATE_CHAT, Feature.LEARNING_DASHBOARD)
                .meta("bbb-origin", "schulportal")
                .build()).createTime();
        createTimes.put(meetingId, createTime);
        return link(meetingId, createTime, userId, firstName + " " + lastName, Role.MODERATOR);
    }

    @Override
    public Optional<String> pupilOpens(String school, String lessonId, String title, String userId, String firstName,
            String lastName) {
        String meetingId = meetingId(school, lessonId);
        Long createTime = createTimes.get(meetingId);
        return createTime == null ? Optional.empty()
                : Optional.of(link(meetingId, createTime, userId, firstName + " " + lastName, Role.VIEWER));
    }

    private String link(String meetingId, long createTime, String userId, String displayName, Role role) {
        return bbb.joinUrl(JoinMeetingRequest.builder(meetingId, displayName, role)
                .userId("u-" + pseudonym("user", userId))
                .createTime(createTime)
                .userdata("bbb_auto_join_audio", "true")
                .userdata("bbb_listen_only_mode", "false")
                .build()).rawUrl();
    }

    @Override
    public void close() {
        bbb.close();
    }
}
