// SPDX-License-Identifier: Apache-2.0
package de.hessen.schulportal.bbb.testkit.internal;

/**
 * A presentation document received with {@code create} or {@code insertDocument}. {@code content}
 * holds decoded inline bytes, the downloaded bytes of a URL document of {@code create} once
 * fetched, or {@code null}.
 */
public record Document(String source, String url, String filename, String name, boolean current,
                       boolean downloadable, boolean removable, byte[] content) {
}
