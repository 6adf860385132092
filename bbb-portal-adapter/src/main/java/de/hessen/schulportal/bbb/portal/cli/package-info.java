// SPDX-License-Identifier: Apache-2.0
/**
 * The data-protection officer's command line
 * ({@link de.hessen.schulportal.bbb.portal.cli.DataProtectionCli}): the record of processing,
 * retention (dry run and apply) and room erasure, configured by environment variables.
 */
package de.hessen.schulportal.bbb.portal.cli;
