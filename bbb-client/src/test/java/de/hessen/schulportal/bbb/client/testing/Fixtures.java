// SPDX-License-Identifier: Apache-2.0
package de.hessen.schulportal.bbb.client.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Reads the real BigBlueButton answers copied from public test suites (see fixtures/SOURCES.md). */
public final class Fixtures {
    private Fixtures() {
    }

    /**
     * A fixture's text.
     *
     * @param path the path below {@code fixtures/}, e.g. {@code littleredbutton-api-php/create_meeting.xml}
     * @return the content
     */
    public static String text(String path) {
        try (InputStream in = Fixtures.class.getResourceAsStream("/fixtures/" + path)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
