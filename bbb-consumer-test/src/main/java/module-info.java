// SPDX-License-Identifier: Apache-2.0
/** An integrator's module: requires the SDK's published modules by name. */
module de.hessen.schulportal.bbb.consumer {
    requires de.hessen.schulportal.bbb.client;
    requires de.hessen.schulportal.bbb.testkit;
    requires de.hessen.schulportal.bbb.portal;
}
