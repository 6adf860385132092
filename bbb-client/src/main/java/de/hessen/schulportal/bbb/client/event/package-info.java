// SPDX-License-Identifier: Apache-2.0
/**
 * Observing the client's calls: {@link de.hessen.schulportal.bbb.client.event.BbbEventListener}
 * for metrics and tracing, without personal data.
 */
package de.hessen.schulportal.bbb.client.event;
