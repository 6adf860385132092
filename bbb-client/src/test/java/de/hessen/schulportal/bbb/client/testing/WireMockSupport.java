// SPDX-License-Identifier: Apache-2.0
package de.hessen.schulportal.bbb.client.testing;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.util.List;

/** A WireMock server on loopback, one per test class. */
public final class WireMockSupport implements AutoCloseable {
    private final WireMockServer server;

    /**
     * Starts a server on a free loopback port.
     *
     * @param extensions WireMock extensions such as response transformers
     */
    public WireMockSupport(com.github.tomakehurst.wiremock.extension.Extension... extensions) {
        server = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1")
                .asynchronousResponseEnabled(false).containerThreads(20).extensions(extensions));
        server.start();
    }

    /**
     * The server.
     *
     * @return the server
     */
    public WireMockServer server() {
        return server;
    }

    /**
     * The base URL as a user would configure it.
     *
     * @return {@code http://127.0.0.1:<port>/bigbluebutton/}
     */
    public String baseUrl() {
        return "http://127.0.0.1:" + server.port() + "/bigbluebutton/";
    }

    /**
     * Answers a call with an XML body.
     *
     * @param call the call name
     * @param xml the body
     */
    public void answer(String call, String xml) {
        server.stubFor(any(urlPathEqualTo("/bigbluebutton/api/" + call))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "text/xml;charset=utf-8").withBody(xml)));
    }

    /**
     * The requests received so far, oldest first.
     *
     * @return the requests
     */
    public List<LoggedRequest> requests() {
        List<LoggedRequest> all = new java.util.ArrayList<>(server.findAll(
                com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor(com.github.tomakehurst.wiremock.client.WireMock.anyUrl())));
        return all;
    }

    /**
     * The path and raw query of the last request, as it arrived.
     *
     * @return the URL
     */
    public String lastUrl() {
        List<LoggedRequest> all = requests();
        if (all.isEmpty()) {
            throw new AssertionError("no request received");
        }
        return all.get(all.size() - 1).getUrl();
    }

    /** Forgets stubs and requests. */
    public void reset() {
        server.resetAll();
    }

    @Override
    public void close() {
        server.stop();
    }
}
