// SPDX-License-Identifier: Apache-2.0
package de.hessen.schulportal.bbb.client.meeting;

import de.hessen.schulportal.bbb.client.internal.ValueType;
import java.util.Map;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * What viewers may not do while the meeting locks them: the {@code lockSettings*} parameters of
 * {@code create}, given to {@link CreateMeetingRequest.Builder#lockSettings(LockSettings)}. A
 * setting not set is empty and not sent, so the server keeps its default (each accessor names
 * it). Moderators are never locked. Immutable and thread-safe; {@code toString()} shows every
 * setting (none is personal or secret).
 *
 * <pre>{@code
 * LockSettings locks = LockSettings.builder().disablePrivateChat(true).hideUserList(true).build();
 * }</pre>
 */
@Value.Immutable
@ValueType
abstract class AbstractLockSettings extends ParameterGroup {
    /** {@return whether locked viewers may not share their camera ({@code lockSettingsDisableCam}, 2.2); server default {@code false}; empty if not set} */
    public abstract Optional<Boolean> disableCam();

    /** {@return whether locked viewers may not use their microphone ({@code lockSettingsDisableMic}); server default {@code false}; empty if not set} */
    public abstract Optional<Boolean> disableMic();

    /** {@return whether locked viewers may not chat privately ({@code lockSettingsDisablePrivateChat}); server default {@code false}; empty if not set} */
    public abstract Optional<Boolean> disablePrivateChat();

    /** {@return whether locked viewers may not write in the public chat ({@code lockSettingsDisablePublicChat}); server default {@code false}; empty if not set} */
    public abstract Optional<Boolean> disablePublicChat();

    /** {@return whether locked viewers may not edit the shared notes ({@code lockSettingsDisableNotes}); server default {@code false}; empty if not set} */
    public abstract Optional<Boolean> disableNotes();

    /** {@return whether locked viewers do not see the user list ({@code lockSettingsHideUserList}); server default {@code false}; empty if not set} */
    public abstract Optional<Boolean> hideUserList();

    /** {@return whether the lock applies as soon as a viewer joins ({@code lockSettingsLockOnJoin}); server default {@code true}; empty if not set} */
    public abstract Optional<Boolean> lockOnJoin();

    /** {@return whether viewers may change {@link #lockOnJoin()} themselves ({@code lockSettingsLockOnJoinConfigurable}); server default {@code false}; empty if not set} */
    public abstract Optional<Boolean> lockOnJoinConfigurable();

    /** {@return whether locked viewers do not see other viewers' cursors ({@code lockSettingsHideViewersCursor}, 2.5); server default {@code false}; empty if not set} */
    public abstract Optional<Boolean> hideViewersCursor();

    /** {@return whether locked viewers do not see other viewers' annotations ({@code lockSettingsHideViewersAnnotation}, 2.7); server default {@code false}; empty if not set} */
    public abstract Optional<Boolean> hideViewersAnnotation();

    /** {@return the settings that were set, as {@code create} parameters in the order above} */
    @Value.Derived
    @Value.Auxiliary
    @Override
    public Map<String, String> parameters() {
        return new Wire()
                .flag("lockSettingsDisableCam", disableCam())
                .flag("lockSettingsDisableMic", disableMic())
                .flag("lockSettingsDisablePrivateChat", disablePrivateChat())
                .flag("lockSettingsDisablePublicChat", disablePublicChat())
                .flag("lockSettingsDisableNotes", disableNotes())
                .flag("lockSettingsHideUserList", hideUserList())
                .flag("lockSettingsLockOnJoin", lockOnJoin())
                .flag("lockSettingsLockOnJoinConfigurable", lockOnJoinConfigurable())
                .flag("lockSettingsHideViewersCursor", hideViewersCursor())
                .flag("lockSettingsHideViewersAnnotation", hideViewersAnnotation())
                .build();
    }
}
