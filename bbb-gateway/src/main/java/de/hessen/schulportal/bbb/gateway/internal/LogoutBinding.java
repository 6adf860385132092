// SPDX-License-Identifier: Apache-2.0
package de.hessen.schulportal.bbb.gateway.internal;

import de.hessen.schulportal.bbb.gateway.config.KeyRing;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Binds a gateway logout link to the browser that joined. BigBlueButton (and so its operator) sees
 * every logout link; opened anywhere, it would tell where Moodle lives and which course it was.
 * So the join redirect sets a cookie whose value is an HMAC of the link's sealed token under a key
 * derived from the current key of the tenant's ring ({@code HMAC-SHA256(ringKey, "bbb-gateway logout binding v1")};
 * the tenant is the token's prefix, {@code <tenant>.<token>}): nobody can make it from the link alone.
 * A cookie made under any key still in the ring is accepted, so a rotation does not strand a
 * browser that joined before it; once that key is retired the link shows the neutral page. Only a request carrying it is sent on to Moodle; everyone
 * else gets a neutral page.
 *
 * <p>The cookie: {@value #COOKIE}, {@code Path} exactly the logout link's path (so each meeting's
 * link has its own cookie and no other path of the gateway receives it), {@code HttpOnly},
 * {@code SameSite=Lax} (sent on the top-level navigation from BigBlueButton back to the gateway,
 * never on cross-site subrequests), {@code Secure} when the gateway's public URL is https,
 * {@code Max-Age} {@link #LIFETIME}. Stateless: any gateway instance with the same keys checks it.
 *
 * <p>Immutable and thread-safe.
 */
public final class LogoutBinding {
    /** The cookie's name. */
    public static final String COOKIE = "bbb_gw_logout";
    /** How long the cookie lives: a school day's longest conference and then some. */
    public static final Duration LIFETIME = Duration.ofHours(6);

    private final Function<String, KeyRing> rings;
    private final boolean secure;

    /**
     * A binding keyed from the tenants' key rings.
     *
     * @param rings tenant ID → its ring, or {@code null} for an unknown tenant
     * @param publicBase the gateway's public URL ({@code https} makes the cookie {@code Secure})
     */
    public LogoutBinding(Function<String, KeyRing> rings, String publicBase) {
        this.rings = Objects.requireNonNull(rings, "rings");
        this.secure = publicBase.regionMatches(true, 0, "https:", 0, 6);
    }

    /**
     * The {@code Set-Cookie} value that binds a logout link to the browser receiving it.
     *
     * @param logoutLink the gateway logout link (as given to BigBlueButton)
     * @return the header value
     * @throws IllegalArgumentException if the link's token names no tenant with keys
     */
    public String setCookie(String logoutLink) {
        String path = URI.create(logoutLink).getRawPath();
        String token = token(path);
        KeyRing ring = ring(token);
        if (ring == null) {
            throw new IllegalArgumentException("the logout link names no tenant with keys");
        }
        return COOKIE + '=' + value(ring.currentKey(), token) + "; Path=" + path + "; Max-Age=" + LIFETIME.toSeconds()
                + "; HttpOnly; SameSite=Lax" + (secure ? "; Secure" : "");
    }

    /**
     * Whether a request for a logout token carries the browser's binding.
     *
     * @param token the token from the logout path ({@code <tenant>.<sealed>})
     * @param cookieHeaders the request's {@code Cookie} header values
     * @return {@code true} if one {@value #COOKIE} cookie has the token's value under a key of the tenant's ring
     */
    public boolean isBound(String token, List<String> cookieHeaders) {
        KeyRing ring = ring(token);
        if (ring == null) {
            return false;
        }
        List<byte[]> cookies = new ArrayList<>();
        for (String header : cookieHeaders) {
            for (String pair : header.split(";")) {
                String p = pair.strip();
                if (p.startsWith(COOKIE + '=')) {
                    cookies.add(p.substring(COOKIE.length() + 1).getBytes(StandardCharsets.US_ASCII));
                }
            }
        }
        boolean bound = false;
        for (String id : ring.ids()) {
            byte[] expected = value(ring.key(id).orElseThrow(), token).getBytes(StandardCharsets.US_ASCII);
            for (byte[] cookie : cookies) {
                bound |= MessageDigest.isEqual(expected, cookie);
            }
        }
        return bound;
    }

    private KeyRing ring(String token) {
        int dot = token.indexOf('.');
        return dot <= 0 ? null : rings.apply(token.substring(0, dot));
    }

    private static String token(String logoutPath) {
        return logoutPath.substring(logoutPath.lastIndexOf('/') + 1);
    }

    private static String value(byte[] ringKey, String token) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(ringKey, "HmacSHA256"));
            SecretKeySpec key = new SecretKeySpec(mac.doFinal("bbb-gateway logout binding v1".getBytes(StandardCharsets.UTF_8)),
                    "HmacSHA256");
            mac.init(key);
            return Base64.getUrlEncoder().withoutPadding().encodeToString(mac.doFinal(token.getBytes(StandardCharsets.US_ASCII)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available in this JVM", e);
        }
    }
}
