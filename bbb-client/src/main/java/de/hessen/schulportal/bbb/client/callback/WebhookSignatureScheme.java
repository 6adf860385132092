// SPDX-License-Identifier: Apache-2.0
package de.hessen.schulportal.bbb.client.callback;

/**
 * How a webhook delivery was authenticated, so that receivers can log or phase out weak schemes.
 */
public enum WebhookSignatureScheme {
    /** bbb-webhooks 3.4+: checksum over callback URL, raw body and secret. Authenticates the body. */
    CHECKSUM,
    /**
     * bbb-webhooks 2.x: SHA-1 over callback URL, a JSON rendering of the fields and the secret.
     * Legacy; opt-in.
     */
    LEGACY_V2_CHECKSUM,
    /**
     * bbb-webhooks 3.0 to 3.3: checksum over callback URL, {@code {}} and the secret. Constant per
     * URL, so it does <em>not</em> authenticate the body; insecure; opt-in.
     */
    LEGACY_EMPTY_BODY_CHECKSUM,
    /** {@code bbb.auth2_0}: {@code Authorization: Bearer <secret>}. Authenticates the sender, not the body. */
    BEARER,
    /** Not verified: the delivery came from {@link WebhookVerifier#parseUnverified(String)}. */
    NONE;

    /**
     * {@return whether this scheme authenticates the events in the body: true for {@link #CHECKSUM}
     * and {@link #LEGACY_V2_CHECKSUM}}; where it does not, treat each event as a hint and confirm it
     * with an API call before acting on it.
     */
    public boolean authenticatesBody() {
        return this == CHECKSUM || this == LEGACY_V2_CHECKSUM;
    }
}
