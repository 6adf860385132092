// SPDX-License-Identifier: Apache-2.0
/**
 * The portal adapter: school roles and rooms become safe BigBlueButton meetings. An explainable
 * {@link de.hessen.schulportal.bbb.portal.RolePolicy} decides who moderates, who waits in the lobby
 * and who is denied; {@link de.hessen.schulportal.bbb.portal.SchoolConferences} carries the
 * decision out with pseudonymous IDs, per-kind meeting defaults and no recording without permission.
 *
 * <p>Start at {@link de.hessen.schulportal.bbb.portal.SchoolConferences}.
 */
// ICU4J ships no module-info, only Automatic-Module-Name: com.ibm.icu; Immutables is an automatic module too,
// needed only while compiling (requires static).
@SuppressWarnings("requires-automatic")
module de.hessen.schulportal.bbb.portal {
    requires static org.immutables.value;
    requires transitive de.hessen.schulportal.bbb.client;
    requires org.slf4j;
    // UTS #39 confusable skeletons and restriction levels for display names.
    requires com.ibm.icu;

    exports de.hessen.schulportal.bbb.portal;
    exports de.hessen.schulportal.bbb.portal.moodle;
    exports de.hessen.schulportal.bbb.portal.audit;
    exports de.hessen.schulportal.bbb.portal.retention;
    exports de.hessen.schulportal.bbb.portal.record;
    exports de.hessen.schulportal.bbb.portal.cli;
}
