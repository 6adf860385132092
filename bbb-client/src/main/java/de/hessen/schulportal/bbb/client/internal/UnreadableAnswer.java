// SPDX-License-Identifier: Apache-2.0
package de.hessen.schulportal.bbb.client.internal;

/**
 * An answer that is not readable as the XML or JSON it should be: empty, HTML, broken, hostile.
 * The message says what was wrong without quoting more than a bounded line of the document.
 */
public final class UnreadableAnswer extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** Creates it. */
    public UnreadableAnswer(String message) {
        super(message);
    }
}
