// SPDX-License-Identifier: Apache-2.0
package de.hessen.schulportal.bbb.client.meeting;

import de.hessen.schulportal.bbb.client.internal.ValueType;
import java.net.URI;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * The answer to a server-side {@code join} ({@code redirect=false}). Immutable; built by the client
 * from the answer, or by {@link JoinResponse#builder()} in integrators' tests, where every field not
 * set is empty or absent.
 *
 * <p>{@link #url()} is where the user's browser goes: the client with the session token, or, for
 * a guest the lobby holds ({@link #guestStatus()} {@code WAIT}), bbb-web's guest wait page with
 * it. The session token, the auth token and the URL let a browser into the meeting: treat them as
 * credentials. {@code toString()} prints them as {@code ****}.
 */
@Value.Immutable
@ValueType
abstract class AbstractJoinResponse {
    /** {@return the server's message key ({@code messageKey}), normally {@code successfullyJoined}; empty if not sent} */
    @Value.Default
    public String messageKey() {
        return "";
    }

    /** {@return the server's message for the key ({@code message}), in English; empty if not sent} */
    @Value.Default
    public String message() {
        return "";
    }

    /** {@return the server's ID of the meeting's current run ({@code meeting_id}, the internal meeting ID); empty if not sent} */
    @Value.Default
    public String meetingId() {
        return "";
    }

    /** {@return the server's internal ID of this user ({@code user_id}, {@code w_…}); empty if not sent} */
    @Value.Default
    public String userId() {
        return "";
    }

    /** {@return the user's auth token ({@code auth_token}), a credential; empty if not sent; not in {@code toString()}} */
    @Value.Default
    @Value.Redacted
    public String authToken() {
        return "";
    }

    /** {@return the token of this user's session ({@code session_token}), a credential; empty if not sent; not in {@code toString()}} */
    @Value.Default
    @Value.Redacted
    public String sessionToken() {
        return "";
    }

    /** {@return the guest status exactly as sent ({@code guestStatus}: {@code ALLOW}, {@code WAIT} or {@code DENY}); empty if not sent} */
    @Value.Default
    public String rawGuestStatus() {
        return "";
    }

    /** {@return what the guest policy decided; {@link GuestStatus#ALLOW} when the server sent none (see {@link #rawGuestStatus()})} */
    public GuestStatus guestStatus() {
        return rawGuestStatus().isEmpty() ? GuestStatus.ALLOW : GuestStatus.fromServer(rawGuestStatus());
    }

    /**
     * {@return the session URL ({@code url}): the client URL that enters the meeting with this session
     * ({@code …/html5client/join?sessionToken=…}), or the guest wait page for a guest in the lobby;
     * empty if the server sent none or no valid URI; not in {@code toString()}}
     * A credential: redirect the user's browser to it, never log it.
     */
    @Value.Redacted
    public abstract Optional<URI> url();
}
