// SPDX-License-Identifier: Apache-2.0
package de.hessen.schulportal.bbb.testkit;

import de.hessen.schulportal.bbb.testkit.internal.Backend;
import de.hessen.schulportal.bbb.testkit.internal.Meeting;
import de.hessen.schulportal.bbb.testkit.internal.ValueType;
import java.util.List;
import org.immutables.value.Value;

/**
 * A snapshot of one BigBlueButton server behind the simulated Scalelite. Immutable; {@code toString()}
 * masks the secret. Its {@link #secret()} is the server's own, which Scalelite uses to sign the calls
 * and join URLs it passes on; clients use the Scalelite (tenant) secret instead.
 */
@Value.Immutable
@ValueType
abstract class AbstractSimulatedServer {
    static SimulatedServer of(Backend b) {
        SimulatedServer.Builder s = SimulatedServer.builder().id(b.id).apiUrl(b.state.serverUrl + "bigbluebutton/api/")
                .secret(b.secret).inService(b.isInService());
        for (Meeting m : b.state.visibleMeetings()) {
            s.addMeetingIds(m.meetingId);
        }
        return s.build();
    }

    /** {@return the server ID, {@code bbb1}, {@code bbb2}, …} */
    public abstract String id();

    /** {@return the server's own API URL, ending with a slash, e.g. {@code http://127.0.0.1:<port>/bbb1/bigbluebutton/api/}} */
    public abstract String apiUrl();

    /** {@return the server's own secret (not the Scalelite one)} */
    @Value.Redacted
    public abstract String secret();

    /** {@return whether Scalelite places new meetings here and lists its meetings} */
    public abstract boolean isInService();

    /** {@return the external IDs of the meetings this server holds now, oldest first} */
    public abstract List<String> meetingIds();
}
