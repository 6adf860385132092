// SPDX-License-Identifier: Apache-2.0
package de.hessen.schulportal.bbb.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class ConcurrencyTest {
    @Test
    void manyConcurrentRequests_allAnsweredConsistently() throws Exception {
        try (BbbSimulator sim = BbbSimulator.start()) {
            Api api = new Api(sim);
            api.create("room-1", "maxParticipants", "50");
            ExecutorService pool = Executors.newFixedThreadPool(32);
            try {
                List<Future<String>> joins = new ArrayList<>();
                for (int i = 0; i < 100; i++) {
                    int n = i;
                    joins.add(pool.submit(() -> Api.text(api.join("room-1", "User " + n, "VIEWER", "userID", "u" + n),
                            "returncode")));
                }
                int ok = 0;
                for (Future<String> f : joins) {
                    ok += "SUCCESS".equals(f.get()) ? 1 : 0;
                }
                assertThat(ok).isEqualTo(50);
                assertThat(sim.meeting("room-1").orElseThrow().attendees()).hasSize(50);
            } finally {
                pool.shutdownNow();
            }
            HttpRequest info = HttpRequest.newBuilder(URI.create(api.url("getMeetingInfo", Api.params("meetingID", "room-1"))))
                    .build();
            List<CompletableFuture<HttpResponse<String>>> calls = new ArrayList<>();
            for (int i = 0; i < 1000; i++) {
                calls.add(Api.HTTP.sendAsync(info, HttpResponse.BodyHandlers.ofString()));
            }
            for (CompletableFuture<HttpResponse<String>> c : calls) {
                HttpResponse<String> r = c.get();
                assertThat(r.statusCode()).isEqualTo(200);
                assertThat(r.body()).contains("<participantCount>50</participantCount>");
            }
        }
    }
}
