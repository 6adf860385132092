// SPDX-License-Identifier: Apache-2.0
package de.hessen.schulportal.bbb.portal.cli;

import de.hessen.schulportal.bbb.client.BbbClient;
import de.hessen.schulportal.bbb.client.BbbException;
import de.hessen.schulportal.bbb.portal.Pseudonyms;
import de.hessen.schulportal.bbb.portal.RoomKind;
import de.hessen.schulportal.bbb.portal.School;
import de.hessen.schulportal.bbb.portal.SchoolConferences;
import de.hessen.schulportal.bbb.portal.TenantDirectory;
import de.hessen.schulportal.bbb.portal.TenantNotFoundException;
import de.hessen.schulportal.bbb.portal.record.ProcessingRecord;
import de.hessen.schulportal.bbb.portal.retention.RecordingRetention;
import de.hessen.schulportal.bbb.portal.retention.RetentionPolicy;
import de.hessen.schulportal.bbb.portal.retention.RetentionReport;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The data-protection officer's command line, in the adapter's jar (JDK only, no framework):
 *
 * <pre>
 * record [--lang de|en] [--html]          the record of processing for this configuration
 * retention --dry-run SCHOOL_ID...        the plan: pseudonymous room, kind, age, period, action
 * retention --apply SCHOOL_ID...          delete what is past its period (safe to rerun)
 * erase SCHOOL_ID ROOM_ID                 delete every recording of one room
 * </pre>
 *
 * <p>Configured by environment variables, one BigBlueButton server or Scalelite tenant per run:
 * {@code BBB_URL}, {@code BBB_SECRET}, {@code BBB_PSEUDONYM_KEY} (the portal's key, Base64),
 * optionally {@code BBB_PREVIOUS_PSEUDONYM_KEYS} (retired keys, comma-separated),
 * {@code BBB_RETENTION} (e.g. {@code conference=30,staff-meeting=30}: days per room kind; kinds
 * not named are not kept; default {@link RetentionPolicy#defaults()}) and
 * {@code BBB_FOREIGN_RETENTION_DAYS} (also judge recordings the SDK did not create; default never).
 * Deletions are written to standard error as audit lines ({@code event=recording-deleted …}).
 *
 * <p>Run: {@code java -cp bbb-portal-adapter.jar:bbb-client.jar:… de.hessen.schulportal.bbb.portal.cli.DataProtectionCli retention --dry-run 6021}.
 * Exit status 0 on success, 1 if a delete failed (rerun later), 2 for a usage or server error.
 */
public final class DataProtectionCli {
    private final Map<String, String> env;
    private final PrintStream out;
    private final PrintStream err;
    private final Clock clock;

    DataProtectionCli(Map<String, String> env, PrintStream out, PrintStream err, Clock clock) {
        this.env = env;
        this.out = out;
        this.err = err;
        this.clock = clock;
    }

    /**
     * Runs one command with the process environment.
     *
     * @param args the command and its arguments
     */
    public static void main(String[] args) {
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        PrintStream err = new PrintStream(System.err, true, StandardCharsets.UTF_8);
        System.exit(new DataProtectionCli(System.getenv(), out, err, Clock.systemUTC()).run(args));
    }

    int run(String... args) {
        List<String> words = new ArrayList<>(Arrays.asList(args));
        String command = words.isEmpty() ? "help" : words.remove(0);
        try {
            switch (command) {
                case "record":
                    return record(words);
                case "retention":
                    return retention(words);
                case "erase":
                    return erase(words);
                default:
                    return usage(command.equals("help") ? null : "unknown command '" + command + "'");
            }
        } catch (IllegalArgumentException | TenantNotFoundException e) {
            return usage(e.getMessage());
        } catch (BbbException e) {
            err.println("error: " + e.getClass().getSimpleName() + ": " + e.getMessage());
            return 2;
        }
    }

    private int record(List<String> words) {
        boolean html = words.remove("--html");
        Locale locale = Locale.ENGLISH;
        int lang = words.indexOf("--lang");
        if (lang >= 0) {
            if (lang + 1 >= words.size()) {
                return usage("--lang needs de or en");
            }
            locale = Locale.forLanguageTag(words.get(lang + 1));
            words.subList(lang, lang + 2).clear();
        }
        if (!words.isEmpty()) {
            return usage("record takes no further arguments, got " + words);
        }
        Pseudonyms pseudonyms = pseudonyms("BBB_PSEUDONYM_KEY");
        SchoolConferences conferences = SchoolConferences.builder().tenants(school -> {
            throw new TenantNotFoundException(school.id());
        }).pseudonyms(pseudonyms).build();
        ProcessingRecord.Builder b = ProcessingRecord.builder(conferences).retention(policy());
        String url = env.get("BBB_URL");
        if (url != null && !url.isBlank()) {
            b.recipient("BigBlueButton (" + java.net.URI.create(url.strip()).getHost() + ")");
        }
        ProcessingRecord record = b.build();
        out.print(html ? record.toHtml(locale) : record.toMarkdown(locale));
        return 0;
    }

    private int retention(List<String> words) {
        boolean dry = words.remove("--dry-run");
        boolean apply = words.remove("--apply");
        if (dry == apply) {
            return usage("retention needs exactly one of --dry-run and --apply");
        }
        List<School> schools = schools(words);
        try (BbbClient bbb = client()) {
            RecordingRetention retention = retention(bbb);
            RetentionReport report = dry ? retention.plan(schools) : retention.apply(schools);
            out.print(report.toText());
            return report.count(RetentionReport.Result.FAILED) > 0 ? 1 : 0;
        }
    }

    private int erase(List<String> words) {
        if (words.size() != 2) {
            return usage("erase needs SCHOOL_ID ROOM_ID");
        }
        try (BbbClient bbb = client()) {
            RetentionReport report = retention(bbb).eraseRoom(School.of(words.get(0)), words.get(1));
            out.print(report.toText());
            return report.count(RetentionReport.Result.FAILED) > 0 ? 1 : 0;
        }
    }

    private RecordingRetention retention(BbbClient bbb) {
        RecordingRetention.Builder b = RecordingRetention.builder().tenants(TenantDirectory.single(bbb))
                .pseudonyms(pseudonyms("BBB_PSEUDONYM_KEY")).policy(policy()).clock(clock)
                .auditListener(e -> err.println(e.toLine()));
        String previous = env.get("BBB_PREVIOUS_PSEUDONYM_KEYS");
        if (previous != null && !previous.isBlank()) {
            for (String key : previous.split(",")) {
                b.previousPseudonyms(decode("BBB_PREVIOUS_PSEUDONYM_KEYS", key));
            }
        }
        String foreign = env.get("BBB_FOREIGN_RETENTION_DAYS");
        if (foreign != null && !foreign.isBlank()) {
            b.foreignRecordings(Duration.ofDays(days("BBB_FOREIGN_RETENTION_DAYS", foreign)));
        }
        return b.build();
    }

    private RetentionPolicy policy() {
        String spec = env.get("BBB_RETENTION");
        if (spec == null || spec.isBlank()) {
            return RetentionPolicy.defaults();
        }
        RetentionPolicy.Builder b = RetentionPolicy.builder();
        for (String part : spec.split(",")) {
            String[] kv = part.strip().split("=", 2);
            RoomKind kind = Arrays.stream(RoomKind.values()).filter(k -> k.wireValue().equals(kv[0].strip())).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("BBB_RETENTION: unknown room kind '" + kv[0].strip()
                            + "' (lesson, tutoring, consultation, staff-meeting, conference)"));
            if (kv.length != 2) {
                throw new IllegalArgumentException("BBB_RETENTION: '" + kind.wireValue() + "' needs =DAYS");
            }
            b.keep(kind, Duration.ofDays(days("BBB_RETENTION", kv[1])));
        }
        return b.build();
    }

    private static long days(String variable, String value) {
        try {
            long days = Long.parseLong(value.strip());
            if (days < 0) {
                throw new NumberFormatException();
            }
            return days;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(variable + ": days must be a whole number, zero or more");
        }
    }

    private BbbClient client() {
        String url = env.get("BBB_URL");
        String secret = env.get("BBB_SECRET");
        if (url == null || url.isBlank() || secret == null || secret.isBlank()) {
            throw new IllegalArgumentException("set BBB_URL and BBB_SECRET (the server or Scalelite tenant)");
        }
        return BbbClient.builder().baseUrl(url.strip()).secret(secret.strip()).build();
    }

    private Pseudonyms pseudonyms(String variable) {
        String key = env.get(variable);
        if (key == null || key.isBlank()) {
            throw new IllegalArgumentException("set " + variable + " (the portal's pseudonym key, Base64)");
        }
        return decode(variable, key);
    }

    private static Pseudonyms decode(String variable, String key) {
        try {
            return Pseudonyms.fromBase64(key.strip());
        } catch (IllegalArgumentException e) {
            // Not chained and not echoed: the message must not carry any part of a key.
            throw new IllegalArgumentException(variable + " must be Base64 of at least 32 random bytes");
        }
    }

    private static List<School> schools(List<String> ids) {
        if (ids.isEmpty()) {
            throw new IllegalArgumentException("name at least one SCHOOL_ID");
        }
        List<School> schools = new ArrayList<>();
        ids.forEach(id -> schools.add(School.of(id)));
        return schools;
    }

    private int usage(String problem) {
        if (problem != null) {
            err.println("error: " + problem);
        }
        err.println("usage: DataProtectionCli record [--lang de|en] [--html]");
        err.println("       DataProtectionCli retention --dry-run|--apply SCHOOL_ID...");
        err.println("       DataProtectionCli erase SCHOOL_ID ROOM_ID");
        err.println("environment: BBB_URL, BBB_SECRET, BBB_PSEUDONYM_KEY, BBB_PREVIOUS_PSEUDONYM_KEYS, BBB_RETENTION, "
                + "BBB_FOREIGN_RETENTION_DAYS");
        return problem == null ? 0 : 2;
    }
}
