// SPDX-License-Identifier: Apache-2.0
package de.hessen.schulportal.bbb.gateway;

import de.hessen.schulportal.bbb.gateway.config.GatewayConfig;
import de.hessen.schulportal.bbb.gateway.config.GatewayLimits;
import de.hessen.schulportal.bbb.gateway.config.KeyRing;
import de.hessen.schulportal.bbb.gateway.config.Tenant;
import de.hessen.schulportal.bbb.gateway.config.TenantsFile;
import de.hessen.schulportal.bbb.gateway.config.TenantRouting;
import de.hessen.schulportal.bbb.client.ChecksumAlgorithm;
import de.hessen.schulportal.bbb.client.meeting.Feature;
import de.hessen.schulportal.bbb.portal.DisplayNamePolicy;
import de.hessen.schulportal.bbb.portal.MeetingSettings;
import de.hessen.schulportal.bbb.portal.Pseudonyms;
import java.net.URI;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Reads a {@link GatewayConfig} from environment variables (12-factor, as Scalelite does); a JSON
 * file only for many tenants. Every error names the variable and the rule, never its value.
 *
 * <table>
 *   <caption>Variables</caption>
 *   <tr><th>variable</th><th>meaning</th><th>default</th></tr>
 *   <tr><td>GATEWAY_PORT</td><td>port to listen on</td><td>8090</td></tr>
 *   <tr><td>GATEWAY_HOST</td><td>interface to listen on</td><td>0.0.0.0</td></tr>
 *   <tr><td>GATEWAY_PUBLIC_URL</td><td>how BigBlueButton and browsers reach the gateway</td><td>required</td></tr>
 *   <tr><td>GATEWAY_PSEUDONYM_KEY</td><td>Base64, at least 32 random bytes: the current key of the gateway's {@link KeyRing}
 *       (sealing and pseudonyms of every tenant without its own {@code "keys"})</td><td>required</td></tr>
 *   <tr><td>GATEWAY_PSEUDONYM_KEY_ID</td><td>its key ID, {@code [A-Za-z0-9_-]{1,16}}</td><td>1</td></tr>
 *   <tr><td>GATEWAY_PREVIOUS_PSEUDONYM_KEYS</td><td>older keys of that ring, kept to open what they sealed and to find
 *       their recordings: {@code ID:Base64,ID:Base64}</td><td>none</td></tr>
 *   <tr><td>GATEWAY_SECRET</td><td>the secret Moodle is configured with</td><td>required without a tenants file</td></tr>
 *   <tr><td>GATEWAY_CHECKSUM_ALGORITHMS</td><td>accepted from Moodle, e.g. {@code SHA256,SHA512}</td><td>all four</td></tr>
 *   <tr><td>GATEWAY_TENANT_ID</td><td>ID of that single tenant</td><td>moodle</td></tr>
 *   <tr><td>BBB_URL, BBB_SECRET</td><td>the backend (BigBlueButton or Scalelite)</td><td>required with GATEWAY_SECRET</td></tr>
 *   <tr><td>BBB_CHECKSUM_ALGORITHM</td><td>for calls to the backend</td><td>SHA256</td></tr>
 *   <tr><td>GATEWAY_TENANTS_FILE</td><td>JSON array of tenants, see {@link TenantsFile}</td><td>none</td></tr>
 *   <tr><td>GATEWAY_VIEWER_NAMES, GATEWAY_MODERATOR_NAMES</td><td>FULL_NAME, FIRST_NAME_INITIAL, FIRST_NAME</td><td>FIRST_NAME_INITIAL, FULL_NAME</td></tr>
 *   <tr><td>GATEWAY_METADATA_ALLOW</td><td>comma-separated metadata keys passed besides bbb-origin</td><td>none</td></tr>
 *   <tr><td>GATEWAY_ORIGIN</td><td>fixed meta_bbb-origin</td><td>Moodle</td></tr>
 *   <tr><td>GATEWAY_FORWARD_MEETING_NAME, GATEWAY_FORWARD_WELCOME</td><td>true/false</td><td>false</td></tr>
 *   <tr><td>GATEWAY_ALLOW_LOOPBACK_FETCH (slides and callbacks to 127.0.0.0/8, ::1; tests only),
 *       GATEWAY_REFUSE_PRIVATE_FETCH (refuse private addresses too)</td><td>true/false</td><td>false</td></tr>
 *   <tr><td>GATEWAY_WEBCAMS_ONLY_FOR_MODERATOR</td><td>true/false</td><td>true</td></tr>
 *   <tr><td>GATEWAY_LEARNING_DASHBOARD</td><td>true/false</td><td>false</td></tr>
 *   <tr><td>GATEWAY_MAX_CONCURRENT, GATEWAY_MAX_CONNECTIONS, GATEWAY_MAX_BODY_BYTES, GATEWAY_MAX_HEADER_BYTES</td><td>limits</td><td>64, 2000, 4 MiB, 16 KiB</td></tr>
 *   <tr><td>GATEWAY_MAX_CONNECTIONS_PER_ADDRESS, GATEWAY_MAX_BODY_BYTES_IN_FLIGHT</td><td>limits</td><td>256, 32 MiB</td></tr>
 *   <tr><td>GATEWAY_IDLE_TIMEOUT_SECONDS, GATEWAY_BACKEND_TIMEOUT_SECONDS, GATEWAY_CALLBACK_TIMEOUT_SECONDS</td><td>timeouts</td><td>30, 10, 10</td></tr>
 *   <tr><td>GATEWAY_HEADER_TIMEOUT_SECONDS, GATEWAY_BODY_TIMEOUT_SECONDS</td><td>total deadlines for a request head and body</td><td>15, 30</td></tr>
 *   <tr><td>GATEWAY_MANAGEMENT_HOST, GATEWAY_MANAGEMENT_PORT</td><td>the management connector (/metrics, readiness /health/ready; liveness /health/live also here)</td><td>127.0.0.1, 8091</td></tr>
 *   <tr><td>GATEWAY_TENANT_ROUTING</td><td>secret, path ({@code /t/<tenant>/}) or host (with GATEWAY_TENANT_HOST_SUFFIX)</td><td>secret</td></tr>
 * </table>
 */
public final class GatewayEnvironment {
    private GatewayEnvironment() {
    }

    /**
     * Reads the configuration.
     *
     * @param env the environment, e.g. {@code System.getenv()}
     * @return the configuration
     * @throws IllegalArgumentException naming the variable that is missing or invalid (never its value)
     */
    public static GatewayConfig config(Map<String, String> env) {
        return config(env, false);
    }

    /** As {@link #config(Map)}; in the demo, GATEWAY_PUBLIC_URL may be left out (the local URL is used). */
    static GatewayConfig config(Map<String, String> env, boolean demo) {
        Objects.requireNonNull(env, "env");
        String key = required(env, "GATEWAY_PSEUDONYM_KEY");
        try {
            Pseudonyms.fromBase64(key);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("GATEWAY_PSEUDONYM_KEY must be Base64 of at least 32 random bytes");
        }
        GatewayConfig.Builder b = GatewayConfig.builder(key).keyRing(keyRing(env, key));
        if (!demo || env.get("GATEWAY_PUBLIC_URL") != null) {
            URI publicUrl;
            try {
                publicUrl = URI.create(required(env, "GATEWAY_PUBLIC_URL"));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("GATEWAY_PUBLIC_URL is not set or not a URL (how BigBlueButton reaches the gateway)");
            }
            if (publicUrl.getRawUserInfo() != null) {
                // Refused before it can reach metadata, logout URLs or toString(); the value is not repeated.
                throw new IllegalArgumentException("GATEWAY_PUBLIC_URL must not contain user:password@ (BigBlueButton and "
                        + "browsers would see it in every callback and logout link)");
            }
            b.publicUrl(publicUrl);
        }
        List<Tenant> tenants = new ArrayList<>();
        if (env.get("GATEWAY_SECRET") != null) {
            tenants.add(tenant(env.getOrDefault("GATEWAY_TENANT_ID", "moodle"), env.get("GATEWAY_SECRET"), required(env, "BBB_URL"),
                    required(env, "BBB_SECRET"), env.get("BBB_CHECKSUM_ALGORITHM"), env.get("GATEWAY_CHECKSUM_ALGORITHMS"),
                    "GATEWAY_SECRET/BBB_URL/BBB_SECRET"));
        }
        if (env.get("GATEWAY_TENANTS_FILE") != null) {
            tenants.addAll(tenantsFile(env.get("GATEWAY_TENANTS_FILE")));
        }
        if (tenants.isEmpty()) {
            throw new IllegalArgumentException("GATEWAY_SECRET is not set (the shared secret Moodle is configured with), "
                    + "and no GATEWAY_TENANTS_FILE is given");
        }
        tenants.forEach(b::tenant);
        b.port(integer(env, "GATEWAY_PORT", 8090)).host(env.getOrDefault("GATEWAY_HOST", "0.0.0.0"))
                .viewerNames(format(env, "GATEWAY_VIEWER_NAMES", DisplayNamePolicy.Format.FIRST_NAME_INITIAL))
                .moderatorNames(format(env, "GATEWAY_MODERATOR_NAMES", DisplayNamePolicy.Format.FULL_NAME))
                .forwardMeetingName(flag(env, "GATEWAY_FORWARD_MEETING_NAME", false))
                .forwardWelcome(flag(env, "GATEWAY_FORWARD_WELCOME", false))
                .allowLoopbackFetch(flag(env, "GATEWAY_ALLOW_LOOPBACK_FETCH", false))
                .refusePrivateFetch(flag(env, "GATEWAY_REFUSE_PRIVATE_FETCH", false))
                .createSettings(createSettings(env))
                .limits(limits(env))
                .management(env.getOrDefault("GATEWAY_MANAGEMENT_HOST", "127.0.0.1").strip(), integer(env, "GATEWAY_MANAGEMENT_PORT", 8091))
                .tenantRouting(routing(env));
        try {
            if (env.get("GATEWAY_ORIGIN") != null) {
                b.origin(env.get("GATEWAY_ORIGIN"));
            }
            for (String k : env.getOrDefault("GATEWAY_METADATA_ALLOW", "").split(",")) {
                if (!k.isBlank()) {
                    b.allowMetadata(k.strip());
                }
            }
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("GATEWAY_ORIGIN or GATEWAY_METADATA_ALLOW is invalid: " + e.getMessage(), e);
        }
        try {
            return b.build();
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("gateway configuration is invalid: " + e.getMessage(), e);
        }
    }

    /**
     * The gateway's ring: {@code GATEWAY_PSEUDONYM_KEY} as the current key under {@code GATEWAY_PSEUDONYM_KEY_ID}
     * (default {@value KeyRing#DEFAULT_ID}, the ID every token sealed before key IDs were configurable carries),
     * plus {@code GATEWAY_PREVIOUS_PSEUDONYM_KEYS}. Messages name the variable and the entry, never a key.
     */
    private static KeyRing keyRing(Map<String, String> env, String currentKey) {
        String currentId = env.getOrDefault("GATEWAY_PSEUDONYM_KEY_ID", KeyRing.DEFAULT_ID).strip();
        Map<String, byte[]> keys = new LinkedHashMap<>();
        keys.put(currentId, KeyRing.decodeKey("GATEWAY_PSEUDONYM_KEY", currentKey));
        String previous = env.getOrDefault("GATEWAY_PREVIOUS_PSEUDONYM_KEYS", "");
        String[] entries = previous.isBlank() ? new String[0] : previous.split(",", -1);
        for (int i = 0; i < entries.length; i++) {
            String name = "GATEWAY_PREVIOUS_PSEUDONYM_KEYS entry " + (i + 1);
            String entry = entries[i].strip();
            int colon = entry.indexOf(':');
            // Base64 has no ':', so the first one separates the ID; an entry without one is an old-style bare key.
            if (colon < 0) {
                throw new IllegalArgumentException(name + " must be KEY_ID:BASE64_KEY, e.g. 2025:<Base64 key>");
            }
            String id = entry.substring(0, colon);
            if (keys.containsKey(id)) {
                // Not the ID itself: KeyRing.of has not checked it yet, and it may be a key pasted in the wrong place.
                throw new IllegalArgumentException(name + ": its key ID is already used (by GATEWAY_PSEUDONYM_KEY_ID or an "
                        + "earlier entry)");
            }
            keys.put(id, KeyRing.decodeKey(name, entry.substring(colon + 1)));
        }
        try {
            return KeyRing.of(currentId, keys);
        } catch (IllegalArgumentException e) {
            // KeyRing names a key by ID once it matches the rule, else by position: number 1 is
            // GATEWAY_PSEUDONYM_KEY_ID's, number n + 1 entry n of GATEWAY_PREVIOUS_PSEUDONYM_KEYS.
            throw new IllegalArgumentException("GATEWAY_PSEUDONYM_KEY_ID (key number 1) or GATEWAY_PREVIOUS_PSEUDONYM_KEYS "
                    + "(entry n is key number n + 1): " + e.getMessage(), e);
        }
    }

    private static GatewayLimits limits(Map<String, String> env) {
        try {
            return GatewayLimits.builder()
                    .maxConcurrentRequests(integer(env, "GATEWAY_MAX_CONCURRENT", 64))
                    .maxConnections(integer(env, "GATEWAY_MAX_CONNECTIONS", 2000))
                    .maxBodyBytes(integer(env, "GATEWAY_MAX_BODY_BYTES", 4 * 1024 * 1024))
                    .maxHeaderBytes(integer(env, "GATEWAY_MAX_HEADER_BYTES", 16 * 1024))
                    .idleTimeout(Duration.ofSeconds(integer(env, "GATEWAY_IDLE_TIMEOUT_SECONDS", 30)))
                    .backendTimeout(Duration.ofSeconds(integer(env, "GATEWAY_BACKEND_TIMEOUT_SECONDS", 10)))
                    .callbackTimeout(Duration.ofSeconds(integer(env, "GATEWAY_CALLBACK_TIMEOUT_SECONDS", 10)))
                    .maxConnectionsPerAddress(integer(env, "GATEWAY_MAX_CONNECTIONS_PER_ADDRESS", 256))
                    .maxBodyBytesInFlight(integer(env, "GATEWAY_MAX_BODY_BYTES_IN_FLIGHT", 32 * 1024 * 1024))
                    .headerTimeout(Duration.ofSeconds(integer(env, "GATEWAY_HEADER_TIMEOUT_SECONDS", 15)))
                    .bodyTimeout(Duration.ofSeconds(integer(env, "GATEWAY_BODY_TIMEOUT_SECONDS", 30)))
                    .build();
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("a GATEWAY_MAX_* or GATEWAY_*_TIMEOUT_SECONDS variable is out of range: " + e.getMessage(), e);
        }
    }

    private static TenantRouting routing(Map<String, String> env) {
        String v = env.getOrDefault("GATEWAY_TENANT_ROUTING", "secret").strip().toLowerCase(Locale.ROOT);
        switch (v) {
            case "secret":
                return TenantRouting.bySecret();
            case "path":
                return TenantRouting.byPath();
            case "host":
                try {
                    return TenantRouting.byHost(required(env, "GATEWAY_TENANT_HOST_SUFFIX"));
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("GATEWAY_TENANT_HOST_SUFFIX must be set to a DNS suffix starting with a dot, "
                            + "e.g. .gw.example.org, when GATEWAY_TENANT_ROUTING is host", e);
                }
            default:
                throw new IllegalArgumentException("GATEWAY_TENANT_ROUTING must be secret, path or host");
        }
    }

    private static MeetingSettings createSettings(Map<String, String> env) {
        MeetingSettings.Builder s = MeetingSettings.builder()
                .webcamsOnlyForModerator(flag(env, "GATEWAY_WEBCAMS_ONLY_FOR_MODERATOR", true));
        if (flag(env, "GATEWAY_LEARNING_DASHBOARD", false)) {
            s.enable(Feature.LEARNING_DASHBOARD, Feature.LEARNING_DASHBOARD_DOWNLOAD_SESSION_DATA);
        }
        return s.build();
    }

    private static Tenant tenant(String id, String secret, String url, String bbbSecret, String bbbAlgorithm,
            String clientAlgorithms, String where) {
        try {
            Tenant.Builder t = Tenant.builder(id, secret, url, bbbSecret);
            if (bbbAlgorithm != null) {
                t.backendAlgorithm(TenantsFile.checksumAlgorithm(bbbAlgorithm, "BBB_CHECKSUM_ALGORITHM"));
            }
            if (clientAlgorithms != null) {
                List<ChecksumAlgorithm> list = new ArrayList<>();
                for (String a : clientAlgorithms.split(",")) {
                    list.add(TenantsFile.checksumAlgorithm(a, "GATEWAY_CHECKSUM_ALGORITHMS"));
                }
                t.clientAlgorithms(list.toArray(new ChecksumAlgorithm[0]));
            }
            return t.build();
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new IllegalArgumentException(where + ": " + e.getMessage(), e);
        }
    }

    private static List<Tenant> tenantsFile(String file) {
        try {
            return TenantsFile.read(Path.of(file));
        } catch (InvalidPathException e) {
            throw new IllegalArgumentException("GATEWAY_TENANTS_FILE is not a file name");
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("GATEWAY_TENANTS_FILE: " + e.getMessage(), e);
        }
    }

    private static String required(Map<String, String> env, String name) {
        String v = env.get(name);
        if (v == null || v.isBlank()) {
            throw new IllegalArgumentException(name + " is not set");
        }
        return v.strip();
    }

    private static int integer(Map<String, String> env, String name, int dflt) {
        String v = env.get(name);
        if (v == null || v.isBlank()) {
            return dflt;
        }
        try {
            return Integer.parseInt(v.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a whole number");
        }
    }

    private static boolean flag(Map<String, String> env, String name, boolean dflt) {
        String v = env.get(name);
        if (v == null || v.isBlank()) {
            return dflt;
        }
        switch (v.strip().toLowerCase(Locale.ROOT)) {
            case "true":
                return true;
            case "false":
                return false;
            default:
                throw new IllegalArgumentException(name + " must be true or false");
        }
    }

    private static DisplayNamePolicy.Format format(Map<String, String> env, String name, DisplayNamePolicy.Format dflt) {
        String v = env.get(name);
        if (v == null || v.isBlank()) {
            return dflt;
        }
        try {
            return DisplayNamePolicy.Format.valueOf(v.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(name + " must be FULL_NAME, FIRST_NAME_INITIAL or FIRST_NAME");
        }
    }
}
