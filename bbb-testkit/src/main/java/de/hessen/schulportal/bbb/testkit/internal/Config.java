// SPDX-License-Identifier: Apache-2.0
package de.hessen.schulportal.bbb.testkit.internal;

import java.util.List;
import java.util.Set;

/**
 * Settings fixed at start.
 *
 * @param secrets                 accepted secrets, primary first (the primary one signs callbacks)
 * @param algorithms              supported checksum algorithm names
 * @param recordingProcessingMs   simulated time from meeting end to published recording
 * @param hookChecksumAlgorithm   algorithm of webhook checksums ({@code hookChecksumAlgorithm})
 * @param legacyHookChecksum      whether webhooks are signed as bbb-webhooks 3.0–3.3 signs them
 * @param endedMeetingRetentionMs how long an ended meeting stays visible to the API
 */
public record Config(List<String> secrets, Set<String> algorithms, long recordingProcessingMs,
                     String hookChecksumAlgorithm, boolean legacyHookChecksum, long endedMeetingRetentionMs) {
    /** The secret that signs outgoing callbacks. */
    public String primarySecret() {
        return secrets.get(0);
    }
}
