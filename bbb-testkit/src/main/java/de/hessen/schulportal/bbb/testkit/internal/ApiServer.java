// SPDX-License-Identifier: Apache-2.0
package de.hessen.schulportal.bbb.testkit.internal;

import java.io.IOException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * The HTTP front of a simulator: logs each request (bounded), applies the fault knobs, enforces
 * Tomcat's rule on raw characters, then hands the request to the site (one bbb-web, or a Scalelite
 * with its backends). Time-based work is checked every 200 ms.
 */
public final class ApiServer implements AutoCloseable {
    private static final String TOMCAT_REJECTED = "[]{}|\\^<>\" ";

    private final FaultState faults;
    private final RequestLog log;
    private final Function<HttpFront.Request, ApiResponse> site;
    private final Runnable tick;
    private final HttpFront front;
    private final ScheduledExecutorService scheduler;
    private final java.util.function.LongSupplier clock;

    /**
     * Binds the port; {@link #start()} serves.
     *
     * @param site  answers a request that passed the faults and Tomcat's rule
     * @param tick  time-based work, run periodically
     * @param clock the simulator clock, for the request log
     * @throws java.net.BindException if the port is taken
     */
    public ApiServer(Function<HttpFront.Request, ApiResponse> site, Runnable tick, java.util.function.LongSupplier clock,
                     FaultState faults, RequestLog log, int port, HttpFront.Limits limits) throws IOException {
        this.site = site;
        this.tick = tick;
        this.clock = clock;
        this.faults = faults;
        this.log = log;
        this.front = new HttpFront(port, limits, this::handle);
        this.scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "bbb-simulator-clock");
            t.setDaemon(true);
            return t;
        });
        faults.onRelease(front::releaseHeld);
    }

    /** Starts serving and the periodic check for due time-based work. */
    public void start() {
        front.start();
        scheduler.scheduleWithFixedDelay(() -> {
            try {
                tick.run();
            } catch (RuntimeException e) {
                // keep ticking; one failed tick must not stop time
            }
        }, 200, 200, TimeUnit.MILLISECONDS);
    }

    /** The bound port. */
    public int port() {
        return front.port();
    }

    /** Open connections now; for tests of the connection bounds. */
    public int openConnections() {
        return front.openConnections();
    }

    private ApiResponse handle(HttpFront.Request request) {
        String path = request.rawPath();
        String rawQuery = request.rawQuery();
        int api = path.indexOf(BbbWebApi.API + "/");
        log.add(request.method(), path, api < 0 ? null : BbbWebApi.callName(path.substring(api)), rawQuery,
                clock.getAsLong());
        if (faults.closeConnections()) {
            return ApiResponse.DROP;
        }
        if (faults.hang()) {
            return ApiResponse.HOLD;
        }
        long latency = faults.latencyMs();
        if (latency > 0) {
            try {
                Thread.sleep(latency);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return ApiResponse.DROP;
            }
        }
        try {
            int forced = faults.forcedStatus();
            if (forced > 0) {
                return ApiResponse.html(forced, forced + " Simulated failure");
            }
            if (faults.drawFailure()) {
                return ApiResponse.html(503, "503 Service Unavailable");
            }
            if (rejectedByTomcat(path) || (rawQuery != null && rejectedByTomcat(rawQuery))) {
                return ApiResponse.html(400, "HTTP Status 400 – Bad Request");
            }
            return site.apply(request);
        } catch (RuntimeException e) {
            return ApiResponse.html(500, "500 Internal Server Error");
        }
    }

    /** Tomcat refuses raw bytes above 0x7F and these characters in the request target. */
    static boolean rejectedByTomcat(String raw) {
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c >= 0x80 || c < 0x20 || c == 0x7f || TOMCAT_REJECTED.indexOf(c) >= 0) {
                return true;
            }
        }
        return false;
    }

    @Override
    public void close() {
        front.close();
        scheduler.shutdownNow();
    }
}
