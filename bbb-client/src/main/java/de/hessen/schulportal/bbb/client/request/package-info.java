// SPDX-License-Identifier: Apache-2.0
/**
 * What every request of the client shares: {@link de.hessen.schulportal.bbb.client.request.BbbRequest},
 * the base of the request classes in {@link de.hessen.schulportal.bbb.client.meeting},
 * {@link de.hessen.schulportal.bbb.client.recording} and {@link de.hessen.schulportal.bbb.client.hook},
 * whose builders follow the <a href="../package-summary.html#requests">request builder contract</a>.
 */
package de.hessen.schulportal.bbb.client.request;
