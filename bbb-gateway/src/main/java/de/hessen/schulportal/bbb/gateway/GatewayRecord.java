// SPDX-License-Identifier: Apache-2.0
package de.hessen.schulportal.bbb.gateway;

import de.hessen.schulportal.bbb.client.meeting.Role;
import de.hessen.schulportal.bbb.gateway.config.GatewayConfig;
import de.hessen.schulportal.bbb.gateway.config.Tenant;
import de.hessen.schulportal.bbb.gateway.internal.ParameterTable;
import de.hessen.schulportal.bbb.gateway.internal.ParameterTable.Treatment;
import de.hessen.schulportal.bbb.gateway.internal.Privacy;
import de.hessen.schulportal.bbb.portal.record.Flow;
import de.hessen.schulportal.bbb.portal.record.ProcessingRecord;
import de.hessen.schulportal.bbb.portal.retention.RecordingRetention;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The gateway's part of the record of processing activities, generated from its configuration:
 * what it passes from Moodle to BigBlueButton (display names as its name policy makes them, user
 * pseudonyms, meeting name and welcome text or not, metadata, the parameter table) for which
 * tenants. {@code bbb-gateway record [--lang de|en] [--html]} prints it with the service's
 * environment.
 */
public final class GatewayRecord {
    private static final String SAMPLE = "Maximilian Mustermann";

    private GatewayRecord() {
    }

    /**
     * The gateway's flow for {@link ProcessingRecord.Builder#flow(Flow)}.
     *
     * @param config the configuration
     * @return the flow
     */
    public static Flow flow(GatewayConfig config) {
        Privacy privacy = new Privacy(config, config.publicUrl().map(Object::toString).orElse("http://localhost/"));
        String viewer = privacy.displayName(Privacy.person(SAMPLE, Role.VIEWER, false, "1"));
        String moderator = privacy.displayName(Privacy.person(SAMPLE, Role.MODERATOR, false, "1"));
        String guest = privacy.displayName(Privacy.person(SAMPLE, Role.VIEWER, true, "1"));
        String tenants = config.tenants().stream().map(Tenant::id).collect(Collectors.joining(", "));
        List<String> meta = new ArrayList<>();
        meta.add("bbb-origin=" + config.origin());
        meta.add(RecordingRetention.META_SCHOOL);
        meta.addAll(config.metadataKeys());
        Flow.Builder f = Flow.builder("bbb-gateway")
                .text("where", "Moodle → bbb-gateway → BigBlueButton; Mandanten: " + tenants,
                        "Moodle → bbb-gateway → BigBlueButton; tenants: " + tenants)
                .text("purpose", "Videokonferenzen aus der Moodle-Aktivität BigBlueButton",
                        "video conferences from Moodle's BigBlueButton activity")
                .text("intro", "Was das Gateway von Moodle an BigBlueButton weitergibt (Beispiel für „" + SAMPLE + "“). "
                        + "Parameter, die nicht in seiner Tabelle stehen, gibt es nicht weiter.",
                        "What the gateway passes from Moodle to BigBlueButton (example for \"" + SAMPLE + "\"). "
                                + "Parameters not in its table are not passed on.")
                .row("Anzeigename Teilnehmende", "display name of participants", viewer, viewer, "Teilnahme", "taking part")
                .row("Anzeigename Moderation", "display name of moderators", moderator, moderator, "Moderation", "moderating")
                .row("Anzeigename Gäste", "display name of guests", guest, guest, "Teilnahme über den Warteraum",
                        "taking part through the lobby")
                .row("Nutzerkennung", "user ID", "Pseudonym je Konferenz und Mandant", "pseudonym per meeting and tenant",
                        "Zuordnung in der Konferenz", "telling participants apart")
                .row("Konferenzname", "meeting name", config.isForwardMeetingName() ? "aus Moodle übernommen" : "neutral („Unterricht“)",
                        config.isForwardMeetingName() ? "taken from Moodle" : "neutral (\"Unterricht\")", "Anzeige", "display")
                .row("Begrüßungstext", "welcome text", config.isForwardWelcome() ? "aus Moodle übernommen" : "nicht übermittelt",
                        config.isForwardWelcome() ? "taken from Moodle" : "not sent", "Anzeige", "display")
                .row("Metadaten", "metadata", String.join(", ", meta), String.join(", ", meta), "Zuordnung, Aufbewahrung",
                        "attribution, retention");
        Map<String, Treatment> create = ParameterTable.createTreatments();
        Map<String, Treatment> join = ParameterTable.joinTreatments();
        String dropped = names(create, Treatment.DROPPED) + "; join: " + names(join, Treatment.DROPPED);
        String rewritten = names(create, Treatment.REWRITTEN) + "; join: " + names(join, Treatment.REWRITTEN);
        f.row("Umgeschriebene Parameter", "rewritten parameters", "create: " + rewritten, "create: " + rewritten,
                "Pseudonymisierung", "pseudonymisation");
        f.row("Verworfene Parameter", "dropped parameters", "create: " + dropped, "create: " + dropped, "Datenminimierung",
                "data minimisation");
        return f.build();
    }

    private static String names(Map<String, Treatment> table, Treatment treatment) {
        String s = table.entrySet().stream().filter(e -> e.getValue() == treatment).map(Map.Entry::getKey)
                .collect(Collectors.joining(", "));
        return s.isEmpty() ? "–" : s;
    }

    /**
     * Prints the gateway's record with the service's environment.
     *
     * @param args {@code [--lang de|en] [--html]}
     * @param env the environment
     * @param out where the record goes
     * @param err errors
     * @return 0, or 2 for a configuration error
     */
    public static int run(String[] args, Map<String, String> env, PrintStream out, PrintStream err) {
        List<String> words = new ArrayList<>(List.of(args));
        boolean html = words.remove("--html");
        Locale locale = Locale.ENGLISH;
        int lang = words.indexOf("--lang");
        if (lang >= 0 && lang + 1 < words.size()) {
            locale = Locale.forLanguageTag(words.get(lang + 1));
        }
        try {
            ProcessingRecord record = ProcessingRecord.builder().flow(flow(GatewayEnvironment.config(env))).build();
            out.print(html ? record.toHtml(locale) : record.toMarkdown(locale));
            return 0;
        } catch (IllegalArgumentException | IllegalStateException e) {
            err.println("bbb-gateway record: " + e.getMessage());
            return 2;
        }
    }
}
