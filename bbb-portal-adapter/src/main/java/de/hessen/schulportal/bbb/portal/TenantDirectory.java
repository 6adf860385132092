// SPDX-License-Identifier: Apache-2.0
package de.hessen.schulportal.bbb.portal;

import de.hessen.schulportal.bbb.client.BbbClient;
import java.util.HashMap;
import java.util.Map;

/**
 * Which {@link BbbClient} serves a school: one BigBlueButton server, a Scalelite/B3LB tenant with
 * its own secret, or a shared cluster. The statewide operator moves schools between clusters by
 * changing this mapping, not code. Meetings that run while a school is moved stay on the old
 * cluster until they end; move schools outside school hours.
 *
 * <p>Implementations must be thread-safe and fast (called on every join); the clients they return
 * are shared and must not be closed by the caller.
 *
 * <pre>{@code
 * TenantDirectory tenants = TenantDirectory.builder()
 *         .school("6021", scaleliteNord)
 *         .school("6022", scaleliteNord)
 *         .fallback(scaleliteSued)
 *         .build();
 * }</pre>
 */
@FunctionalInterface
public interface TenantDirectory {
    /**
     * The client that serves a school.
     *
     * @param school the school
     * @return the client
     * @throws TenantNotFoundException if no client serves the school
     */
    BbbClient clientFor(School school);

    /**
     * One client for every school.
     *
     * @param client the client
     * @return the directory
     */
    static TenantDirectory single(BbbClient client) {
        Checks.required("client", client);
        return school -> client;
    }

    /**
     * A builder for a map-backed directory.
     *
     * @return a new builder
     */
    static Builder builder() {
        return new Builder();
    }

    /**
     * Collects a map-backed {@link TenantDirectory}. Each setter returns this builder and replaces the
     * client set before for that school (or the fallback); a {@code null} argument throws
     * {@link NullPointerException} naming it. Not thread-safe; the directory it builds is.
     */
    final class Builder {
        private final Map<String, BbbClient> bySchool = new HashMap<>();
        private BbbClient fallback;

        private Builder() {
        }

        /** The client of one school. */
        public Builder school(String schoolId, BbbClient client) {
            bySchool.put(Checks.text("schoolId", schoolId, 128), Checks.required("client", client));
            return this;
        }

        /**
         * The client of every school not listed. Default none: unlisted schools fail with
         * {@link TenantNotFoundException}.
         */
        public Builder fallback(BbbClient client) {
            this.fallback = Checks.required("client", client);
            return this;
        }

        /**
         * Builds the directory.
         *
         * @return the directory
         */
        public TenantDirectory build() {
            Map<String, BbbClient> map = Map.copyOf(bySchool);
            BbbClient fb = fallback;
            return school -> {
                BbbClient c = map.get(school.id());
                if (c == null) {
                    c = fb;
                }
                if (c == null) {
                    throw new TenantNotFoundException(school.id());
                }
                return c;
            };
        }
    }
}
