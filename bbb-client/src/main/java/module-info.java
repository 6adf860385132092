// SPDX-License-Identifier: Apache-2.0
/**
 * The BigBlueButton API client: typed, signed requests to BigBlueButton and Scalelite, typed
 * responses and errors, synchronous and asynchronous calls, and verification of what BigBlueButton
 * sends back.
 *
 * <p>Start at {@link de.hessen.schulportal.bbb.client.BbbClient}.
 */
// Immutables is an automatic module, needed only while compiling (requires static).
@SuppressWarnings("requires-automatic")
module de.hessen.schulportal.bbb.client {
    requires static org.immutables.value;
    requires transitive java.net.http;
    requires tools.jackson.databind;
    requires tools.jackson.dataformat.xml;
    requires java.xml;
    requires org.slf4j;

    exports de.hessen.schulportal.bbb.client;
    exports de.hessen.schulportal.bbb.client.meeting;
    exports de.hessen.schulportal.bbb.client.recording;
    exports de.hessen.schulportal.bbb.client.hook;
    exports de.hessen.schulportal.bbb.client.request;
    exports de.hessen.schulportal.bbb.client.callback;
    exports de.hessen.schulportal.bbb.client.event;
    exports de.hessen.schulportal.bbb.client.transport;
}
