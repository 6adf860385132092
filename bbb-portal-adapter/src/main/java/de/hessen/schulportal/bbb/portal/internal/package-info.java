// SPDX-License-Identifier: Apache-2.0
/**
 * The adapter's own machinery, not exported: the style of its generated value types and the rule
 * for its two languages.
 */
package de.hessen.schulportal.bbb.portal.internal;
