package de.hessen.schulportal.bbb.client.meeting;

import de.hessen.schulportal.bbb.client.internal.XmlNode;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A user in a running meeting, as reported by {@code getMeetingInfo}. Immutable.
 */
public final class Attendee {
    private final String userId;
    private final String fullName;
    private final Role role;
    private final String rawRole;
    private final boolean presenter;
    private final boolean listeningOnly;
    private final boolean joinedVoice;
    private final boolean video;
    private final String clientType;
    private final Map<String, String> customData;

    Attendee(XmlNode n) {
        this.userId = n.text("userID");
        this.fullName = n.text("fullName");
        this.rawRole = n.text("role");
        this.role = Role.fromServer(rawRole);
        this.presenter = n.bool("isPresenter");
        this.listeningOnly = n.bool("isListeningOnly");
        this.joinedVoice = n.bool("hasJoinedVoice");
        this.video = n.bool("hasVideo");
        this.clientType = n.text("clientType");
        this.customData = n.map("customdata");
    }

    /**
     * The external user ID given on join ({@code userID}), or the server's internal one if none was given.
     *
     * @return the user ID
     */
    public String userId() {
        return userId;
    }

    /**
     * The display name.
     *
     * @return the name
     */
    public String fullName() {
        return fullName;
    }

    /**
     * The role; {@link Role#UNKNOWN} for a value this SDK does not know (see {@link #rawRole()}).
     *
     * @return the role
     */
    public Role role() {
        return role;
    }

    /**
     * The role exactly as the server sent it.
     *
     * @return the raw role
     */
    public String rawRole() {
        return rawRole;
    }

    /**
     * Whether the user is the presenter.
     *
     * @return the flag
     */
    public boolean isPresenter() {
        return presenter;
    }

    /**
     * Whether the user only listens.
     *
     * @return the flag
     */
    public boolean isListeningOnly() {
        return listeningOnly;
    }

    /**
     * Whether the user joined the audio conference.
     *
     * @return the flag
     */
    public boolean hasJoinedVoice() {
        return joinedVoice;
    }

    /**
     * Whether the user shares a camera.
     *
     * @return the flag
     */
    public boolean hasVideo() {
        return video;
    }

    /**
     * The client the user connected with, e.g. {@code HTML5}.
     *
     * @return the client type, or empty
     */
    public String clientType() {
        return clientType;
    }

    /**
     * The {@code userdata-*} values given on join, keyed without the prefix.
     *
     * @return an unmodifiable map; empty if none
     */
    public Map<String, String> customData() {
        return customData;
    }

    private List<Object> values() {
        return List.of(userId, fullName, rawRole, presenter, listeningOnly, joinedVoice, video, clientType, customData);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Attendee && ((Attendee) o).values().equals(values());
    }

    @Override
    public int hashCode() {
        return Objects.hash(values().toArray());
    }

    @Override
    public String toString() {
        // The display name is personal data: it stays out of logs.
        return "Attendee{userId=" + userId + ", role=" + rawRole + ", presenter=" + presenter
                + ", video=" + video + ", voice=" + joinedVoice + '}';
    }
}
