// SPDX-License-Identifier: Apache-2.0
package de.hessen.schulportal.bbb.client;

import de.hessen.schulportal.bbb.client.hook.CreateHookRequest;
import de.hessen.schulportal.bbb.client.event.BbbEventListener;
import de.hessen.schulportal.bbb.client.internal.HttpCall;
import de.hessen.schulportal.bbb.client.internal.RawResponse;
import de.hessen.schulportal.bbb.client.internal.Sleeper;
import de.hessen.schulportal.bbb.client.internal.Transport;
import de.hessen.schulportal.bbb.client.meeting.CreateMeetingRequest;
import de.hessen.schulportal.bbb.client.meeting.JoinMeetingRequest;
import de.hessen.schulportal.bbb.client.meeting.SendChatMessageRequest;
import de.hessen.schulportal.bbb.client.recording.GetRecordingsRequest;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/**
 * Test access to package-private parts of the client for the reliability tests: the injectable
 * sleeper, and the exact URL a call would send (built by the same code path as a real call, without
 * a network round trip).
 */
public final class ReliabilityAccess {
    private static final Transport NO_NETWORK = new Transport() {
        @Override
        public RawResponse send(HttpCall call) {
            throw new AssertionError("no network in URL rendering");
        }

        @Override
        public CompletableFuture<RawResponse> sendAsync(HttpCall call) {
            throw new AssertionError("no network in URL rendering");
        }
    };

    private final Calls calls;
    private final ApiExecutor executor;

    private ReliabilityAccess(String baseUrl, String secret, ChecksumAlgorithm algorithm) {
        ClientConfig config = new ClientConfig(ClientConfig.apiBase(baseUrl), secret, algorithm, algorithm,
                Duration.ofSeconds(1), Duration.ofSeconds(1), 1 << 20);
        this.executor = new ApiExecutor(config, NO_NETWORK, Runnable::run, BbbEventListener.NONE);
        this.calls = new Calls(config);
    }

    /**
     * A URL renderer with the client's own call definitions and signer.
     *
     * @param baseUrl the base URL
     * @param secret the secret
     * @param algorithm the checksum algorithm (also for hooks)
     * @return the renderer
     */
    public static ReliabilityAccess urls(String baseUrl, String secret, ChecksumAlgorithm algorithm) {
        return new ReliabilityAccess(baseUrl, secret, algorithm);
    }

    /**
     * Sets the package-private sleeper on a builder.
     *
     * @param builder the builder
     * @param sleeper the sleeper
     * @return the builder
     */
    @SuppressWarnings("exports")
    public static BbbClient.Builder sleeper(BbbClient.Builder builder, Sleeper sleeper) {
        return builder.sleeper(sleeper);
    }

    /** @param r the request @return the URL {@code create} sends */
    public String create(CreateMeetingRequest r) {
        return executor.signedUrl(calls.create(r));
    }

    /** @param r the request @return the URL {@code join} (server side) sends */
    public String join(JoinMeetingRequest r) {
        return executor.signedUrl(calls.join(r));
    }

    /** @param r the request @return the URL {@code getRecordings} sends */
    public String getRecordings(GetRecordingsRequest r) {
        return executor.signedUrl(calls.getRecordings(r));
    }

    /** @param r the request @return the URL {@code sendChatMessage} sends */
    public String sendChatMessage(SendChatMessageRequest r) {
        return executor.signedUrl(calls.sendChatMessage(r));
    }

    /** @param r the request @return the URL {@code hooks/create} sends */
    public String createHook(CreateHookRequest r) {
        return executor.signedUrl(calls.createHook(r));
    }
}
