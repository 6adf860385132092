// SPDX-License-Identifier: Apache-2.0
/** The gateway's configuration: tenants and the gateway-wide settings. Read from the environment by {@code GatewayEnvironment}. */
package de.hessen.schulportal.bbb.gateway.config;
