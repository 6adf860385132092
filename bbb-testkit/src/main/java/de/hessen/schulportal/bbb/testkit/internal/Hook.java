// SPDX-License-Identifier: Apache-2.0
package de.hessen.schulportal.bbb.testkit.internal;

import java.util.List;

/** A registered webhook; {@code meetingId} is null for global hooks, {@code eventIds} empty for all events. */
public record Hook(String hookId, String callbackUrl, String meetingId, List<String> eventIds, boolean rawData) {
}
