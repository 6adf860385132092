// SPDX-License-Identifier: Apache-2.0
/** The gateway's mechanism: checksum check, privacy rules, forwarding, callbacks, HTTP handling. Not exported. */
package de.hessen.schulportal.bbb.gateway.internal;
