// SPDX-License-Identifier: Apache-2.0
package de.hessen.schulportal.bbb.benchmarks;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A tiny loopback server that answers every {@code /bigbluebutton/api/<call>} with fixed bytes,
 * without checking checksums: it isolates the client's cost of one full call (sign, send,
 * receive, parse, map) from any server work.
 */
public final class FixedAnswerServer implements AutoCloseable {
    private final HttpServer server;
    private final ExecutorService executor;

    /**
     * Starts serving.
     *
     * @param answers call name to XML body
     */
    public FixedAnswerServer(Map<String, byte[]> answers) {
        System.setProperty("sun.net.httpserver.nodelay", "true");
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 128);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        executor = Executors.newFixedThreadPool(2, r -> {
            Thread t = new Thread(r, "fixed-answer-server");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(executor);
        server.createContext("/bigbluebutton/api/", exchange -> {
            String path = exchange.getRequestURI().getRawPath();
            byte[] body = answers.get(path.substring(path.lastIndexOf('/') + 1));
            exchange.getRequestBody().readAllBytes();
            if (body == null) {
                exchange.sendResponseHeaders(404, -1);
            } else {
                exchange.getResponseHeaders().set("Content-Type", "text/xml;charset=utf-8");
                exchange.sendResponseHeaders(200, body.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            }
            exchange.close();
        });
        server.start();
    }

    /** @return the base URL, {@code http://127.0.0.1:<port>/bigbluebutton/} */
    public String baseUrl() {
        return "http://" + server.getAddress().getAddress().getHostAddress() + ":" + server.getAddress().getPort()
                + "/bigbluebutton/";
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
