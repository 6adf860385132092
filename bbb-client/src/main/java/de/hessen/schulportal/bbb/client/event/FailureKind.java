// SPDX-License-Identifier: Apache-2.0
package de.hessen.schulportal.bbb.client.event;

/** How a call failed, matching the SDK's exception tree. */
public enum FailureKind {
    /** The server answered {@code FAILED} ({@code BbbApiException}). */
    API_ERROR,
    /** No answer: connection refused, reset, unknown host, TLS ({@code BbbTransportException}). */
    TRANSPORT,
    /** The call ran out of time ({@code BbbTransportException#isTimeout()}). */
    TIMEOUT,
    /** The answer was not a BigBlueButton answer ({@code BbbResponseException}). */
    INVALID_RESPONSE,
    /** The request was refused before sending (invalid input) or the call was cancelled. */
    OTHER
}
