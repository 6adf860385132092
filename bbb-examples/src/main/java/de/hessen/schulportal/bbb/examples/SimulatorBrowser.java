// SPDX-License-Identifier: Apache-2.0
package de.hessen.schulportal.bbb.examples;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/**
 * Opens join links on the embedded simulator as a browser would, without following the redirect
 * into the HTML5 client: that is what makes the simulator count the person as joined (or put them
 * in the lobby). Only for the simulator; links to a real server are for real browsers.
 */
final class SimulatorBrowser {
    private static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    private SimulatorBrowser() {
    }

    /**
     * Opens a join link.
     *
     * @param joinUrl the signed join URL
     * @throws IllegalStateException if the simulator does not redirect into the client (it refused the link)
     */
    static void open(URI joinUrl) {
        try {
            HttpResponse<Void> r = HTTP.send(HttpRequest.newBuilder(joinUrl).GET().build(),
                    HttpResponse.BodyHandlers.discarding());
            if (r.statusCode() != 302) {
                throw new IllegalStateException("the simulator refused a join link: HTTP " + r.statusCode());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
