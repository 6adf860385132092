// SPDX-License-Identifier: Apache-2.0
/**
 * Implementation details of the client: query encoding, signing, transport, XML mapping,
 * validation and redaction. Not exported from the module; nothing here is API.
 */
package de.hessen.schulportal.bbb.client.internal;
