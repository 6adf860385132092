// SPDX-License-Identifier: Apache-2.0
package de.hessen.schulportal.bbb.portal.record;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A further data flow for the {@link ProcessingRecord}, described by the component that makes it
 * (the gateway describes what it passes on from Moodle), in German and English.
 *
 * <pre>{@code
 * Flow flow = Flow.builder("Datenschutz-Gateway")
 *         .text("where", "Moodle → Gateway → BigBlueButton", "Moodle → gateway → BigBlueButton")
 *         .text("purpose", "Videokonferenzen aus Moodle", "video conferences from Moodle")
 *         .text("intro", "…", "…")
 *         .row("Anzeigename", "display name", "Vorname und Initial", "first name and initial", "Anzeige", "display")
 *         .build();
 * }</pre>
 *
 * <p>Immutable.
 */
public final class Flow {
    final String system;
    private final Map<String, String[]> texts;
    private final List<String[]> rows;

    private Flow(Builder b) {
        this.system = b.system;
        this.texts = Map.copyOf(b.texts);
        this.rows = List.copyOf(b.rows);
    }

    /**
     * Starts a flow.
     *
     * @param system the system's name as the record shows it
     * @return a new builder
     */
    public static Builder builder(String system) {
        return new Builder(Objects.requireNonNull(system, "system"));
    }

    String text(String lang, String key) {
        String[] t = texts.get(key);
        return t == null ? "" : "de".equals(lang) ? t[0] : t[1];
    }

    List<List<String>> rows(String lang) {
        int o = "de".equals(lang) ? 0 : 1;
        List<List<String>> out = new ArrayList<>();
        for (String[] r : rows) {
            out.add(List.of(r[o], r[2 + o], r[4 + o]));
        }
        return out;
    }

    @Override
    public String toString() {
        return "Flow{" + system + ", rows=" + rows.size() + '}';
    }

    /**
     * Builds a {@link Flow}. Each method returns this builder; a {@code null} argument throws
     * {@link NullPointerException}. Not thread-safe.
     */
    public static final class Builder {
        private final String system;
        private final Map<String, String[]> texts = new HashMap<>();
        private final List<String[]> rows = new ArrayList<>();

        private Builder(String system) {
            this.system = system;
        }

        /**
         * A text of the flow: {@code where} (the path the data takes), {@code purpose},
         * {@code intro} (a paragraph above its table).
         *
         * @param key the key
         * @param german the German text
         * @param english the English text
         */
        public Builder text(String key, String german, String english) {
            texts.put(Objects.requireNonNull(key, "key"),
                    new String[] {Objects.requireNonNull(german, "german"), Objects.requireNonNull(english, "english")});
            return this;
        }

        /**
         * One datum of the flow.
         *
         * @param dataDe the datum, German
         * @param dataEn the datum, English
         * @param formDe the form it leaves in (pseudonym, initial, full name), German
         * @param formEn the form, English
         * @param purposeDe what for, German
         * @param purposeEn what for, English
         */
        public Builder row(String dataDe, String dataEn, String formDe, String formEn, String purposeDe, String purposeEn) {
            rows.add(new String[] {Objects.requireNonNull(dataDe), Objects.requireNonNull(dataEn),
                Objects.requireNonNull(formDe), Objects.requireNonNull(formEn), Objects.requireNonNull(purposeDe),
                Objects.requireNonNull(purposeEn)});
            return this;
        }

        /**
         * Builds the flow.
         *
         * @return the flow
         */
        public Flow build() {
            return new Flow(this);
        }
    }
}
