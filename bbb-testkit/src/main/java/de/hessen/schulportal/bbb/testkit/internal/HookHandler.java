// SPDX-License-Identifier: Apache-2.0
package de.hessen.schulportal.bbb.testkit.internal;

import java.util.List;
import java.util.Locale;

/** {@code hooks/create}, {@code hooks/destroy}, {@code hooks/list} as bbb-webhooks 3.x answers them. */
final class HookHandler {
    private final SimState state;

    HookHandler(SimState state) {
        this.state = state;
    }

    ApiResponse create(ApiRequest req) {
        Params p = req.params();
        String url = p.get("callbackURL");
        if (url == null || url.isEmpty()) {
            return ApiResponse.error("missingParamCallbackURL", "You must specify a callbackURL in the parameters.");
        }
        String raw = p.get("getRaw");
        if (raw != null && !raw.equalsIgnoreCase("true") && !raw.equalsIgnoreCase("false")) {
            return ApiResponse.error("createHookError", "An error happened while creating your hook. Check the logs.");
        }
        String meetingId = p.get("meetingID");
        List<String> events = RecordingHandler.csv(p.get("eventID")).stream()
                .map(e -> e.toLowerCase(Locale.ROOT)).toList();
        boolean[] duplicate = {false};
        Hook hook = state.hooks.add(url, meetingId == null || meetingId.isEmpty() ? null : meetingId, events,
                Boolean.parseBoolean(raw), duplicate);
        if (duplicate[0]) {
            return ApiResponse.xml(Xml.response("SUCCESS").element("hookID", hook.hookId())
                    .element("messageKey", "duplicateWarning")
                    .element("message", "There is already a hook for this callback URL.").finish());
        }
        return ApiResponse.xml(Xml.response("SUCCESS").element("hookID", hook.hookId())
                .element("permanentHook", false).element("rawData", hook.rawData()).finish());
    }

    ApiResponse destroy(ApiRequest req) {
        String id = req.params().get("hookID");
        if (id == null || id.isEmpty()) {
            return ApiResponse.error("missingParamHookID", "You must specify a hookID in the parameters.");
        }
        if (!state.hooks.remove(id)) {
            return ApiResponse.error("destroyMissingHook", "The hook informed was not found.");
        }
        return ApiResponse.xml(Xml.response("SUCCESS").element("removed", true).finish());
    }

    ApiResponse list(ApiRequest req) {
        String meetingId = req.params().get("meetingID");
        Xml x = Xml.response("SUCCESS").start("hooks");
        for (Hook h : state.hooks.all()) {
            if (meetingId != null && !meetingId.isEmpty() && h.meetingId() != null && !h.meetingId().equals(meetingId)) {
                continue;
            }
            x.start("hook").element("hookID", h.hookId()).element("callbackURL", h.callbackUrl());
            if (h.meetingId() != null) {
                x.element("meetingID", h.meetingId());
            }
            if (!h.eventIds().isEmpty()) {
                x.element("eventID", String.join(",", h.eventIds()));
            }
            x.element("permanentHook", false).element("rawData", h.rawData()).end();
        }
        return ApiResponse.xml(x.finish());
    }
}
