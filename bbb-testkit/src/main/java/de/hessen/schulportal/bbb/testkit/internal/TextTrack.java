// SPDX-License-Identifier: Apache-2.0
package de.hessen.schulportal.bbb.testkit.internal;

/** A text track of a recording. */
public record TextTrack(String kind, String lang, String label, String source, String href, byte[] content) {
}
