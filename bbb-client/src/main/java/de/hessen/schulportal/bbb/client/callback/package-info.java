// SPDX-License-Identifier: Apache-2.0
/**
 * Verification of what BigBlueButton, Scalelite and bbb-webhooks send to your application.
 *
 * <ul>
 *   <li>{@link de.hessen.schulportal.bbb.client.callback.RecordingReadyVerifier}: the
 *       recording-ready POST ({@code signed_parameters} JWT, HS256/HS512);</li>
 *   <li>{@link de.hessen.schulportal.bbb.client.callback.AnalyticsCallbackVerifier}: the
 *       learning-analytics POST ({@code Authorization: Bearer} JWT, HS512, with expiry);</li>
 *   <li>{@link de.hessen.schulportal.bbb.client.callback.WebhookVerifier}: bbb-webhooks deliveries
 *       (URL checksum or bearer secret) and their typed
 *       {@link de.hessen.schulportal.bbb.client.callback.WebhookEvent events};</li>
 *   <li>{@link de.hessen.schulportal.bbb.client.callback.MeetingEndedCallbackSigner} and
 *       {@link de.hessen.schulportal.bbb.client.callback.MeetingEndedCallbackVerifier}: the unsigned
 *       meeting-ended GET, protected by a token the portal puts into the URL itself.</li>
 * </ul>
 *
 * <p>The four verifiers share their settings (secrets or keys for rotation, allowed algorithms,
 * clock, leeway, input cap) through {@link de.hessen.schulportal.bbb.client.callback.CallbackVerifierBuilder},
 * and one signature check: every configured secret or key is tried, each compared in constant time
 * ({@link java.security.MessageDigest#isEqual}), so the time taken tells nothing about which one
 * matched.
 * To produce signed callbacks in your own tests, use the testkit's {@code CallbackSigner}.
 *
 * <p>Everything takes raw pieces (URL string, header values, body bytes) and no servlet or
 * framework type. Read the body <em>before</em> any form parsing of your framework: checksums are
 * computed over the exact bytes. Every failure is a
 * {@link de.hessen.schulportal.bbb.client.callback.CallbackVerificationException} whose message is
 * safe to log.
 */
package de.hessen.schulportal.bbb.client.callback;
