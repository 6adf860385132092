// SPDX-License-Identifier: Apache-2.0
package de.hessen.schulportal.bbb.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class FaultsTest {
    private final BbbSimulator sim = BbbSimulator.start();
    private final Api api = new Api(sim);

    @AfterEach
    void close() {
        sim.close();
    }

    @Test
    void forceStatus_503WithHtml() {
        sim.faults().forceStatus(503);
        HttpResponse<String> r = api.get("getMeetings");
        assertThat(r.statusCode()).isEqualTo(503);
        assertThat(r.headers().firstValue("Content-Type")).hasValue("text/html;charset=utf-8");
        assertThat(r.body()).startsWith("<!doctype html>");
        sim.faults().reset();
        assertThat(api.get("getMeetings").statusCode()).isEqualTo(200);
    }

    @Test
    void failureRate_seeded_reproducibleFraction() {
        sim.faults().failureRate(0.5, 42);
        StringBuilder first = new StringBuilder();
        for (int i = 0; i < 40; i++) {
            first.append(api.get("getMeetings").statusCode() == 503 ? 'x' : '.');
        }
        sim.faults().failureRate(0.5, 42);
        StringBuilder second = new StringBuilder();
        for (int i = 0; i < 40; i++) {
            second.append(api.get("getMeetings").statusCode() == 503 ? 'x' : '.');
        }
        assertThat(second.toString()).isEqualTo(first.toString());
        assertThat(first.chars().filter(c -> c == 'x').count()).isBetween(8L, 32L);
        sim.faults().failureRate(1.0, 1);
        assertThat(api.get("getMeetings").statusCode()).isEqualTo(503);
        sim.faults().failureRate(0.0, 1);
        assertThat(api.get("getMeetings").statusCode()).isEqualTo(200);
    }

    @Test
    void latency_delaysAnswer() {
        sim.faults().latency(Duration.ofMillis(300));
        long start = System.nanoTime();
        assertThat(api.get("getMeetings").statusCode()).isEqualTo(200);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(300));
    }

    @Test
    void hang_clientTimesOut_thenReleased() {
        sim.faults().hang(true);
        HttpRequest request = HttpRequest.newBuilder(URI.create(api.url("getMeetings", Api.params())))
                .timeout(Duration.ofMillis(300)).build();
        assertThatThrownBy(() -> Api.HTTP.send(request, HttpResponse.BodyHandlers.ofString()))
                .isInstanceOf(HttpTimeoutException.class);
        sim.faults().hang(false);
        assertThat(api.get("getMeetings").statusCode()).isEqualTo(200);
    }

    @Test
    void closeConnections_noResponse() {
        sim.faults().closeConnections(true);
        HttpClient fresh = HttpClient.newHttpClient();
        HttpRequest request = HttpRequest.newBuilder(URI.create(api.url("getMeetings", Api.params()))).build();
        assertThatThrownBy(() -> fresh.send(request, HttpResponse.BodyHandlers.ofString())).isInstanceOf(IOException.class);
        sim.faults().closeConnections(false);
        assertThat(api.get("getMeetings").statusCode()).isEqualTo(200);
        assertThat(sim.requestCount()).isGreaterThanOrEqualTo(2); // the JDK client may retry a GET once
    }

    @Test
    void knobs_validateArguments() {
        assertThatThrownBy(() -> sim.faults().failureRate(1.5, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> sim.faults().forceStatus(42)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> sim.faults().latency(Duration.ofMillis(-1))).isInstanceOf(IllegalArgumentException.class);
    }
}
