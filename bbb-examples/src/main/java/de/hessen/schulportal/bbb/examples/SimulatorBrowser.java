// SPDX-License-Identifier: Apache-2.0
package de.hessen.schulportal.bbb.examples;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/**
 * Opens session URLs on the embedded simulator as a browser would: the client's entry page (or the
 * lobby's wait page), without the join answer's cookie, which stayed with the adapter. Only for the
 * simulator; session URLs of a real server are for real browsers.
 */
final class SimulatorBrowser {
    private static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    private SimulatorBrowser() {
    }

    /**
     * Opens a session URL.
     *
     * @param sessionUrl the session URL of a server-side join
     * @throws IllegalStateException if the simulator does not show the client or the wait page (it refused the session)
     */
    static void open(URI sessionUrl) {
        try {
            HttpResponse<Void> r = HTTP.send(HttpRequest.newBuilder(sessionUrl).GET().build(),
                    HttpResponse.BodyHandlers.discarding());
            if (r.statusCode() != 200) {
                throw new IllegalStateException("the simulator refused a session URL: HTTP " + r.statusCode());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
