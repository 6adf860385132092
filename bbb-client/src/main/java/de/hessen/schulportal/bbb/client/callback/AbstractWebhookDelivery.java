// SPDX-License-Identifier: Apache-2.0
package de.hessen.schulportal.bbb.client.callback;

import de.hessen.schulportal.bbb.client.ChecksumAlgorithm;
import de.hessen.schulportal.bbb.client.internal.ValueType;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.immutables.value.Value;

/**
 * One POST of bbb-webhooks: the form fields {@code domain}, {@code event} (a JSON array of events)
 * and {@code timestamp} (bbb-webhooks {@code src/out/webhooks/callback-emitter.js}), read into
 * typed {@link WebhookEvent}s.
 *
 * <p>Obtain it verified from {@link WebhookVerifier}, or unverified from
 * {@link WebhookVerifier#parseUnverified(String)} when you have checked the request yourself;
 * {@link WebhookDelivery#builder()} is for tests. Immutable. {@code toString()} leaves out the event JSON and the callback URL (it may carry a
 * path token).
 */
@Value.Immutable
@ValueType
abstract class AbstractWebhookDelivery {
    /** {@return the sending server's domain ({@code domain}, bbb-webhooks' {@code bbb.serverDomain}); empty if not sent} */
    public abstract Optional<String> domain();

    /**
     * {@return when bbb-webhooks first tried this delivery, in milliseconds since the epoch
     * ({@code timestamp}); constant across retries, so usable for de-duplication; empty if not sent}
     */
    public abstract OptionalLong timestamp();

    /** {@return the events in order, never dropped, unknown ones included; usually one} */
    public abstract List<WebhookEvent> events();

    /** {@return the {@code event} field exactly as received (decoded from the form); never in {@code toString()}} */
    @Value.Default
    @Value.Redacted
    public String eventJson() {
        return "[]";
    }

    /** {@return how the delivery was authenticated; {@link WebhookSignatureScheme#NONE} if only parsed} */
    @Value.Default
    public WebhookSignatureScheme signatureScheme() {
        return WebhookSignatureScheme.NONE;
    }

    /** {@return the checksum algorithm, for the checksum schemes; empty for bearer and unverified deliveries} */
    public abstract Optional<ChecksumAlgorithm> checksumAlgorithm();

    /**
     * {@return the registered callback URL the checksum was verified for (one of
     * {@link WebhookVerifier.Builder#callbackUrls(String...)}), exactly as configured; route by it
     * rather than by the path the request arrived on; never in {@code toString()}; empty for bearer
     * and unverified deliveries}
     */
    @Value.Redacted
    public abstract Optional<String> callbackUrl();
}
