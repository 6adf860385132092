// SPDX-License-Identifier: Apache-2.0
/**
 * The SchulMoodle bridge: Moodle role assignments become the {@link de.hessen.schulportal.bbb.portal.SchoolRole}
 * and {@link de.hessen.schulportal.bbb.portal.Relation} of a
 * {@link de.hessen.schulportal.bbb.portal.Person}. Start at
 * {@link de.hessen.schulportal.bbb.portal.moodle.MoodleRoleMapping}.
 */
package de.hessen.schulportal.bbb.portal.moodle;
