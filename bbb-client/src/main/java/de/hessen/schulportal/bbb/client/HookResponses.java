// SPDX-License-Identifier: Apache-2.0
package de.hessen.schulportal.bbb.client;

import de.hessen.schulportal.bbb.client.hook.Hook;
import de.hessen.schulportal.bbb.client.hook.HookRegistration;
import de.hessen.schulportal.bbb.client.internal.Nodes;
import java.util.Arrays;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * Maps the answers of the bbb-webhooks calls to their value types through the values' builders. A
 * field bbb-webhooks leaves out reads as empty or {@code false}; a hook without {@code meetingID} is
 * global, so its meeting ID is absent.
 */
final class HookResponses {
    private HookResponses() {
    }

    static HookRegistration registration(JsonNode n) {
        return HookRegistration.builder()
                .hookId(Nodes.text(n, "hookID"))
                .permanent(Nodes.bool(n, "permanentHook"))
                .rawData(Nodes.bool(n, "rawData"))
                .duplicate("duplicateWarning".equals(Nodes.text(n, "messageKey")))
                .build();
    }

    static List<Hook> hooks(JsonNode root) {
        return Nodes.children(Nodes.child(root, "hooks"), "hook").stream().map(HookResponses::hook).toList();
    }

    static Hook hook(JsonNode n) {
        String events = Nodes.text(n, "eventID");
        return Hook.builder()
                .hookId(Nodes.text(n, "hookID"))
                .callbackUrl(Nodes.text(n, "callbackURL"))
                .meetingId(Nodes.optionalText(n, "meetingID"))
                .eventIds(events.isEmpty() ? List.of() : Arrays.asList(events.split(",")))
                .permanent(Nodes.bool(n, "permanentHook"))
                .rawData(Nodes.bool(n, "rawData"))
                .build();
    }
}
