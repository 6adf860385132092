// SPDX-License-Identifier: Apache-2.0
package de.hessen.schulportal.bbb.testkit.internal;

/**
 * A presentation document received with {@code create} or {@code insertDocument}. {@code content}
 * holds decoded inline bytes, or is {@code null} for URL documents (the simulator never fetches URLs).
 */
public record Document(String source, String url, String filename, String name, boolean current,
                       boolean downloadable, boolean removable, byte[] content) {
}
