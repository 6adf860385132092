// SPDX-License-Identifier: Apache-2.0
package de.hessen.schulportal.bbb.gateway.config;

import de.hessen.schulportal.bbb.client.ChecksumAlgorithm;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The tenants file ({@code GATEWAY_TENANTS_FILE}): a JSON array with one object per tenant.
 *
 * <pre>{@code
 * [
 *   {
 *     "id": "schule1",                          // [a-z0-9]{1,32}, unique
 *     "secret": "…",                            // what this Moodle is configured with: >= 16 characters, no whitespace
 *     "previousSecret": "…",                    // optional: also accepted while the school changes its secret
 *     "checksumAlgorithms": ["SHA256", "SHA512"], // optional, or "SHA256,SHA512"; default all four
 *     "bbbUrl": "https://bbb.example.org/bigbluebutton/",
 *     "bbbSecret": "…",                         // >= 16 characters, no whitespace
 *     "bbbChecksumAlgorithm": "SHA256",         // optional, default SHA256
 *     "keys": {                                 // optional: the tenant's own sealing and pseudonym keys
 *       "current": "2026b",                     //   the key ID that seals and pseudonymises from now on
 *       "2026a": "…Base64…",                    //   key ID [A-Za-z0-9_-]{1,16} → Base64 of >= 32 random bytes
 *       "2026b": "…Base64…"                     //   older IDs stay to open what they sealed
 *     }
 *   }
 * ]
 * }</pre>
 *
 * <p>Without {@code "keys"} a tenant uses the gateway's ring ({@code GATEWAY_PSEUDONYM_KEY}). A key
 * removed from {@code "keys"} is retired: what it sealed no longer opens (see {@link KeyRing}).
 *
 * <p>Rules: every key above is checked, unknown keys and repeated keys are errors (a misspelt
 * {@code "previousSecret"} must not pass silently), tenant IDs are unique, and every secret
 * (current and previous) of every tenant is distinct, because the secret a call verifies with picks
 * the tenant. Every error names the file, the tenant's position and ID, and the JSON key with the
 * rule, never a value: the file holds secrets, and error messages end up in logs.
 *
 * <p>Stateless; {@link #read(Path)} may be called from any thread.
 */
public final class TenantsFile {
    /** The keys of a tenant entry. */
    private static final List<String> KEYS = List.of("id", "secret", "previousSecret", "checksumAlgorithms", "bbbUrl", "bbbSecret",
            "bbbChecksumAlgorithm", "keys");
    /** The entry of {@code "keys"} that names the current key ID (so it is no key ID itself). */
    private static final String CURRENT = "current";

    private static final JsonMapper JSON = JsonMapper.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();

    private TenantsFile() {
    }

    /**
     * Reads and validates a tenants file.
     *
     * @param file the file
     * @return the tenants in file order, at least one
     * @throws IllegalArgumentException naming the file, the entry and the JSON key with its rule (never a value),
     *     or why the file cannot be read
     */
    public static List<Tenant> read(Path file) {
        Objects.requireNonNull(file, "file");
        String where = "tenants file " + file;
        String text;
        try {
            text = Files.readString(file);
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException(where + " does not exist");
        } catch (IOException e) {
            throw new IllegalArgumentException(where + " cannot be read: " + e.getClass().getSimpleName());
        }
        JsonNode root;
        try {
            root = JSON.readTree(text);
        } catch (JacksonException e) {
            // Jackson's message may quote the text around the error, which can be a secret: only the position.
            TokenStreamLocation at = e.getLocation();
            throw new IllegalArgumentException(where + " is not valid JSON"
                    + (at == null ? "" : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")")
                    + (e.getMessage() != null && e.getMessage().startsWith("Duplicate") ? ": a key is repeated" : ""));
        }
        if (root == null || !root.isArray() || root.isEmpty()) {
            throw new IllegalArgumentException(where + " must hold a JSON array with at least one tenant object");
        }
        List<Tenant> tenants = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        Set<String> secrets = new HashSet<>();
        for (int i = 0; i < root.size(); i++) {
            Tenant t = tenant(root.get(i), where + ", tenant " + (i + 1));
            String entry = where + ", tenant " + (i + 1) + " (\"" + t.id() + "\")";
            if (!ids.add(t.id())) {
                throw new IllegalArgumentException(entry + ": key \"id\" must be unique in the file");
            }
            if (!secrets.add(t.clientSecret())) {
                throw new IllegalArgumentException(entry + ": key \"secret\" must differ from every other tenant's secrets "
                        + "(the secret picks the tenant)");
            }
            if (t.previousClientSecret().isPresent() && !secrets.add(t.previousClientSecret().get())) {
                throw new IllegalArgumentException(entry + ": key \"previousSecret\" must differ from every other tenant's secrets "
                        + "(the secret picks the tenant)");
            }
            tenants.add(t);
        }
        return List.copyOf(tenants);
    }

    private static Tenant tenant(JsonNode node, String entry) {
        if (!node.isObject()) {
            throw new IllegalArgumentException(entry + " must be a JSON object");
        }
        String id = string(node, "id", entry, true);
        String at = entry + " (\"" + (id.matches(Tenant.ID_RULE) ? id : "?") + "\")";
        for (String key : node.propertyNames()) {
            if (!KEYS.contains(key)) {
                throw new IllegalArgumentException(at + ": " + unknownKey(key) + "; known keys: "
                        + String.join(", ", KEYS));
            }
        }
        String secret = string(node, "secret", at, true);
        String previous = string(node, "previousSecret", at, false);
        String bbbUrl = string(node, "bbbUrl", at, true);
        String bbbSecret = string(node, "bbbSecret", at, true);
        String backend = string(node, "bbbChecksumAlgorithm", at, false);
        try {
            Tenant.Builder b = Tenant.builder(Tenant.id("key \"id\"", id), Tenant.secret("key \"secret\"", secret),
                    Tenant.url("key \"bbbUrl\"", bbbUrl), Tenant.secret("key \"bbbSecret\"", bbbSecret));
            if (previous != null) {
                if (previous.equals(secret)) {
                    throw new IllegalArgumentException("key \"previousSecret\" must differ from \"secret\" (it is the one being replaced)");
                }
                b.previousClientSecret(Tenant.secret("key \"previousSecret\"", previous));
            }
            List<ChecksumAlgorithm> accepted = algorithms(node.get("checksumAlgorithms"));
            if (accepted != null) {
                b.clientAlgorithms(accepted.toArray(new ChecksumAlgorithm[0]));
            }
            if (backend != null) {
                b.backendAlgorithm(checksumAlgorithm(backend, "key \"bbbChecksumAlgorithm\""));
            }
            KeyRing ring = keyRing(node.get("keys"));
            if (ring != null) {
                b.keyRing(ring);
            }
            return b.build();
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new IllegalArgumentException(at + ": " + e.getMessage(), e);
        }
    }

    private static String string(JsonNode node, String key, String at, boolean required) {
        JsonNode value = node.get(key);
        if (value == null || value.isNull()) {
            if (required) {
                throw new IllegalArgumentException(at + ": key \"" + key + "\" is missing");
            }
            return null;
        }
        if (!value.isString()) {
            throw new IllegalArgumentException(at + ": key \"" + key + "\" must be a JSON string");
        }
        return value.stringValue();
    }

    /** An array of names, or one string of comma-separated names (as the environment variable takes). */
    private static List<ChecksumAlgorithm> algorithms(JsonNode value) {
        if (value == null || value.isNull()) {
            return null;
        }
        String key = "checksumAlgorithms";
        List<String> names = new ArrayList<>();
        if (value.isArray()) {
            for (JsonNode n : value) {
                if (!n.isString()) {
                    throw new IllegalArgumentException("key \"" + key + "\" must hold strings, e.g. [\"SHA256\", \"SHA512\"]");
                }
                names.add(n.stringValue());
            }
        } else if (value.isString()) {
            names.addAll(List.of(value.stringValue().split(",", -1)));
        } else {
            throw new IllegalArgumentException("key \"" + key + "\" must be an array like [\"SHA256\", \"SHA512\"] "
                    + "or a string like \"SHA256,SHA512\"");
        }
        if (names.isEmpty()) {
            throw new IllegalArgumentException("key \"" + key + "\" must name at least one algorithm");
        }
        List<ChecksumAlgorithm> out = new ArrayList<>();
        for (String name : names) {
            out.add(checksumAlgorithm(name, "key \"" + key + "\""));
        }
        return out;
    }

    /**
     * {@code {"current": "2026b", "2026a": "<Base64>", "2026b": "<Base64>"}}. Messages name the JSON key
     * and a key by its position; {@link KeyRing#of}'s own messages name an ID only if it matches
     * {@link KeyRing#KEY_ID}; never a key.
     */
    private static KeyRing keyRing(JsonNode value) {
        if (value == null || value.isNull()) {
            return null;
        }
        String key = "key \"keys\"";
        if (!value.isObject()) {
            throw new IllegalArgumentException(key + " must be an object like {\"current\": \"2026b\", \"2026a\": \"<Base64 key>\", "
                    + "\"2026b\": \"<Base64 key>\"}");
        }
        JsonNode current = value.get(CURRENT);
        if (current == null || !current.isString()) {
            throw new IllegalArgumentException(key + " must name its current key ID as a JSON string in \"" + CURRENT + "\"");
        }
        Map<String, byte[]> keys = new LinkedHashMap<>();
        for (String id : value.propertyNames()) {
            if (id.equals(CURRENT)) {
                continue;
            }
            // Named by position, not ID: KeyRing.of checks the IDs, and an ID that breaks the rule may be a key.
            String named = key + ": key number " + (keys.size() + 1);
            JsonNode k = value.get(id);
            if (!k.isString()) {
                throw new IllegalArgumentException(named + " must be a JSON string (the Base64 key)");
            }
            keys.put(id, KeyRing.decodeKey(named, k.stringValue()));
        }
        if (keys.isEmpty()) {
            throw new IllegalArgumentException(key + " must hold at least one key (key ID → Base64 key)");
        }
        try {
            return KeyRing.of(current.stringValue(), keys);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(key + ": " + e.getMessage() + " (\"" + CURRENT + "\" is reserved for the current key ID)", e);
        }
    }

    /**
     * The checksum algorithm a configuration names ({@code SHA256}, {@code sha-256}, …): the one parser
     * for the tenants file and the environment.
     *
     * @param name the name as written
     * @param where what to name in the message (a JSON key or a variable)
     * @return the algorithm
     * @throws IllegalArgumentException naming {@code where} and the four names
     */
    public static ChecksumAlgorithm checksumAlgorithm(String name, String where) {
        String normalized = name.strip().toUpperCase(Locale.ROOT).replace("-", "");
        for (ChecksumAlgorithm a : ChecksumAlgorithm.values()) {
            if (a.name().equals(normalized)) {
                return a;
            }
        }
        throw new IllegalArgumentException(where + " must name SHA1, SHA256, SHA384 or SHA512");
    }

    /** What an unknown JSON key may look like to be named in a message: a plausible key name, never key material. */
    private static final Pattern SAFE_KEY = Pattern.compile("[A-Za-z][A-Za-z0-9_]{0,31}");

    /**
     * How a message names an unknown JSON key: quoted if it looks like a key name; otherwise not at
     * all (it may be a secret or a key pasted where a name belongs).
     */
    private static String unknownKey(String key) {
        return SAFE_KEY.matcher(key).matches() ? "unknown key \"" + key + "\"" : "an unknown key (not shown: it is not a key name)";
    }
}
