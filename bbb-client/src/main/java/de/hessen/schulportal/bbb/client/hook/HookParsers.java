package de.hessen.schulportal.bbb.client.hook;

import de.hessen.schulportal.bbb.client.internal.ResponseAccess;
import de.hessen.schulportal.bbb.client.internal.XmlNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Gives the client access to this package's non-public constructors without making them API. */
final class HookParsers implements ResponseAccess.Hooks {
    static {
        ResponseAccess.register(new HookParsers());
    }

    private HookParsers() {
    }

    @Override
    public HookRegistration registration(XmlNode root) {
        return new HookRegistration(root);
    }

    @Override
    public List<Hook> hooks(XmlNode root) {
        List<Hook> list = new ArrayList<>();
        for (XmlNode h : root.child("hooks").children("hook")) {
            list.add(new Hook(h));
        }
        return Collections.unmodifiableList(list);
    }
}
