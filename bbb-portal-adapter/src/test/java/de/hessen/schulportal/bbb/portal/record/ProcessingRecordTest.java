// SPDX-License-Identifier: Apache-2.0
package de.hessen.schulportal.bbb.portal.record;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.hessen.schulportal.bbb.client.meeting.Role;
import de.hessen.schulportal.bbb.portal.Decision.Outcome;
import de.hessen.schulportal.bbb.portal.DisplayNamePolicy;
import de.hessen.schulportal.bbb.portal.MetadataPolicy;
import de.hessen.schulportal.bbb.portal.Pseudonyms;
import de.hessen.schulportal.bbb.portal.RoomKind;
import de.hessen.schulportal.bbb.portal.RolePolicy;
import de.hessen.schulportal.bbb.portal.SchoolConferences;
import de.hessen.schulportal.bbb.portal.SchoolRole;
import de.hessen.schulportal.bbb.portal.TenantDirectory;
import de.hessen.schulportal.bbb.portal.retention.RetentionPolicy;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * The record follows the code: each policy change shows up in the record (two generated records
 * compared, never a text compared with itself), and the example in docs/ is what the code
 * generates for the default configuration.
 */
class ProcessingRecordTest {
    static final byte[] KEY = "0123456789abcdef0123456789ABCDEF-test-key".getBytes(StandardCharsets.US_ASCII);
    /** Run with -Dbbb.updateDocs=true to rewrite the example in docs/ after a deliberate change. */
    private static final boolean UPDATE = Boolean.getBoolean("bbb.updateDocs");

    private static SchoolConferences.Builder conferences() {
        return SchoolConferences.builder().tenants(TenantDirectory.builder().build()).pseudonyms(Pseudonyms.of(KEY));
    }

    /** The example in docs/: the defaults of the adapter and of retention. */
    static ProcessingRecord defaultRecord() {
        return ProcessingRecord.builder(conferences().build()).retention(RetentionPolicy.defaults()).build();
    }

    private static String row(String markdown, String group) {
        return markdown.lines().filter(l -> l.startsWith("| " + group + " |")).findFirst()
                .orElseThrow(() -> new AssertionError("no row for " + group + " in\n" + markdown));
    }

    private static String english(UnaryOperator<SchoolConferences.Builder> change, RetentionPolicy retention) {
        return ProcessingRecord.builder(change.apply(conferences()).build()).retention(retention).build()
                .toMarkdown(Locale.ENGLISH);
    }

    @Test
    void record_withoutALocale_namesTheParameter() {
        ProcessingRecord record = defaultRecord();
        assertThatThrownBy(() -> record.toMarkdown(null)).isInstanceOf(NullPointerException.class).hasMessage("locale");
        assertThatThrownBy(() -> record.toHtml(null)).isInstanceOf(NullPointerException.class).hasMessage("locale");
        assertThat(record.toMarkdown(Locale.forLanguageTag("de-AT"))).isEqualTo(record.toMarkdown(Locale.GERMAN));
        assertThat(record.toMarkdown(Locale.FRENCH)).isEqualTo(record.toMarkdown(Locale.ENGLISH));
    }

    @Test
    void defaults_sayWhatLeavesTheSchool_perGroup() {
        String en = defaultRecord().toMarkdown(Locale.ENGLISH);
        assertThat(row(en, "Pupils")).contains("Maximilian M.").contains("first name and initial")
                .contains("lesson (viewer)").doesNotContain("staff meeting").contains("webcam not in the recording")
                .contains("excluded").contains("different in every room");
        assertThat(row(en, "Parents")).contains("Maximilian Mustermann").contains("marked").contains("consultation (lobby)")
                .doesNotContain("lesson (");
        assertThat(row(en, "Guests")).contains("lobby").doesNotContain("(viewer)");
        assertThat(row(en, "Teachers")).contains("full name").contains("lesson (moderator)");
        assertThat(en).contains("| lesson | bbb-origin=schulportal").contains("room-school")
                .contains("not at all (deleted at the next run)").contains("30 days");
        String de = defaultRecord().toMarkdown(Locale.GERMAN);
        assertThat(row(de, "Schülerinnen und Schüler")).contains("Maximilian M.").contains("Vorname und Initial");
        assertThat(de).contains("Verzeichnis von Verarbeitungstätigkeiten").contains("30 Tage");
        // Nothing of the sample person's portal ID, nor a pseudonym value (key-dependent), is in the record.
        assertThat(en).doesNotContain("record-sample").doesNotContainPattern("sp-[a-z2-7]{26}");
    }

    @Test
    void changeTheNamePolicy_theRecordChanges() {
        String before = row(english(b -> b, RetentionPolicy.defaults()), "Pupils");
        String after = row(english(b -> b.displayNames(DisplayNamePolicy.builder()
                .format(SchoolRole.STUDENT, DisplayNamePolicy.Format.FULL_NAME).build()), RetentionPolicy.defaults()), "Pupils");
        assertThat(before).contains("Maximilian M.");
        assertThat(after).contains("Maximilian Mustermann").contains("full name").doesNotContain("initial");
    }

    @Test
    void changeTheRolePolicy_theRecordChanges() {
        RolePolicy parentsInLessons = RolePolicy.defaults().toBuilder().member(RoomKind.LESSON, SchoolRole.PARENT, Outcome.VIEWER)
                .build();
        assertThat(row(english(b -> b.rolePolicy(parentsInLessons), RetentionPolicy.defaults()), "Parents"))
                .contains("lesson (viewer)");
    }

    @Test
    void changeConsentRetentionMetadataOrUserScope_theRecordChanges() {
        assertThat(row(english(b -> b.nonConsentingListenOnly(true), RetentionPolicy.defaults()), "Pupils"))
                .contains("listen only in recorded conferences");
        assertThat(english(b -> b, RetentionPolicy.builder().keep(RoomKind.LESSON, Duration.ofDays(14)).build()))
                .contains("| lesson |").containsPattern("\\| lesson \\|[^\\n]*\\| 14 days \\|");
        assertThat(ProcessingRecord.builder(conferences().build()).build().toMarkdown(Locale.ENGLISH))
                .contains("no automatic deletion configured");
        assertThat(english(b -> b.metadataPolicy(MetadataPolicy.defaults().allow("school-tenant"))
                .metadata("school-tenant", "nord"), RetentionPolicy.defaults())).contains("school-tenant=nord");
        assertThat(row(english(b -> b.pseudonyms(Pseudonyms.of(KEY, "sp-", Pseudonyms.Scope.SCHOOL)), RetentionPolicy.defaults()),
                "Pupils")).contains("the same in all rooms of the school");
    }

    @Test
    void html_isEscaped_andHasNoScript() {
        String html = ProcessingRecord.builder(conferences().build()).recipient("Cluster <Nord> & Süd").build()
                .toHtml(Locale.GERMAN);
        assertThat(html).startsWith("<!DOCTYPE html>").contains("<html lang=\"de\">").contains("Cluster &lt;Nord&gt; &amp; Süd")
                .doesNotContain("<script").contains("<td>Maximilian M.</td>");
        assertThat(Role.VIEWER).isNotNull();
    }

    @Test
    void docsExample_isWhatTheCodeGenerates() throws IOException {
        ProcessingRecord record = defaultRecord();
        for (Locale locale : new Locale[] {Locale.ENGLISH, Locale.GERMAN}) {
            Path file = Path.of("..", "docs", "record-of-processing." + locale.getLanguage() + ".md");
            String generated = "<!-- Generated by ProcessingRecord for the default configuration; "
                    + "ProcessingRecordTest checks it is current. -->\n\n" + record.toMarkdown(locale);
            if (UPDATE) {
                Files.writeString(file, generated, StandardCharsets.UTF_8);
            }
            assertThat(Files.readString(file, StandardCharsets.UTF_8)).as("%s is stale: run ProcessingRecordTest with "
                    + "-Dbbb.updateDocs=true and review the difference", file).isEqualTo(generated);
        }
    }
}
