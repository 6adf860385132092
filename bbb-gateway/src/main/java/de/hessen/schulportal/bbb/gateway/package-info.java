// SPDX-License-Identifier: Apache-2.0
/** The privacy gateway: {@link de.hessen.schulportal.bbb.gateway.Gateway}, its environment configuration and its main class. */
package de.hessen.schulportal.bbb.gateway;
