// SPDX-License-Identifier: Apache-2.0
package de.hessen.schulportal.bbb.examples;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import de.hessen.schulportal.bbb.client.BbbClient;
import de.hessen.schulportal.bbb.client.callback.CallbackVerificationException;
import de.hessen.schulportal.bbb.client.callback.MeetingEnded;
import de.hessen.schulportal.bbb.client.callback.MeetingEndedCallbackSigner;
import de.hessen.schulportal.bbb.client.callback.MeetingEndedCallbackVerifier;
import de.hessen.schulportal.bbb.client.callback.RecordingReady;
import de.hessen.schulportal.bbb.client.callback.RecordingReadyVerifier;
import de.hessen.schulportal.bbb.client.callback.WebhookDelivery;
import de.hessen.schulportal.bbb.client.callback.WebhookEvent;
import de.hessen.schulportal.bbb.client.callback.WebhookVerifier;
import de.hessen.schulportal.bbb.client.hook.CreateHookRequest;
import de.hessen.schulportal.bbb.client.meeting.CreateMeetingRequest;
import de.hessen.schulportal.bbb.client.meeting.CreateMeetingResponse;
import de.hessen.schulportal.bbb.client.meeting.JoinMeetingRequest;
import de.hessen.schulportal.bbb.client.meeting.Role;
import de.hessen.schulportal.bbb.testkit.BbbSimulator;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * An HTTP endpoint (plain JDK {@code HttpServer}) that verifies what BigBlueButton sends back and
 * logs the typed result: webhook events ({@code POST /bbb/webhook}), recording-ready notifications
 * ({@code POST /bbb/recording-ready}) and meeting-ended calls ({@code GET /bbb/meeting-ended}).
 * Anything that fails verification gets 401 and is not processed.
 *
 * <p>The same three verifier calls work in a servlet container or Spring: they take the raw URL,
 * headers and body, not a framework request. In production, put the endpoint behind a reverse
 * proxy that terminates TLS and limits request time and size (the JDK {@code HttpServer} has no
 * request timeouts of its own; {@link ServerLimits} sets some for the example), and treat a meeting-ended callback as a hint: confirm with
 * {@code isMeetingRunning} before acting on it.
 *
 * <p>{@link #main} runs a self-contained walk-through against the embedded simulator: it registers
 * a webhook, creates a recorded meeting whose callback URLs point here, joins, ends it, lets the
 * recording finish, and prints what arrived. Run:
 * {@code mvn -q -Pdemo verify -Dexample=de.hessen.schulportal.bbb.examples.CallbackReceiver}
 */
public final class CallbackReceiver implements AutoCloseable {
    /** Larger bodies are no callback: refused with 413 before they are read. */
    static final int MAX_BODY = 1024 * 1024;

    /** What arrived and passed verification, in order; bounded. */
    private final BoundedLog verified = new BoundedLog();
    /** What arrived and was rejected, in order; bounded. */
    private final BoundedLog rejected = new BoundedLog();

    private final HttpServer server;
    private final ExecutorService executor;
    private final String publicBaseUrl;
    private final WebhookVerifier webhooks;
    private final RecordingReadyVerifier recordingReady;
    private final MeetingEndedCallbackVerifier meetingEnded;

    /**
     * Starts the receiver on a loopback port.
     *
     * @param port the port, 0 for any free one
     * @param bbbSecret the BigBlueButton shared secret (webhooks and recording-ready are signed with it)
     * @param callbackKey the portal's own key for meeting-ended tokens (at least 32 bytes)
     * @throws IOException if the port cannot be bound
     */
    public CallbackReceiver(int port, String bbbSecret, byte[] callbackKey) throws IOException {
        ServerLimits.apply();
        this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        this.executor = Executors.newFixedThreadPool(2, r -> {
            Thread t = new Thread(r, "callback-receiver");
            t.setDaemon(true);
            return t;
        });
        this.server.setExecutor(executor);
        // The URL exactly as registered with BigBlueButton; behind a proxy, the public URL.
        this.publicBaseUrl = "http://127.0.0.1:" + server.getAddress().getPort();
        this.webhooks = WebhookVerifier.builder().secrets(bbbSecret).callbackUrls(publicBaseUrl + "/bbb/webhook").build();
        this.recordingReady = RecordingReadyVerifier.builder().secrets(bbbSecret).build();
        this.meetingEnded = MeetingEndedCallbackVerifier.builder().keys(callbackKey).build();
        server.createContext("/bbb/webhook", this::webhook);
        server.createContext("/bbb/recording-ready", this::recordingReady);
        server.createContext("/bbb/meeting-ended", this::meetingEnded);
        server.start();
    }

    /**
     * The base URL to register with BigBlueButton.
     *
     * @return e.g. {@code http://127.0.0.1:8123}
     */
    public String baseUrl() {
        return publicBaseUrl;
    }

    /**
     * Callbacks that passed verification, as one-line descriptions: the last
     * {@value BoundedLog#MAX_ENTRIES}, each at most {@value BoundedLog#MAX_ENTRY_CHARS} characters.
     *
     * @return a snapshot
     */
    public List<String> verified() {
        return verified.snapshot();
    }

    /**
     * Callbacks that were rejected, bounded as {@link #verified()}: a flood of forged callbacks
     * with huge paths must not fill the heap.
     *
     * @return a snapshot
     */
    public List<String> rejected() {
        return rejected.snapshot();
    }

    private String requestUrl(HttpExchange ex) {
        URI uri = ex.getRequestURI();
        return publicBaseUrl + uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
    }

    /** The body, or {@code null} if it is larger than {@link #MAX_BODY}. */
    private static byte[] body(HttpExchange ex) throws IOException {
        try (InputStream in = ex.getRequestBody()) {
            byte[] body = in.readNBytes(MAX_BODY + 1);
            return body.length > MAX_BODY ? null : body;
        }
    }

    private void webhook(HttpExchange ex) throws IOException {
        handle(ex, () -> {
            byte[] body = body(ex);
            if (body == null) {
                return false;
            }
            WebhookDelivery delivery = webhooks.verify(requestUrl(ex), body);
            for (WebhookEvent e : delivery.events()) {
                verified.add("webhook " + BoundedLog.field(e.id()) + " meeting="
                        + BoundedLog.field(e.externalMeetingId().orElse("-"))
                        + e.user().flatMap(u -> u.externalUserId()).map(u -> " user=" + BoundedLog.field(u)).orElse(""));
            }
            return true;
        });
    }

    private void recordingReady(HttpExchange ex) throws IOException {
        handle(ex, () -> {
            byte[] body = body(ex);
            if (body == null) {
                return false;
            }
            RecordingReady r = recordingReady.verifyFormBody(body);
            verified.add("recording-ready meeting=" + BoundedLog.field(r.meetingId()) + " record="
                    + BoundedLog.field(r.recordId()));
            return true;
        });
    }

    private void meetingEnded(HttpExchange ex) throws IOException {
        handle(ex, () -> {
            MeetingEnded e = meetingEnded.verify(requestUrl(ex));
            verified.add("meeting-ended meeting=" + BoundedLog.field(e.meetingId()) + " recordingMarks="
                    + e.hasRecordingMarks());
            return true;
        });
    }

    private interface Verification {
        /** Verifies and records; {@code false} if the body was too large to read. */
        boolean run() throws IOException;
    }

    private void handle(HttpExchange ex, Verification verification) throws IOException {
        int status;
        String path = BoundedLog.field(ex.getRequestURI().getRawPath());
        try {
            if (verification.run()) {
                status = 200;
            } else {
                rejected.add(path + " body larger than " + MAX_BODY + " bytes");
                status = 413;
            }
        } catch (CallbackVerificationException e) {
            // The exception's message names the reason and never the token or checksum.
            rejected.add(path + " " + e.reason() + ": " + BoundedLog.field(e.getMessage()));
            status = 401;
        }
        ex.sendResponseHeaders(status, -1);
        ex.close();
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    /**
     * The walk-through against the embedded simulator (or a real server: then the callbacks must be
     * able to reach this machine, which a real server on the internet cannot do for 127.0.0.1).
     *
     * @param args unused
     * @throws Exception if something fails
     */
    public static void main(String[] args) throws Exception {
        try (ExampleServer server = ExampleServer.fromEnvironment()) {
            if (server.simulator().isEmpty()) {
                System.out.println("The walk-through needs the embedded simulator: BigBlueButton must reach 127.0.0.1.");
                return;
            }
            BbbSimulator sim = server.simulator().get();
            System.out.println("# " + server.describe());
            byte[] key = new byte[32];
            new SecureRandom().nextBytes(key);
            try (CallbackReceiver receiver = new CallbackReceiver(0, sim.secret(), key)) {
                List<String> events = walkThrough(server.client(), sim, receiver, key);
                System.out.println("Verified callbacks:");
                events.forEach(e -> System.out.println("  " + e));
                System.out.println("Rejected callbacks: " + receiver.rejected().size());
            }
        }
    }

    static List<String> walkThrough(BbbClient bbb, BbbSimulator sim, CallbackReceiver receiver, byte[] key)
            throws InterruptedException {
        bbb.createHook(CreateHookRequest.builder(URI.create(receiver.baseUrl() + "/bbb/webhook")).build());
        MeetingEndedCallbackSigner signer = MeetingEndedCallbackSigner.builder().key(key).validity(Duration.ofDays(1)).build();
        String meetingId = "rueckruf-demo";
        CreateMeetingResponse created = bbb.create(CreateMeetingRequest.builder(meetingId, "Rückruf-Demo").record(true)
                .meta("endcallbackurl", signer.signEndCallbackUrl(receiver.baseUrl() + "/bbb/meeting-ended", meetingId))
                .meta("bbb-recording-ready-url", receiver.baseUrl() + "/bbb/recording-ready")
                .build());
        bbb.join(JoinMeetingRequest.builder(meetingId, "Frau Schmidt", Role.MODERATOR).userId("t-1")
                .createTime(created.createTime()).build());
        bbb.end(meetingId);
        if (sim.clock().isManual()) {
            sim.clock().advance(Duration.ofMinutes(10));
        } else {
            // With the system clock the simulator publishes after its processing time; wait for it.
            long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
            while (sim.recordings().stream().noneMatch(r -> r.isPublished()) && System.nanoTime() < deadline) {
                Thread.sleep(200);
            }
        }
        sim.awaitCallbacks(Duration.ofSeconds(10));
        return receiver.verified();
    }
}
