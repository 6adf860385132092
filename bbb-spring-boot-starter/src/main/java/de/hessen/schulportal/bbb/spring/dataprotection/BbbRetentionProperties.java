// SPDX-License-Identifier: Apache-2.0
package de.hessen.schulportal.bbb.spring.dataprotection;

import de.hessen.schulportal.bbb.portal.RoomKind;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Recording retention ({@code bbb.retention.*}): off unless {@code bbb.retention.enabled=true}, and
 * then only a dry run (the plan in the log) unless {@code bbb.retention.apply=true}.
 */
@ConfigurationProperties("bbb.retention")
public class BbbRetentionProperties {
    /** Schedule the retention job (needs bbb.portal.pseudonym-key and bbb.retention.schools). */
    private boolean enabled;

    /** Delete for real; otherwise each run only logs its plan (a dry run). */
    private boolean apply;

    /** The school IDs whose recordings are judged. */
    private List<String> schools = new ArrayList<>();

    /** When the job runs, a Spring cron expression (second minute hour day month weekday). */
    private String cron = "0 30 2 * * *";

    /** The time zone of the cron expression. */
    private String zone = "Europe/Berlin";

    /** Retention period per room kind; kinds not named are not kept. Default: conference and staff-meeting 30d, the others 0. */
    private Map<RoomKind, Duration> periods = new EnumMap<>(RoomKind.class);

    /** A school's own periods, by school ID and room kind. */
    private Map<String, Map<RoomKind, Duration>> schoolPeriods = new LinkedHashMap<>();

    /** Pseudonym keys retired by a rotation (Base64): their recordings are found too. Keep them as secret as the current key. */
    private List<String> previousPseudonymKeys = new ArrayList<>();

    /** Also judge recordings the SDK did not create (no school pseudonym in their metadata), with this period. Default: never touched. */
    private Duration foreignRecordings;

    /** Created by Spring. */
    public BbbRetentionProperties() {
    }

    /**
     * Whether the job is scheduled.
     *
     * @return the flag
     */
    public boolean isEnabled() {
        return enabled;
    }

    /**
     * Whether the job is scheduled.
     *
     * @param enabled the flag
     */
    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    /**
     * Whether the job deletes.
     *
     * @return the flag
     */
    public boolean isApply() {
        return apply;
    }

    /**
     * Whether the job deletes.
     *
     * @param apply the flag
     */
    public void setApply(boolean apply) {
        this.apply = apply;
    }

    /**
     * The schools judged.
     *
     * @return the school IDs
     */
    public List<String> getSchools() {
        return schools;
    }

    /**
     * The schools judged.
     *
     * @param schools the school IDs
     */
    public void setSchools(List<String> schools) {
        this.schools = schools;
    }

    /**
     * When the job runs.
     *
     * @return the cron expression
     */
    public String getCron() {
        return cron;
    }

    /**
     * When the job runs.
     *
     * @param cron the cron expression
     */
    public void setCron(String cron) {
        this.cron = cron;
    }

    /**
     * The cron expression's time zone.
     *
     * @return the zone ID
     */
    public String getZone() {
        return zone;
    }

    /**
     * The cron expression's time zone.
     *
     * @param zone the zone ID
     */
    public void setZone(String zone) {
        this.zone = zone;
    }

    /**
     * Periods per room kind.
     *
     * @return the periods
     */
    public Map<RoomKind, Duration> getPeriods() {
        return periods;
    }

    /**
     * Periods per room kind.
     *
     * @param periods the periods
     */
    public void setPeriods(Map<RoomKind, Duration> periods) {
        this.periods = periods;
    }

    /**
     * Periods of single schools.
     *
     * @return by school ID
     */
    public Map<String, Map<RoomKind, Duration>> getSchoolPeriods() {
        return schoolPeriods;
    }

    /**
     * Periods of single schools.
     *
     * @param schoolPeriods by school ID
     */
    public void setSchoolPeriods(Map<String, Map<RoomKind, Duration>> schoolPeriods) {
        this.schoolPeriods = schoolPeriods;
    }

    /**
     * Retired pseudonym keys.
     *
     * @return the keys, Base64
     */
    public List<String> getPreviousPseudonymKeys() {
        return previousPseudonymKeys;
    }

    /**
     * Retired pseudonym keys.
     *
     * @param previousPseudonymKeys the keys, Base64
     */
    public void setPreviousPseudonymKeys(List<String> previousPseudonymKeys) {
        this.previousPseudonymKeys = previousPseudonymKeys;
    }

    /**
     * The period for recordings the SDK did not create.
     *
     * @return the period, or null for never
     */
    public Duration getForeignRecordings() {
        return foreignRecordings;
    }

    /**
     * The period for recordings the SDK did not create.
     *
     * @param foreignRecordings the period, or null for never
     */
    public void setForeignRecordings(Duration foreignRecordings) {
        this.foreignRecordings = foreignRecordings;
    }

    @Override
    public String toString() {
        return "BbbRetentionProperties{enabled=" + enabled + ", apply=" + apply + ", schools=" + schools.size() + ", cron="
                + cron + ", periods=" + periods + ", previousPseudonymKeys=" + previousPseudonymKeys.size() + '}';
    }
}
