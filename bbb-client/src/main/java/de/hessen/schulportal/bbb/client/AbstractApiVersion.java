// SPDX-License-Identifier: Apache-2.0
package de.hessen.schulportal.bbb.client;

import de.hessen.schulportal.bbb.client.internal.ValueType;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * What the unsigned API root ({@code GET /bigbluebutton/api/}) says about the server, as returned
 * by {@link BbbClient#version()}. Immutable; built by the client from the answer, or by
 * {@link ApiVersion#builder()} in integrators' tests, where every field not set is empty or absent.
 * The optional fields are sent only by some servers (BigBlueButton 3.0, Scalelite) or settings.
 * Holds nothing secret: {@code toString()} prints every field.
 */
@Value.Immutable
@ValueType
abstract class AbstractApiVersion {
    /** {@return the API version ({@code version}), e.g. {@code 2.0}, also what Scalelite reports; empty if not sent} */
    @Value.Default
    public String version() {
        return "";
    }

    /** {@return the API version of BigBlueButton 3.0 and later ({@code apiVersion}); empty on older servers} */
    public abstract Optional<String> apiVersion();

    /** {@return the BigBlueButton release ({@code bbbVersion}); empty unless the server allows it ({@code allowRevealOfBBBVersion})} */
    public abstract Optional<String> bbbVersion();

    /** {@return Scalelite's build identifier ({@code build}); empty from BigBlueButton itself} */
    public abstract Optional<String> build();

    /** {@return the GraphQL websocket URL of the html5 client ({@code graphqlWebsocketUrl}, BigBlueButton 3.0); empty on older servers} */
    public abstract Optional<String> graphqlWebsocketUrl();

    /** {@return the GraphQL API URL ({@code graphqlApiUrl}, BigBlueButton 3.0); empty on older servers} */
    public abstract Optional<String> graphqlApiUrl();

    /** {@return the version of the html5 plugin SDK ({@code html5PluginSdkVersion}, BigBlueButton 3.0); empty on older servers} */
    public abstract Optional<String> html5PluginSdkVersion();
}
