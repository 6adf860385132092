// SPDX-License-Identifier: Apache-2.0
package de.hessen.schulportal.bbb.client;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The SDK's version, written into a resource by the build, for the default {@code User-Agent}. */
final class SdkVersion {
    static final String VERSION = read();

    private SdkVersion() {
    }

    private static String read() {
        Properties p = new Properties();
        try (InputStream in = SdkVersion.class.getResourceAsStream("sdk-version.properties")) {
            if (in != null) {
                p.load(in);
            }
        } catch (IOException e) {
            // A broken resource only costs the version in the header.
        }
        String v = p.getProperty("version", "");
        return v.isEmpty() || v.startsWith("$") ? "unknown" : v;
    }
}
