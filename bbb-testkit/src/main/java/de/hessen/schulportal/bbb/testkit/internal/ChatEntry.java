// SPDX-License-Identifier: Apache-2.0
package de.hessen.schulportal.bbb.testkit.internal;

/** A message received through {@code sendChatMessage}. */
public record ChatEntry(String userName, String message, long time) {
}
