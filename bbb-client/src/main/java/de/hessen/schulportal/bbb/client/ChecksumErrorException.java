// SPDX-License-Identifier: Apache-2.0
package de.hessen.schulportal.bbb.client;

/**
 * The server did not accept the checksum ({@code checksumError}): the shared secret is wrong, the
 * checksum algorithm is not enabled on the server ({@code supportedChecksumAlgorithms}), or a proxy
 * altered the query string.
 */
public class ChecksumErrorException extends BbbApiException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param call the API call name
     * @param meetingId the meeting ID the call was about, or {@code null}
     * @param messageKey the server's {@code messageKey}
     * @param serverMessage the server's message
     */
    public ChecksumErrorException(String call, String meetingId, String messageKey, String serverMessage) {
        super(call, meetingId, messageKey, serverMessage,
                "wrong secret or algorithm not enabled; checkConnection() tells which");
    }
}
