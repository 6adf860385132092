// SPDX-License-Identifier: Apache-2.0
package de.hessen.schulportal.bbb.testkit.internal;

/**
 * One attempt to deliver a callback. {@code status} is the HTTP status, or -1 when the request
 * failed ({@code error} then says why); {@code eventId} is set for webhook events.
 */
public record Delivery(String kind, String method, String url, String contentType, String body,
                       String eventId, int status, String error, long time) {
}
