package de.hessen.schulportal.bbb.client.hook;

import de.hessen.schulportal.bbb.client.internal.XmlNode;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** A registered webhook as listed by {@code hooks/list}. Immutable. */
public final class Hook {
    private final String hookId;
    private final String callbackUrl;
    private final String meetingId;
    private final List<String> eventIds;
    private final boolean permanent;
    private final boolean rawData;

    Hook(XmlNode n) {
        this.hookId = n.text("hookID");
        this.callbackUrl = n.text("callbackURL");
        this.meetingId = n.text("meetingID");
        String events = n.text("eventID");
        this.eventIds = events.isEmpty() ? List.of() : List.copyOf(Arrays.asList(events.split(",")));
        this.permanent = n.bool("permanentHook");
        this.rawData = n.bool("rawData");
    }

    /**
     * The hook's ID.
     *
     * @return the ID
     */
    public String hookId() {
        return hookId;
    }

    /**
     * Where events are sent.
     *
     * @return the URL
     */
    public String callbackUrl() {
        return callbackUrl;
    }

    /**
     * The meeting the hook is limited to.
     *
     * @return the external meeting ID, or empty for a global hook
     */
    public Optional<String> meetingId() {
        return meetingId.isEmpty() ? Optional.empty() : Optional.of(meetingId);
    }

    /**
     * The event filter.
     *
     * @return the event IDs, empty for all events
     */
    public List<String> eventIds() {
        return eventIds;
    }

    /**
     * Whether the hook is configured on the server as permanent.
     *
     * @return the flag
     */
    public boolean isPermanent() {
        return permanent;
    }

    /**
     * Whether the hook receives raw messages.
     *
     * @return the flag
     */
    public boolean isRawData() {
        return rawData;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof Hook)) {
            return false;
        }
        Hook h = (Hook) o;
        return hookId.equals(h.hookId) && callbackUrl.equals(h.callbackUrl) && meetingId.equals(h.meetingId)
                && eventIds.equals(h.eventIds) && permanent == h.permanent && rawData == h.rawData;
    }

    @Override
    public int hashCode() {
        return Objects.hash(hookId, callbackUrl, meetingId, eventIds, permanent, rawData);
    }

    @Override
    public String toString() {
        return "Hook{hookId=" + hookId + ", callbackUrl=" + callbackUrl + ", meetingId=" + meetingId + '}';
    }
}
