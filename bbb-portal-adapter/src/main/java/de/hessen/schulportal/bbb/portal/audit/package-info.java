// SPDX-License-Identifier: Apache-2.0
/**
 * The audit trail without personal data: {@link de.hessen.schulportal.bbb.portal.audit.AuditEvent}
 * (one decision, pseudonyms and keys only, one line shape shared with the gateway) and
 * {@link de.hessen.schulportal.bbb.portal.audit.AuditListener}. Depends on nothing else of the
 * adapter.
 */
package de.hessen.schulportal.bbb.portal.audit;
