package de.hessen.schulportal.bbb.client.hook;

import de.hessen.schulportal.bbb.client.internal.XmlNode;
import java.util.Objects;

/** The answer to {@code hooks/create}. Immutable. */
public final class HookRegistration {
    private final String hookId;
    private final boolean permanent;
    private final boolean rawData;
    private final boolean duplicate;

    HookRegistration(XmlNode n) {
        this.hookId = n.text("hookID");
        this.permanent = n.bool("permanentHook");
        this.rawData = n.bool("rawData");
        this.duplicate = "duplicateWarning".equals(n.text("messageKey"));
    }

    /**
     * The hook's ID (a number on bbb-webhooks 2.x, a UUID on 3.x), needed to destroy it.
     *
     * @return the ID
     */
    public String hookId() {
        return hookId;
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

    /**
     * Whether the URL was registered already ({@code duplicateWarning}); the existing hook is unchanged.
     *
     * @return the flag
     */
    public boolean isDuplicate() {
        return duplicate;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof HookRegistration)) {
            return false;
        }
        HookRegistration h = (HookRegistration) o;
        return hookId.equals(h.hookId) && permanent == h.permanent && rawData == h.rawData && duplicate == h.duplicate;
    }

    @Override
    public int hashCode() {
        return Objects.hash(hookId, permanent, rawData, duplicate);
    }

    @Override
    public String toString() {
        return "HookRegistration{hookId=" + hookId + ", duplicate=" + duplicate + '}';
    }
}
