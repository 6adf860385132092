// SPDX-License-Identifier: Apache-2.0
/**
 * The simulator's machinery: HTTP routing, checksum judging, meeting and recording state, XML and
 * JSON writing, outgoing callbacks. Not exported; nothing here is API.
 */
package de.hessen.schulportal.bbb.testkit.internal;
