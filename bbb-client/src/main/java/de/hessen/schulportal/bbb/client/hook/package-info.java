// SPDX-License-Identifier: Apache-2.0
/**
 * The bbb-webhooks API: register callback URLs for meeting, user and recording events
 * ({@code hooks/create}), list and remove them. To verify the callbacks that arrive, see
 * {@link de.hessen.schulportal.bbb.client.callback.WebhookVerifier}. The request builders follow the
 * <a href="../package-summary.html#requests">request builder contract</a>.
 */
package de.hessen.schulportal.bbb.client.hook;
