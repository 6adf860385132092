// SPDX-License-Identifier: Apache-2.0
/**
 * The privacy gateway: a BigBlueButton-API-compatible service that unmodified clients such as
 * SchulMoodle's BigBlueButton activity talk to. It checks their checksums, applies the school's
 * privacy policy, forwards through bbb-client and re-signs the callbacks.
 *
 * <p>Start at {@link de.hessen.schulportal.bbb.gateway.Gateway}; run it with
 * {@link de.hessen.schulportal.bbb.gateway.GatewayMain}.
 */
module de.hessen.schulportal.bbb.gateway {
    requires transitive de.hessen.schulportal.bbb.client;
    requires transitive de.hessen.schulportal.bbb.portal;
    // Only the dev mode (GatewayMain --dev) uses it; the runnable jar and the distribution carry it.
    requires static de.hessen.schulportal.bbb.testkit;
    requires org.eclipse.jetty.server;
    requires org.eclipse.jetty.http;
    requires org.eclipse.jetty.io;
    requires org.eclipse.jetty.util;
    requires tools.jackson.core;
    requires tools.jackson.databind;
    requires java.net.http;
    requires java.xml;
    requires org.slf4j;

    exports de.hessen.schulportal.bbb.gateway;
    exports de.hessen.schulportal.bbb.gateway.config;
}
