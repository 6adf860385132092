// SPDX-License-Identifier: Apache-2.0
package de.hessen.schulportal.bbb.testkit.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The registered webhooks of one simulated server, and the delivery of events to them. Thread-safe. */
public final class HookRegistry {
    private final Map<String, Hook> hooks = new LinkedHashMap<>();
    private final Config config;
    private final Callbacks callbacks;

    HookRegistry(Config config, Callbacks callbacks) {
        this.config = config;
        this.callbacks = callbacks;
    }

    /** Registers a hook; returns the existing one (and sets {@code duplicate[0]}) if the URL is known. */
    Hook add(String callbackUrl, String meetingId, List<String> eventIds, boolean raw, boolean[] duplicate) {
        synchronized (hooks) {
            for (Hook h : hooks.values()) {
                if (h.callbackUrl().equals(callbackUrl)) {
                    duplicate[0] = true;
                    return h;
                }
            }
            Hook hook = new Hook(UUID.randomUUID().toString(), callbackUrl, meetingId, eventIds, raw);
            hooks.put(hook.hookId(), hook);
            return hook;
        }
    }

    boolean remove(String hookId) {
        synchronized (hooks) {
            return hooks.remove(hookId) != null;
        }
    }

    /** All hooks in registration order. */
    public List<Hook> all() {
        synchronized (hooks) {
            return List.copyOf(hooks.values());
        }
    }

    /** Sends an event to every hook that wants it, signed as bbb-webhooks signs. */
    void emit(String externalMeetingId, String eventId, String json, long timestamp) {
        for (Hook h : all()) {
            boolean meetingMatches = h.meetingId() == null || h.meetingId().equals(externalMeetingId);
            boolean eventMatches = h.eventIds().isEmpty() || h.eventIds().contains(eventId);
            if (meetingMatches && eventMatches) {
                callbacks.webhook(h.callbackUrl(), "127.0.0.1", json, eventId, timestamp, config.hookChecksumAlgorithm(),
                        config.legacyHookChecksum(), config.primarySecret());
            }
        }
    }
}
