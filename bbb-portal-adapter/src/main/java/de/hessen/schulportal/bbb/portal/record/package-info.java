// SPDX-License-Identifier: Apache-2.0
/**
 * The record of processing activities (Art. 30 GDPR, technical part), generated from the running
 * configuration: {@link de.hessen.schulportal.bbb.portal.record.ProcessingRecord}, in German and
 * English, as Markdown or HTML; {@link de.hessen.schulportal.bbb.portal.record.Flow} for flows other
 * components describe (the gateway).
 */
package de.hessen.schulportal.bbb.portal.record;
