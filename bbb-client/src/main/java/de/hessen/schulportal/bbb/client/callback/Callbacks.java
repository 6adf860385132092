// SPDX-License-Identifier: Apache-2.0
package de.hessen.schulportal.bbb.client.callback;

import static de.hessen.schulportal.bbb.client.callback.CallbackSupport.ANALYTICS;
import static de.hessen.schulportal.bbb.client.callback.CallbackSupport.MEETING_ENDED;
import static de.hessen.schulportal.bbb.client.callback.CallbackSupport.RECORDING_READY;
import static de.hessen.schulportal.bbb.client.callback.CallbackSupport.WEBHOOK;
import static de.hessen.schulportal.bbb.client.callback.CallbackSupport.fail;

import de.hessen.schulportal.bbb.client.ChecksumAlgorithm;
import de.hessen.schulportal.bbb.client.callback.CallbackVerificationException.Reason;
import de.hessen.schulportal.bbb.client.internal.Nodes;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import tools.jackson.databind.JsonNode;

/**
 * The one mapper of the callback package: reads what BigBlueButton, Scalelite and bbb-webhooks send
 * into the callback values, through their builders and the shared {@link Nodes} readers. A field
 * the sender left out, or sent with an unexpected type, stays empty (docs/values.md: callbacks are
 * partial); the verifiers call this after they have checked the request.
 */
final class Callbacks {
    private Callbacks() {
    }

    /** The three form fields of a delivery, decoded; also what the legacy checksum is computed over. */
    record DeliveryForm(Optional<String> domain, OptionalLong timestamp, String event) {
    }

    /**
     * Reads the form of a bbb-webhooks POST: {@code event} once, {@code domain} and
     * {@code timestamp} at most once, {@code timestamp} a non-negative integer.
     */
    static DeliveryForm deliveryForm(String formBody) {
        Map<String, List<String>> form = CallbackSupport.parseForm(WEBHOOK, formBody);
        String event = CallbackSupport.single(WEBHOOK, form, "event");
        Optional<String> domain = CallbackSupport.optional(WEBHOOK, form, "domain");
        Optional<String> ts = CallbackSupport.optional(WEBHOOK, form, "timestamp");
        if (ts.isPresent() && !CallbackSupport.isDigits(ts.get(), 18)) {
            throw fail(WEBHOOK, Reason.MALFORMED, "the 'timestamp' field is not a non-negative integer");
        }
        return new DeliveryForm(domain, ts.isPresent() ? OptionalLong.of(Long.parseLong(ts.get())) : OptionalLong.empty(), event);
    }

    /**
     * Reads a delivery body into its events: the {@code event} field is a JSON array of events (or,
     * leniently, one event object).
     */
    static WebhookDelivery delivery(String formBody, WebhookSignatureScheme scheme, ChecksumAlgorithm algorithm,
            String callbackUrl) {
        DeliveryForm f = deliveryForm(formBody);
        JsonNode root = CallbackSupport.parseJson(WEBHOOK, "the 'event' field", f.event());
        WebhookDelivery.Builder b = WebhookDelivery.builder()
                .domain(f.domain())
                .timestamp(f.timestamp())
                .eventJson(f.event())
                .signatureScheme(scheme)
                .checksumAlgorithm(Optional.ofNullable(algorithm))
                .callbackUrl(Optional.ofNullable(callbackUrl));
        if (root.isArray()) {
            for (JsonNode e : root) {
                b.addEvents(event(e));
            }
        } else if (root.isObject()) {
            b.addEvents(event(root));
        } else {
            throw fail(WEBHOOK, Reason.MALFORMED, "the 'event' field is neither a JSON array nor an object");
        }
        return b.build();
    }

    /**
     * One event: mapped ({@code data.id} present) or, failing that, a raw-mode message named by
     * {@code envelope.name} or {@code header.name}; anything else is kept with an empty id.
     */
    static WebhookEvent event(JsonNode node) {
        WebhookEvent.Builder b = WebhookEvent.builder().rawJson(node.toString());
        Optional<JsonNode> data = Nodes.object(node, "data");
        Optional<String> id = data.flatMap(d -> Nodes.string(d, "id"));
        if (data.isPresent() && id.isPresent()) {
            b.id(id.get());
            Nodes.object(data.get(), "event").ifPresent(e -> Nodes.number(e, "ts").ifPresent(ts -> b.timestamp(Instant.ofEpochMilli(ts))));
            Nodes.object(data.get(), "attributes").ifPresent(a -> attributes(b, id.get(), a));
            return b.build();
        }
        Optional<JsonNode> envelope = Nodes.object(node, "envelope");
        Optional<JsonNode> header = Nodes.object(node, "header");
        Optional<String> rawName = envelope.flatMap(e -> Nodes.string(e, "name")).or(() -> header.flatMap(h -> Nodes.string(h, "name")));
        return b.id(rawName.orElse(""))
                .rawMode(envelope.isPresent() || header.isPresent() || Nodes.object(node, "core").isPresent())
                .build();
    }

    private static void attributes(WebhookEvent.Builder b, String id, JsonNode a) {
        b.attributesJson(a.toString());
        Nodes.object(a, "meeting").ifPresent(m -> b.meeting(meeting(m)));
        Nodes.object(a, "user").ifPresent(u -> b.user(user(u)));
        Nodes.object(a, "poll").ifPresent(p -> b.poll(poll(p)));
        Nodes.object(a, "chat-message").ifPresent(c -> b.chatMessage(chatMessage(a, c)));
        if (id.startsWith("rap-")) {
            b.recording(recording(a));
        }
    }

    /** bbb-webhooks {@code WebhooksEvent.meetingTemplate}. */
    private static WebhookMeeting meeting(JsonNode m) {
        return WebhookMeeting.builder()
                .internalMeetingId(Nodes.string(m, "internal-meeting-id"))
                .externalMeetingId(Nodes.string(m, "external-meeting-id"))
                .name(Nodes.string(m, "name"))
                .breakout(Nodes.flag(m, "is-breakout"))
                .parentId(Nodes.string(m, "parent-id"))
                .createTime(Nodes.number(m, "create-time"))
                .durationMinutes(Nodes.number(m, "duration"))
                .record(Nodes.flag(m, "record"))
                .maxUsers(Nodes.integer(m, "max-users"))
                .createDate(Nodes.string(m, "create-date"))
                .voiceConference(Nodes.string(m, "voice-conf"))
                .dialNumber(Nodes.string(m, "dial-number"))
                .audioBridge(Nodes.string(m, "audioBridge"))
                .cameraBridge(Nodes.string(m, "cameraBridge"))
                .screenShareBridge(Nodes.string(m, "screenShareBridge"))
                .presentationId(Nodes.string(m, "presentation-id"))
                .metadata(Nodes.stringMap(m, "metadata"))
                .rawJson(m.toString())
                .build();
    }

    /** bbb-webhooks {@code WebhooksEvent.userTemplate}; screenshare and poll events send the IDs only. */
    private static WebhookUser user(JsonNode u) {
        return WebhookUser.builder()
                .internalUserId(Nodes.string(u, "internal-user-id"))
                .externalUserId(Nodes.string(u, "external-user-id"))
                .name(Nodes.string(u, "name"))
                .rawRole(Nodes.string(u, "role"))
                .presenter(Nodes.flag(u, "presenter"))
                .guest(Nodes.flag(u, "guest"))
                .muted(Nodes.flag(u, "muted"))
                .listeningOnly(Nodes.flag(u, "listening-only"))
                .sharingMic(Nodes.flag(u, "sharing-mic"))
                .raiseHand(Nodes.flag(u, "raise-hand"))
                .emoji(Nodes.string(u, "emoji"))
                // userTemplate copies the stream of every user message; only the cam events have one.
                .stream(Nodes.string(u, "stream").filter(s -> !s.isEmpty()))
                .userdata(Nodes.stringMap(u, "userdata"))
                .rawJson(u.toString())
                .build();
    }

    /** bbb-webhooks {@code WebhooksEvent.compRapTemplate}, which puts the fields straight into the attributes. */
    private static WebhookRecording recording(JsonNode a) {
        JsonNode details = Nodes.child(a, "recording");
        JsonNode playback = details.get("playback");
        return WebhookRecording.builder()
                .recordId(Nodes.string(a, "record-id"))
                .success(Nodes.flag(a, "success"))
                .stepTimeMillis(Nodes.number(a, "step-time"))
                .workflow(Nodes.string(a, "workflow").or(() -> Nodes.string(a, "format")))
                .recorded(Nodes.flag(a, "recorded"))
                .duration(Nodes.number(a, "duration"))
                .name(Nodes.string(details, "name"))
                .startTime(Nodes.number(details, "start-time"))
                .endTime(Nodes.number(details, "end-time"))
                .size(Nodes.number(details, "size"))
                .rawSize(Nodes.number(details, "raw-size"))
                .metadata(Nodes.stringMap(details, "metadata"))
                .playbackJson(playback == null || playback.isNull() ? Optional.empty() : Optional.of(playback.toString()))
                .build();
    }

    /** bbb-webhooks {@code WebhooksEvent.chatTemplate}. */
    private static WebhookChatMessage chatMessage(JsonNode attributes, JsonNode message) {
        JsonNode sender = Nodes.child(message, "sender");
        return WebhookChatMessage.builder()
                .chatId(Nodes.string(attributes, "chat-id"))
                .messageId(Nodes.string(message, "id"))
                .text(Nodes.string(message, "message"))
                .senderInternalUserId(Nodes.string(sender, "internal-user-id"))
                .senderExternalUserId(Nodes.string(sender, "external-user-id"))
                .senderName(Nodes.string(sender, "name"))
                .time(Nodes.number(sender, "time"))
                .build();
    }

    /** bbb-webhooks {@code WebhooksEvent.pollTemplate}. */
    private static WebhookPoll poll(JsonNode p) {
        WebhookPoll.Builder b = WebhookPoll.builder()
                .id(Nodes.string(p, "id"))
                .question(Nodes.string(p, "question"))
                .rawJson(p.toString());
        Map<Integer, String> answers = new LinkedHashMap<>();
        for (JsonNode a : Nodes.children(p, "answers")) {
            OptionalInt id = Nodes.integer(a, "id");
            Optional<String> key = Nodes.string(a, "key");
            if (id.isPresent() && key.isPresent()) {
                answers.put(id.getAsInt(), key.get());
            }
        }
        b.answers(answers);
        for (JsonNode id : Nodes.children(p, "answerIds")) {
            if (id.isIntegralNumber() && id.canConvertToInt()) {
                b.addAnswerIds(id.intValue());
            }
        }
        return b.build();
    }

    /**
     * A recording-ready callback from its verified token: the claims {@code meeting_id} and
     * {@code record_id} must be non-empty strings (REFERENCE.md §7.2: BigBlueButton always sets both).
     */
    static RecordingReady recordingReady(Jwt.Verified jwt) {
        return RecordingReady.builder()
                .meetingId(requiredClaim(jwt.claims(), "meeting_id"))
                .recordId(requiredClaim(jwt.claims(), "record_id"))
                .algorithm(jwt.algorithm())
                .claimsJson(jwt.claimsJson())
                .build();
    }

    private static String requiredClaim(JsonNode claims, String name) {
        JsonNode node = claims.get(name);
        if (node == null || node.isNull()) {
            throw fail(RECORDING_READY, Reason.MISSING, "the claim '" + name + "' is missing");
        }
        if (!node.isString() || node.stringValue().isEmpty()) {
            throw fail(RECORDING_READY, Reason.MALFORMED, "the claim '" + name + "' is not a non-empty string");
        }
        return node.stringValue();
    }

    /**
     * A learning-analytics callback from its verified token and body. The token does not cover the
     * body, so a body that names another meeting than the claims is refused (MEETING_MISMATCH);
     * the meeting ID is the claim's if there is one, else the body's ({@code meeting_id}, or
     * {@code meetingId}).
     */
    static AnalyticsCallback analyticsCallback(Jwt.Verified jwt, String bodyJson) {
        JsonNode body = CallbackSupport.parseJson(ANALYTICS, "the body", bodyJson);
        Optional<String> claimMeeting = nonEmpty(jwt.claims(), "meeting_id");
        Optional<String> bodyMeeting = nonEmpty(body, "meeting_id").or(() -> nonEmpty(body, "meetingId"));
        if (claimMeeting.isPresent() && bodyMeeting.isPresent() && !claimMeeting.equals(bodyMeeting)) {
            throw fail(ANALYTICS, Reason.MEETING_MISMATCH, "the body names a different meeting than the signed token");
        }
        return AnalyticsCallback.builder()
                .claimsJson(jwt.claimsJson())
                .bodyJson(bodyJson)
                .meetingId(claimMeeting.or(() -> bodyMeeting))
                .meetingIdSigned(claimMeeting.isPresent())
                .expiresAt(jwt.expiresAt())
                .algorithm(jwt.algorithm())
                .build();
    }

    private static Optional<String> nonEmpty(JsonNode node, String name) {
        return Nodes.string(node, name).filter(s -> !s.isEmpty());
    }

    /**
     * A meeting-ended callback from the query BigBlueButton called with, after the verifier has
     * checked the token ({@code iat}, {@code exp} in epoch seconds, {@code exp} 0 for none) against
     * the meeting ID: {@code recordingmarks} is read if present, at most once, {@code true} in any case.
     */
    static MeetingEnded meetingEnded(String meetingId, Map<String, List<String>> query, long iat, long exp) {
        boolean recordingMarks = CallbackSupport.optional(MEETING_ENDED, query, "recordingmarks")
                .filter(v -> v.trim().toLowerCase(Locale.ROOT).equals("true")).isPresent();
        return MeetingEnded.builder()
                .meetingId(meetingId)
                .hasRecordingMarks(recordingMarks)
                .issuedAt(Instant.ofEpochSecond(iat))
                .expiresAt(exp == 0 ? Optional.empty() : Optional.of(Instant.ofEpochSecond(exp)))
                .build();
    }
}
