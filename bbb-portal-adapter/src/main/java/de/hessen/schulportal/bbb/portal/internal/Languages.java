// SPDX-License-Identifier: Apache-2.0
package de.hessen.schulportal.bbb.portal.internal;

import java.util.Locale;
import java.util.Objects;

/**
 * The one rule for the adapter's two languages: German for a locale whose language is {@code de}
 * ({@code de-DE}, {@code de-AT}, …), English for every other. Used by the decision reasons and the
 * processing record; public only because they live in different packages, not exported.
 */
public final class Languages {
    private Languages() {
    }

    /**
     * Whether texts for this locale are German.
     *
     * @param locale the reader's locale
     * @return {@code true} if its language is {@code de}
     * @throws NullPointerException naming {@code locale} if it is {@code null}
     */
    public static boolean isGerman(Locale locale) {
        return "de".equals(Objects.requireNonNull(locale, "locale").getLanguage());
    }
}
