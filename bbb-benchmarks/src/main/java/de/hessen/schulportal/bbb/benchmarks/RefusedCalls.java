// SPDX-License-Identifier: Apache-2.0
package de.hessen.schulportal.bbb.benchmarks;

import de.hessen.schulportal.bbb.gateway.config.Tenant;

/**
 * The inputs of the gateway refusal benchmarks ({@link ChecksumCostBenchmark},
 * {@link GatewayRefusalBenchmark}): numbered tenants whose backend is never contacted, and a
 * Moodle-style join query padded to a size, signed with a checksum that matches no tenant.
 */
final class RefusedCalls {
    /** A well-formed SHA-256 checksum that matches no tenant, so every tenant is tried. */
    static final String WRONG_CHECKSUM = "ab".repeat(32);

    private RefusedCalls() {
    }

    /** Tenant {@code t<i>}: never contacted, every call is refused before a backend is needed. */
    static Tenant tenant(int i) {
        return Tenant.builder("t" + i, "tenant-secret-" + i + "-0123456789abcdef", "http://127.0.0.1:9/bigbluebutton/",
                "backend-secret-0123456789abcdef").build();
    }

    /** A join query as Moodle sends it, padded with {@code userdata-} parameters to at least {@code bytes}, no checksum. */
    static String joinQuery(int bytes) {
        StringBuilder q = new StringBuilder("meetingID=0c8d3f2a0c8d3f2a0c8d3f2a0c8d3f2a0c8d3f2a-5-12%5B0%5D&fullName=Kim+Yilmaz"
                + "&role=VIEWER&userID=1234&createTime=1700000000000&redirect=true");
        for (int i = 0; q.length() < bytes; i++) {
            q.append("&userdata-x").append(i).append('=').append("a".repeat(60));
        }
        return q.toString();
    }
}
