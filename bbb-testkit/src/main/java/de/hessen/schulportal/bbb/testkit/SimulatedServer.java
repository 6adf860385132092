// SPDX-License-Identifier: Apache-2.0
package de.hessen.schulportal.bbb.testkit;

import de.hessen.schulportal.bbb.testkit.internal.Backend;
import de.hessen.schulportal.bbb.testkit.internal.Meeting;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A snapshot of one BigBlueButton server behind the simulated Scalelite. Immutable. Its
 * {@link #secret()} is the server's own, which Scalelite uses to sign the calls and join URLs it
 * passes on; clients use the Scalelite (tenant) secret instead.
 */
public final class SimulatedServer {
    private final String id;
    private final String apiUrl;
    private final String secret;
    private final boolean inService;
    private final List<String> meetingIds;

    private SimulatedServer(Backend b) {
        this.id = b.id;
        this.apiUrl = b.state.serverUrl + "bigbluebutton/api/";
        this.secret = b.secret;
        this.inService = b.isInService();
        List<String> ids = new ArrayList<>();
        for (Meeting m : b.state.visibleMeetings()) {
            ids.add(m.meetingId);
        }
        this.meetingIds = List.copyOf(ids);
    }

    static SimulatedServer of(Backend b) {
        return new SimulatedServer(b);
    }

    /**
     * The server ID, {@code bbb1}, {@code bbb2}, …
     *
     * @return the server ID
     */
    public String id() {
        return id;
    }

    /**
     * The server's own API URL, e.g. {@code http://127.0.0.1:<port>/bbb1/bigbluebutton/api/}.
     *
     * @return the API URL, ending with a slash
     */
    public String apiUrl() {
        return apiUrl;
    }

    /**
     * The server's own secret (not the Scalelite one).
     *
     * @return the server's secret
     */
    public String secret() {
        return secret;
    }

    /**
     * Whether Scalelite places new meetings here and lists its meetings.
     *
     * @return whether the server is in service
     */
    public boolean isInService() {
        return inService;
    }

    /**
     * The external IDs of the meetings this server holds now, oldest first.
     *
     * @return an unmodifiable list of meeting IDs
     */
    public List<String> meetingIds() {
        return meetingIds;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof SimulatedServer)) {
            return false;
        }
        SimulatedServer s = (SimulatedServer) o;
        return inService == s.inService && id.equals(s.id) && apiUrl.equals(s.apiUrl) && secret.equals(s.secret)
                && meetingIds.equals(s.meetingIds);
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, apiUrl, secret, inService, meetingIds);
    }

    /** Without the secret. */
    @Override
    public String toString() {
        return "SimulatedServer[id=" + id + ", apiUrl=" + apiUrl + ", inService=" + inService + ", meetingIds="
                + meetingIds + "]";
    }
}
