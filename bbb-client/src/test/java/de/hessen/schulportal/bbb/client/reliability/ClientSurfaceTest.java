// SPDX-License-Identifier: Apache-2.0
package de.hessen.schulportal.bbb.client.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import de.hessen.schulportal.bbb.client.BbbClient;
import de.hessen.schulportal.bbb.client.BbbException;
import de.hessen.schulportal.bbb.client.callback.AnalyticsCallbackVerifier;
import de.hessen.schulportal.bbb.client.callback.IndependentCrypto;
import de.hessen.schulportal.bbb.client.callback.MeetingEndedCallbackSigner;
import de.hessen.schulportal.bbb.client.callback.MeetingEndedCallbackVerifier;
import de.hessen.schulportal.bbb.client.callback.RecordingReadyVerifier;
import de.hessen.schulportal.bbb.client.callback.WebhookVerifier;
import de.hessen.schulportal.bbb.client.hook.CreateHookRequest;
import de.hessen.schulportal.bbb.client.hook.DestroyHookRequest;
import de.hessen.schulportal.bbb.client.hook.ListHooksRequest;
import de.hessen.schulportal.bbb.client.meeting.CreateMeetingRequest;
import de.hessen.schulportal.bbb.client.meeting.CreateMeetingResponse;
import de.hessen.schulportal.bbb.client.meeting.Document;
import de.hessen.schulportal.bbb.client.meeting.EndMeetingRequest;
import de.hessen.schulportal.bbb.client.meeting.GetMeetingInfoRequest;
import de.hessen.schulportal.bbb.client.meeting.GuestPolicy;
import de.hessen.schulportal.bbb.client.meeting.InsertDocumentRequest;
import de.hessen.schulportal.bbb.client.meeting.IsMeetingRunningRequest;
import de.hessen.schulportal.bbb.client.meeting.JoinMeetingRequest;
import de.hessen.schulportal.bbb.client.meeting.LockSettings;
import de.hessen.schulportal.bbb.client.meeting.Role;
import de.hessen.schulportal.bbb.client.meeting.SendChatMessageRequest;
import de.hessen.schulportal.bbb.client.recording.DeleteRecordingsRequest;
import de.hessen.schulportal.bbb.client.recording.GetRecordingTextTracksRequest;
import de.hessen.schulportal.bbb.client.recording.GetRecordingsRequest;
import de.hessen.schulportal.bbb.client.recording.PublishRecordingsRequest;
import de.hessen.schulportal.bbb.client.recording.PutRecordingTextTrackRequest;
import de.hessen.schulportal.bbb.client.recording.UpdateRecordingsRequest;
import de.hessen.schulportal.bbb.client.testing.Fixtures;
import de.hessen.schulportal.bbb.testkit.BbbSimulator;
import de.hessen.schulportal.bbb.testsupport.Secrets;
import java.io.File;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * {@code toString()} of every public type of the client and the message of every exception it
 * throws carry no secret, checksum, password or complete join URL. The public types are enumerated
 * by reflection over the exported packages; instances come from a full scenario against the
 * simulator (with passwords, a join URL, recordings, hooks) and from the callback verifiers, then
 * every public accessor of every instance is followed to reach nested types (attendees, playback
 * formats, webhook users ...). A public type that no instance reaches fails the test, so a new type
 * must be added to the scenario.
 */
class ClientSurfaceTest {
    private static final List<String> EXPORTED = List.of("de.hessen.schulportal.bbb.client",
            "de.hessen.schulportal.bbb.client.meeting", "de.hessen.schulportal.bbb.client.recording",
            "de.hessen.schulportal.bbb.client.hook", "de.hessen.schulportal.bbb.client.callback");
    private static final String MODERATOR_PW = Secrets.forbid("mod-pw-7f3a9c");
    private static final String ATTENDEE_PW = Secrets.forbid("att-pw-2b8e41");
    private static final String CALLBACK_SECRET = Secrets.forbid("callback-secret-5d1e0a77c2");

    @Test
    void everyPublicType_toStringAndEveryExceptionMessage_leakNothing() throws Exception {
        Map<Object, Boolean> samples = new IdentityHashMap<>();
        List<Throwable> exceptions = new ArrayList<>();
        try (BbbSimulator sim = BbbSimulator.builder().recordingProcessingTime(Duration.ZERO).start()) {
            String secret = Secrets.forbid(sim.secret());
            BbbClient bbb = BbbClient.builder().baseUrl(sim.baseUrl()).secret(secret).maxRetries(0).build();
            samples.put(bbb, true);
            samples.put(bbb.toBuilder(), true);
            samples.put(bbb.async(), true);
            CreateMeetingRequest create = CreateMeetingRequest.builder("surface-1", "Klasse 7b").record(true)
                    .guestPolicy(GuestPolicy.ALWAYS_ACCEPT).meta("bbb-origin", "schulportal")
                    .lockSettings(LockSettings.builder().disableCam(true).build())
                    .additionalParam("moderatorPW", MODERATOR_PW).additionalParam("attendeePW", ATTENDEE_PW).build();
            samples.put(create, true);
            samples.put(create.toBuilder(), true);
            CreateMeetingResponse created = bbb.create(create);
            samples.put(created, true);
            JoinMeetingRequest join = JoinMeetingRequest.builder("surface-1", "Frau Schmidt", Role.MODERATOR).userId("t-1")
                    .createTime(created.createTime()).additionalParam("password", MODERATOR_PW).build();
            samples.put(join, true);
            samples.put(bbb.joinUrl(join), true);
            samples.put(bbb.join(JoinMeetingRequest.builder("surface-1", "Ali", Role.VIEWER).userId("s-1")
                    .userdata("bbb_custom", "x").build()), true);
            samples.put(bbb.getMeetingInfo("surface-1"), true);
            samples.put(bbb.getMeetings(), true);
            SendChatMessageRequest chat = SendChatMessageRequest.builder("surface-1", "Hallo").userName("Portal").build();
            samples.put(chat, true);
            bbb.sendChatMessage(chat);
            CreateHookRequest hook = CreateHookRequest.builder(URI.create("https://portal.example.org/hooks?tenant=1"))
                    .meetingId("surface-1").build();
            samples.put(hook, true);
            samples.put(bbb.createHook(hook), true);
            samples.put(bbb.listHooks(ListHooksRequest.builder().build()), true);
            // The request types of the other calls with parameters, and their builders; the deprecated
            // end password travels as an additional parameter and must not show.
            List<Object> builders = List.of(EndMeetingRequest.builder("surface-9").additionalParam("password", MODERATOR_PW),
                    GetMeetingInfoRequest.builder("surface-1"), IsMeetingRunningRequest.builder("surface-1"),
                    InsertDocumentRequest.builder("surface-1").document(Document.inline("c.pdf", new byte[] {4}).build()),
                    PublishRecordingsRequest.builder(List.of("rec-1"), true), DeleteRecordingsRequest.builder(List.of("rec-1")),
                    GetRecordingTextTracksRequest.builder("rec-1"), ListHooksRequest.builder().meetingId("surface-1"),
                    DestroyHookRequest.builder("hook-1"));
            for (Object builder : builders) {
                samples.put(builder, true);
                samples.put(builder.getClass().getMethod("build").invoke(builder), true);
            }
            samples.put(Document.fromUrl(URI.create("https://files.example.org/a.pdf")).filename("a.pdf").build(), true);
            bbb.insertDocument("surface-1", List.of(Document.inline("b.pdf", new byte[] {1, 2, 3}).build()));
            samples.put(bbb.version(), true);
            samples.put(bbb.checkConnection(), true);
            bbb.end("surface-1");
            sim.clock();
            GetRecordingsRequest recordings = GetRecordingsRequest.builder().meetingIds("surface-1").meta("k", "v").build();
            samples.put(recordings, true);
            samples.put(bbb.getRecordings(recordings), true);
            samples.put(UpdateRecordingsRequest.builder("rec-1").meta("k", "v").build(), true);
            samples.put(PutRecordingTextTrackRequest.builder("rec-1", PutRecordingTextTrackRequest.TextTrackKind.CAPTIONS,
                    "de-DE", "de.vtt", "WEBVTT".getBytes(StandardCharsets.UTF_8)).label("Deutsch").build(), true);

            // Exceptions, from the real failure paths.
            capture(exceptions, () -> bbb.getMeetingInfo("missing-meeting"));
            capture(exceptions, () -> bbb.join(JoinMeetingRequest.builder("surface-1", "Spät", Role.VIEWER).build()));
            capture(exceptions, () -> bbb.create(CreateMeetingRequest.builder("surface-2", "X").build()));
            capture(exceptions, () -> bbb.join(JoinMeetingRequest.builder("surface-2", "A", Role.VIEWER).createTime(1).build()));
            capture(exceptions, () -> bbb.create(CreateMeetingRequest.builder("surface-2", "X")
                    .additionalParam("moderatorPW", MODERATOR_PW).build()));
            capture(exceptions, () -> bbb.create(CreateMeetingRequest.builder("surface-3", "X").maxParticipants(1).build()));
            capture(exceptions, () -> bbb.join(JoinMeetingRequest.builder("surface-3", "A", Role.VIEWER).build()));
            capture(exceptions, () -> bbb.join(JoinMeetingRequest.builder("surface-3", "B", Role.VIEWER).build()));
            capture(exceptions, () -> bbb.create(CreateMeetingRequest.builder("surface-4", "X").guestPolicy(GuestPolicy.ALWAYS_DENY)
                    .build()));
            capture(exceptions, () -> bbb.join(JoinMeetingRequest.builder("surface-4", "G", Role.VIEWER).guest(true).build()));
            capture(exceptions, () -> bbb.getRecordingTextTracks("missing-recording"));
            capture(exceptions, () -> bbb.destroyHook("missing-hook"));
            try (BbbClient wrong = bbb.toBuilder().secret("wrong-" + secret).build()) {
                capture(exceptions, () -> wrong.getMeetings());
                samples.put(wrong.checkConnection(), true);
            }
            sim.faults().forceStatus(503);
            capture(exceptions, () -> bbb.getMeetingInfo("surface-1"));
            sim.faults().reset().closeConnections(true);
            capture(exceptions, () -> bbb.async().getMeetingInfo("surface-1").join());
            sim.faults().reset();
            bbb.close();
        }
        // Recordings, text tracks and every mapped messageKey from real BigBlueButton answers; the FAILED
        // messages echo a signed URL with a password, as a misbehaving proxy or balancer might.
        try (LoopbackServer fixtures = new LoopbackServer(ClientSurfaceTest::fixtureReply);
                BbbClient c = BbbClient.builder().baseUrl(fixtures.baseUrl()).secret(Secrets.SECRET).maxRetries(0).build()) {
            samples.put(c.getRecordingTextTracks("rec-1"), true);
            samples.put(c.getRecordings(GetRecordingsRequest.builder().build()), true);
            for (String key : List.of("idNotUnique", "mismatchCreateTimeParam", "maxParticipantsReached", "guestDeniedAccess",
                    "checksumError", "notFound", "meetingForciblyEnded", "someFutureKey")) {
                capture(exceptions, () -> c.getMeetingInfo("key-" + key));
                capture(exceptions, () -> c.async().isMeetingRunning("key-" + key).join());
            }
        }
        samples.put(LockSettings.builder().disableCam(true).disableMic(true).build(), true);
        createGroups(samples);
        // The builders integrators use to make response values in their own tests.
        for (Object builder : List.of(de.hessen.schulportal.bbb.client.ApiVersion.builder(),
                de.hessen.schulportal.bbb.client.hook.Hook.builder().callbackUrl("https://p.example.org/h?token=" + Secrets.SECRET),
                de.hessen.schulportal.bbb.client.hook.HookRegistration.builder(),
                de.hessen.schulportal.bbb.client.meeting.Attendee.builder(),
                de.hessen.schulportal.bbb.client.meeting.CreateMeetingResponse.builder(),
                de.hessen.schulportal.bbb.client.meeting.JoinResponse.builder().sessionToken(Secrets.SECRET),
                de.hessen.schulportal.bbb.client.meeting.MeetingInfo.builder(),
                de.hessen.schulportal.bbb.client.recording.PlaybackFormat.builder(),
                de.hessen.schulportal.bbb.client.recording.PreviewImage.builder(),
                de.hessen.schulportal.bbb.client.recording.Recording.builder(),
                de.hessen.schulportal.bbb.client.recording.RecordingsPage.builder(),
                de.hessen.schulportal.bbb.client.recording.TextTrack.builder())) {
            samples.put(builder, true);
        }
        samples.put(de.hessen.schulportal.bbb.client.hook.Hook.builder()
                .callbackUrl("https://p.example.org/h?token=" + Secrets.SECRET).build(), true);
        samples.put(de.hessen.schulportal.bbb.client.meeting.JoinResponse.builder().sessionToken(Secrets.SECRET)
                .authToken(Secrets.SECRET).build(), true);
        callbacks(samples, exceptions);

        Map<Class<?>, Integer> seen = new LinkedHashMap<>();
        Set<Object> visited = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
        for (Object o : new ArrayList<>(samples.keySet())) {
            walk(o, seen, visited, 0);
        }
        for (Throwable t : exceptions) {
            walk(t, seen, visited, 0);
            for (Throwable c = t; c != null; c = c.getCause()) {
                Secrets.assertNoLeak(c.getClass().getSimpleName() + " message", c.getMessage());
                Secrets.assertNoLeak(c.getClass().getSimpleName() + " toString", c.toString());
            }
        }
        Set<String> missing = new TreeSet<>();
        for (Class<?> type : publicTypes()) {
            boolean subtypeSeen = type == BbbException.class && seen.keySet().stream().anyMatch(type::isAssignableFrom);
            if (!seen.containsKey(type) && !subtypeSeen) {
                missing.add(type.getName());
            }
        }
        assertThat(missing).as("public types without a sample instance").isEmpty();
    }

    /** The groups of create parameters and their builders. */
    private static void createGroups(Map<Object, Boolean> samples) {
        List<Object> builders = List.of(de.hessen.schulportal.bbb.client.meeting.Branding.builder().bannerText("b"),
                de.hessen.schulportal.bbb.client.meeting.BreakoutRoomSettings.builder().record(false),
                de.hessen.schulportal.bbb.client.meeting.CameraSettings.builder().userCameraCap(1),
                de.hessen.schulportal.bbb.client.meeting.MediaBridges.builder().camera("livekit"),
                de.hessen.schulportal.bbb.client.meeting.MeetingTimers.builder().logoutTimer(Duration.ofMinutes(5)),
                de.hessen.schulportal.bbb.client.meeting.Plugins.builder()
                        .addSettings(de.hessen.schulportal.bbb.client.meeting.PluginSetting.of("P", "k", MODERATOR_PW)),
                de.hessen.schulportal.bbb.client.meeting.PresentationSettings.builder().maxNumPages(5),
                de.hessen.schulportal.bbb.client.meeting.PluginManifest.builder().url("https://cdn.example.org/m.json?token=" + Secrets.SECRET),
                de.hessen.schulportal.bbb.client.meeting.PluginSetting.builder().plugin("P").key("k").value(MODERATOR_PW));
        for (Object b : builders) {
            samples.put(b, true);
        }
        samples.put(de.hessen.schulportal.bbb.client.meeting.Branding.builder().bannerText("b").build(), true);
        samples.put(de.hessen.schulportal.bbb.client.meeting.BreakoutRoomSettings.builder().record(false).build(), true);
        samples.put(de.hessen.schulportal.bbb.client.meeting.CameraSettings.builder().userCameraCap(1).build(), true);
        samples.put(de.hessen.schulportal.bbb.client.meeting.MediaBridges.builder().camera("livekit").build(), true);
        samples.put(de.hessen.schulportal.bbb.client.meeting.MeetingTimers.builder().logoutTimer(Duration.ofMinutes(5)).build(), true);
        samples.put(de.hessen.schulportal.bbb.client.meeting.Plugins.builder()
                        .addSettings(de.hessen.schulportal.bbb.client.meeting.PluginSetting.of("P", "k", MODERATOR_PW))
                        .addManifests(de.hessen.schulportal.bbb.client.meeting.PluginManifest.of(
                                "https://cdn.example.org/m.json?token=" + Secrets.SECRET))
                        .manifestsFetchUrl("https://cdn.example.org/all.json?token=" + Secrets.SECRET).build(), true);
        samples.put(de.hessen.schulportal.bbb.client.meeting.PresentationSettings.builder().maxNumPages(5).build(), true);
    }

    private static void callbacks(Map<Object, Boolean> samples, List<Throwable> exceptions) {
        RecordingReadyVerifier ready = RecordingReadyVerifier.builder().secrets(CALLBACK_SECRET).build();
        samples.put(ready, true);
        samples.put(ready.verifyToken(IndependentCrypto.hs256("{\"meeting_id\":\"m-1\",\"record_id\":\"rec-1\"}", CALLBACK_SECRET)), true);
        capture(exceptions, () -> ready.verifyToken(IndependentCrypto.hs256("{\"meeting_id\":\"m-1\",\"record_id\":\"rec-1\"}", "other-secret")));

        AnalyticsCallbackVerifier analytics = AnalyticsCallbackVerifier.builder().secrets(CALLBACK_SECRET).build();
        samples.put(analytics, true);
        samples.put(analytics.verify("Bearer " + IndependentCrypto.hs512("{\"meeting_id\":\"m-1\",\"exp\":"
                + Instant.now().plusSeconds(600).getEpochSecond() + "}", CALLBACK_SECRET), "{\"meeting_id\":\"m-1\"}"), true);

        String ids = "\"meeting\":{\"internal-meeting-id\":\"183f-1700000000000\",\"external-meeting-id\":\"m-1\"}";
        String events = "[" + String.join(",",
                event("meeting-created", "{\"meeting\":{\"internal-meeting-id\":\"183f-1\",\"external-meeting-id\":\"m-1\","
                        + "\"moderator-pass\":\"" + MODERATOR_PW + "\",\"viewer-pass\":\"" + ATTENDEE_PW + "\"}}"),
                event("user-joined", "{" + ids + ",\"user\":{\"internal-user-id\":\"w_1\",\"external-user-id\":\"u-1\","
                        + "\"name\":\"A\",\"role\":\"VIEWER\"}}"),
                event("chat-group-message-sent", "{" + ids + ",\"chat-message\":{\"id\":\"1\",\"message\":\"hi\","
                        + "\"sender\":{\"internal-user-id\":\"w_1\",\"name\":\"A\",\"time\":1}},\"chat-id\":\"MAIN-PUBLIC-GROUP-CHAT\"}"),
                event("rap-publish-ended", "{" + ids + ",\"record-id\":\"183f-1\",\"success\":true,\"recording\":{\"name\":\"x\","
                        + "\"playback\":{\"format\":\"presentation\",\"link\":\"https://bbb/p\"}}}"),
                event("poll-started", "{" + ids + ",\"poll\":{\"id\":\"p-1\",\"question\":\"q\",\"answers\":[{\"id\":0,\"key\":\"a\"}]}}")) + "]";
        String body = IndependentCrypto.webhookBody("bbb.example.org", events, 1_700_000_000_000L);
        String url = IndependentCrypto.webhookUrl("https://portal.example.org/hooks", body, CALLBACK_SECRET, "SHA-256");
        WebhookVerifier webhooks = WebhookVerifier.builder().secrets(CALLBACK_SECRET).callbackUrls("https://portal.example.org/hooks").build();
        samples.put(webhooks, true);
        samples.put(webhooks.verify(url, body), true);
        capture(exceptions, () -> webhooks.verify(url, body + "&x=1"));

        byte[] key = "0123456789abcdef0123456789abcdef-surface".getBytes(StandardCharsets.US_ASCII);
        MeetingEndedCallbackSigner signer = MeetingEndedCallbackSigner.builder().key(key).build();
        MeetingEndedCallbackVerifier verifier = MeetingEndedCallbackVerifier.builder().keys(key).build();
        samples.put(signer, true);
        samples.put(verifier, true);
        String ended = signer.signMeetingEndedUrl("https://portal.example.org/ended", "m-1");
        samples.put(verifier.verify(ended), true);
        capture(exceptions, () -> verifier.verify(ended.replace("meetingID=m-1", "meetingID=m-2")));
        // The builders of the callback values, for receivers' tests, holding what toString must mask.
        samples.put(de.hessen.schulportal.bbb.client.callback.WebhookEvent.builder().rawJson(Secrets.SECRET), true);
        samples.put(de.hessen.schulportal.bbb.client.callback.WebhookDelivery.builder().eventJson(Secrets.SECRET), true);
        samples.put(de.hessen.schulportal.bbb.client.callback.WebhookMeeting.builder().voiceConference(Secrets.SECRET), true);
        samples.put(de.hessen.schulportal.bbb.client.callback.WebhookUser.builder().rawJson(Secrets.SECRET), true);
        samples.put(de.hessen.schulportal.bbb.client.callback.WebhookRecording.builder().playbackJson(Secrets.SECRET), true);
        samples.put(de.hessen.schulportal.bbb.client.callback.WebhookChatMessage.builder().text(Secrets.SECRET), true);
        samples.put(de.hessen.schulportal.bbb.client.callback.WebhookPoll.builder().rawJson(Secrets.SECRET), true);
        samples.put(de.hessen.schulportal.bbb.client.callback.RecordingReady.builder().claimsJson(Secrets.SECRET), true);
        samples.put(de.hessen.schulportal.bbb.client.callback.AnalyticsCallback.builder().bodyJson(Secrets.SECRET), true);
        samples.put(de.hessen.schulportal.bbb.client.callback.MeetingEnded.builder().meetingId("m-1"), true);
        samples.put(AnalyticsCallbackVerifier.builder(), true);
        samples.put(RecordingReadyVerifier.builder(), true);
        samples.put(WebhookVerifier.builder(), true);
        samples.put(MeetingEndedCallbackSigner.builder(), true);
        samples.put(MeetingEndedCallbackVerifier.builder(), true);
        samples.put(LockSettings.builder(), true);
        samples.put(JoinMeetingRequest.builder("m", "n", Role.VIEWER), true);
        samples.put(SendChatMessageRequest.builder("m", "x"), true);
        samples.put(GetRecordingsRequest.builder(), true);
        samples.put(UpdateRecordingsRequest.builder("r"), true);
        samples.put(CreateHookRequest.builder(URI.create("https://x")), true);
        samples.put(Document.inline("a.pdf", new byte[] {1}), true);
        samples.put(PutRecordingTextTrackRequest.builder("r", PutRecordingTextTrackRequest.TextTrackKind.CAPTIONS, "de",
                "a.vtt", new byte[] {1}), true);
    }

    private static LoopbackServer.Reply fixtureReply(String requestLine) {
        if (requestLine.contains("/getRecordings?")) {
            return LoopbackServer.status(200, "text/xml", Fixtures.text("bigbluebutton-api-php/responses__get_recordings.xml"));
        }
        if (requestLine.contains("/getRecordingTextTracks?")) {
            return LoopbackServer.status(200, "application/json",
                    Fixtures.text("bigbluebutton-api-php/responses__get_recording_text_tracks.json"));
        }
        int k = requestLine.indexOf("meetingID=key-");
        String key = k < 0 ? "unknown" : requestLine.substring(k + 14).split("[&\\s]")[0];
        return LoopbackServer.status(200, "text/xml", "<response><returncode>FAILED</returncode><messageKey>" + key
                + "</messageKey><message>Refused: /bigbluebutton/api/create?name=x&amp;moderatorPW=" + MODERATOR_PW
                + "&amp;checksum=" + "0123456789abcdef".repeat(4) + "</message></response>");
    }

    private static String event(String id, String attributes) {
        return "{\"data\":{\"type\":\"event\",\"id\":\"" + id + "\",\"attributes\":" + attributes + ",\"event\":{\"ts\":1}}}";
    }

    private static void capture(List<Throwable> into, Supplier<?> call) {
        try {
            call.get();
        } catch (CompletionException e) {
            into.add(e.getCause());
        } catch (RuntimeException e) {
            into.add(e);
        }
    }

    private static void capture(List<Throwable> into, Runnable call) {
        capture(into, () -> {
            call.run();
            return null;
        });
    }

    /** Checks {@code toString()} of an object and follows its public accessors into nested SDK types. */
    private static void walk(Object o, Map<Class<?>, Integer> seen, Set<Object> visited, int depth) {
        if (o == null || depth > 6 || !visited.add(o)) {
            return;
        }
        if (o instanceof Optional) {
            ((Optional<?>) o).ifPresent(v -> walk(v, seen, visited, depth + 1));
            return;
        }
        if (o instanceof Iterable) {
            for (Object v : (Iterable<?>) o) {
                walk(v, seen, visited, depth + 1);
            }
            return;
        }
        if (o instanceof Map) {
            for (Object v : ((Map<?, ?>) o).values()) {
                walk(v, seen, visited, depth + 1);
            }
            return;
        }
        Class<?> type = o.getClass();
        if (!EXPORTED.contains(type.getPackageName())) {
            return;
        }
        seen.merge(type, 1, Integer::sum);
        Secrets.assertNoLeak(type.getName() + ".toString()", o.toString());
        if (o instanceof Throwable) {
            return;
        }
        for (Method m : type.getMethods()) {
            if (m.getParameterCount() != 0 || Modifier.isStatic(m.getModifiers()) || m.getDeclaringClass() == Object.class
                    || m.getReturnType() == void.class || m.getName().equals("build") || m.getName().equals("toBuilder")
                    || m.getName().startsWith("raw") || m.getName().equals("toUri") || m.getName().equals("close")
                    || m.getName().equals("checkConnection") || m.getName().startsWith("get") || m.getName().equals("version")
                    || m.getName().equals("anyState") || m.getName().equals("async")
                    || m.getName().endsWith("Json") || m.getName().equals("content")) {
                continue;
            }
            try {
                walk(m.invoke(o), seen, visited, depth + 1);
            } catch (ReflectiveOperationException | RuntimeException e) {
                // An accessor that refuses (e.g. a builder's missing field) has nothing to show.
                continue;
            }
        }
    }

    /** The public, instantiable types of the exported packages (enums via their constants, utility classes excluded). */
    private static List<Class<?>> publicTypes() throws Exception {
        List<Class<?>> types = new ArrayList<>();
        File root = new File(BbbClient.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        for (String pkg : EXPORTED) {
            File[] files = new File(root, pkg.replace('.', '/')).listFiles((d, n) -> n.endsWith(".class") && !n.equals("package-info.class"));
            for (File f : files) {
                Class<?> c = Class.forName(pkg + "." + f.getName().replace(".class", "").replace('/', '.'), false,
                        BbbClient.class.getClassLoader());
                if (!Modifier.isPublic(c.getModifiers()) || c.isInterface() || c.isAnonymousClass()
                        || Modifier.isAbstract(c.getModifiers())) {
                    continue;
                }
                if (c.isEnum()) {
                    for (Object constant : c.getEnumConstants()) {
                        Secrets.assertNoLeak(c.getName() + " constant", constant.toString());
                    }
                    continue;
                }
                boolean utility = true;
                for (Method m : c.getDeclaredMethods()) {
                    if (Modifier.isPublic(m.getModifiers()) && !Modifier.isStatic(m.getModifiers())) {
                        utility = false;
                    }
                }
                if (!utility || Throwable.class.isAssignableFrom(c)) {
                    types.add(c);
                }
            }
        }
        return types;
    }

    static {
        // BbbException is the root the others extend: it must stay in the exported surface.
        assertThat(BbbException.class.getPackageName()).isEqualTo("de.hessen.schulportal.bbb.client");
        assertThat(URLEncoder.class).isNotNull();
    }
}
