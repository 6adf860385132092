// SPDX-License-Identifier: Apache-2.0
package de.hessen.schulportal.bbb.portal;

import de.hessen.schulportal.bbb.client.meeting.Feature;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * The meeting settings per kind of room. {@link #defaults()}:
 *
 * <ul>
 *   <li>{@link RoomKind#LESSON}: ends when no moderator is left, private chat off, webcams visible
 *       to moderators only, muted on start, learning dashboard off;</li>
 *   <li>every other kind: learning dashboard off (it profiles participants), the rest as the
 *       server's defaults.</li>
 * </ul>
 * The lobby for parents in a {@link RoomKind#CONSULTATION} comes from the {@link RolePolicy}, and
 * recording from the room's options; neither is a setting here.
 *
 * <p>Immutable.
 */
public final class MeetingDefaults {
    private static final MeetingDefaults DEFAULTS = defaultValues();

    private final Map<RoomKind, MeetingSettings> byKind;

    private MeetingDefaults(Map<RoomKind, MeetingSettings> byKind) {
        this.byKind = Collections.unmodifiableMap(new EnumMap<>(byKind));
    }

    /**
     * The defaults described above.
     *
     * @return the defaults
     */
    public static MeetingDefaults defaults() {
        return DEFAULTS;
    }

    /**
     * These defaults with the settings of one kind replaced.
     *
     * @param kind the room kind
     * @param settings its settings
     * @return the new defaults
     */
    public MeetingDefaults with(RoomKind kind, MeetingSettings settings) {
        Map<RoomKind, MeetingSettings> m = new EnumMap<>(byKind);
        m.put(Checks.required("kind", kind), Checks.required("settings", settings));
        return new MeetingDefaults(m);
    }

    /**
     * The settings of a kind.
     *
     * @param kind the room kind
     * @return its settings
     */
    public MeetingSettings settings(RoomKind kind) {
        return byKind.get(Checks.required("kind", kind));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MeetingDefaults && ((MeetingDefaults) o).byKind.equals(byKind);
    }

    @Override
    public int hashCode() {
        return byKind.hashCode();
    }

    @Override
    public String toString() {
        return "MeetingDefaults" + byKind;
    }

    private static MeetingDefaults defaultValues() {
        Map<RoomKind, MeetingSettings> m = new EnumMap<>(RoomKind.class);
        for (RoomKind kind : RoomKind.values()) {
            m.put(kind, MeetingSettings.builder().build());
        }
        m.put(RoomKind.LESSON, MeetingSettings.builder()
                .endWhenNoModerator(true)
                .muteOnStart(true)
                .webcamsOnlyForModerator(true)
                .disable(Feature.PRIVATE_CHAT)
                .build());
        return new MeetingDefaults(m);
    }
}
