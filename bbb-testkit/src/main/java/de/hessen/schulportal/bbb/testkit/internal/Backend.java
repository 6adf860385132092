// SPDX-License-Identifier: Apache-2.0
package de.hessen.schulportal.bbb.testkit.internal;

import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * One BigBlueButton server behind the simulated Scalelite: a complete simulated bbb-web with its own
 * secret, served under its own path ({@code /bbb1/bigbluebutton/api/...}) of the same port. Scalelite
 * talks to it with calls signed by this secret, as {@code ApiHelper#encode_bbb_uri} does.
 */
public final class Backend {
    /** The server ID, e.g. {@code bbb1}; also its path prefix. */
    public final String id;
    /** The server's own secret. */
    public final String secret;
    /** The server's state. */
    public final SimState state;
    /** The server's API. */
    public final BbbWebApi api;
    private volatile boolean inService = true;

    Backend(String id, String secret, SimState state) {
        this.id = id;
        this.secret = secret;
        this.state = state;
        this.api = new BbbWebApi(state);
    }

    /** The path prefix of this server, e.g. {@code /bbb1/}. */
    public String prefix() {
        return "/" + id + "/";
    }

    /** Whether Scalelite sends new meetings here and lists its meetings (enabled and online). */
    public boolean isInService() {
        return inService;
    }

    void inService(boolean on) {
        inService = on;
    }

    /**
     * The signed query Scalelite sends: {@code URI.encode_www_form(params)}, then {@code checksum}
     * over call + that string + the server's secret, with SHA-256 ({@code checksum_algorithm}'s
     * default when {@code LOADBALANCER_CHECKSUM_ALGORITHM} is not set).
     */
    String signedQuery(String callName, Map<String, String> params) {
        StringBuilder q = new StringBuilder();
        for (Map.Entry<String, String> e : params.entrySet()) {
            if (q.length() > 0) {
                q.append('&');
            }
            q.append(Callbacks.form(e.getKey())).append('=').append(Callbacks.form(e.getValue()));
        }
        String query = q.toString();
        String checksum = Hashing.hex("sha256", callName + query + secret);
        return (query.isEmpty() ? "" : query + "&") + "checksum=" + checksum;
    }

    /** Calls this server's API as Scalelite's {@code get_post_req} does (POST with an XML body if one is given). */
    ApiResponse call(String callName, Map<String, String> params, byte[] xmlBody) {
        boolean post = xmlBody != null && xmlBody.length > 0;
        HttpFront.Request request = new HttpFront.Request(post ? "POST" : "GET", BbbWebApi.API + "/" + callName,
                signedQuery(callName, params), post ? Map.of("content-type", "application/xml") : Map.of(),
                post ? xmlBody : new byte[0]);
        return api.handle(request, callName);
    }

    /** The absolute URL of a call on this server. */
    String url(String callName, Map<String, String> params) {
        return state.serverUrl + "bigbluebutton/api/" + callName + "?" + signedQuery(callName, params);
    }

    /** Whether an answer of this server says SUCCESS. */
    static boolean isSuccess(ApiResponse r) {
        return r.status() == 200 && new String(r.body(), StandardCharsets.UTF_8).contains("<returncode>SUCCESS</returncode>");
    }
}
