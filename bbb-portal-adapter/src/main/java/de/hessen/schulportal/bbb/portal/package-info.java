// SPDX-License-Identifier: Apache-2.0
/**
 * School roles and rooms become safe BigBlueButton meetings. Start at
 * {@link de.hessen.schulportal.bbb.portal.SchoolConferences}; the decisions are made by
 * {@link de.hessen.schulportal.bbb.portal.RolePolicy}.
 */
package de.hessen.schulportal.bbb.portal;
