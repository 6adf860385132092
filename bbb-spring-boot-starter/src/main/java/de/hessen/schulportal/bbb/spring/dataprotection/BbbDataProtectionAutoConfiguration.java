// SPDX-License-Identifier: Apache-2.0
package de.hessen.schulportal.bbb.spring.dataprotection;

import de.hessen.schulportal.bbb.portal.Pseudonyms;
import de.hessen.schulportal.bbb.portal.School;
import de.hessen.schulportal.bbb.portal.SchoolConferences;
import de.hessen.schulportal.bbb.portal.TenantDirectory;
import de.hessen.schulportal.bbb.portal.audit.AuditListener;
import de.hessen.schulportal.bbb.portal.record.ProcessingRecord;
import de.hessen.schulportal.bbb.portal.retention.RecordingRetention;
import de.hessen.schulportal.bbb.portal.retention.RetentionPolicy;
import de.hessen.schulportal.bbb.spring.BbbAutoConfiguration;
import de.hessen.schulportal.bbb.spring.BbbConfigurationException;
import de.hessen.schulportal.bbb.spring.BbbProperties;
import java.net.URI;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The data-protection officer's toolkit in a Spring Boot portal: the adapter's audit events to the
 * logger {@value #AUDIT_LOGGER} ({@code bbb.audit.enabled}, on by default), the recording retention
 * job on a schedule ({@code bbb.retention.*}, off unless configured) and the record of processing
 * as the actuator endpoint {@code bbbrecord} (off by default).
 */
@AutoConfiguration(after = BbbAutoConfiguration.class)
@EnableConfigurationProperties(BbbRetentionProperties.class)
public class BbbDataProtectionAutoConfiguration {
    /** The logger the audit events go to, one INFO line each. */
    public static final String AUDIT_LOGGER = "de.hessen.schulportal.bbb.audit";

    /** Created by Spring. */
    public BbbDataProtectionAutoConfiguration() {
    }

    /**
     * Writes each audit event as one INFO line ({@code AuditEvent.toLine()}) to {@value #AUDIT_LOGGER}.
     *
     * @return the listener
     */
    @Bean
    @ConditionalOnMissingBean(AuditListener.class)
    @ConditionalOnProperty(prefix = "bbb.audit", name = "enabled", matchIfMissing = true)
    public AuditListener bbbAuditListener() {
        Logger audit = LoggerFactory.getLogger(AUDIT_LOGGER);
        return event -> audit.info(event.toLine());
    }

    /**
     * The retention policy from {@code bbb.retention.periods}; the defaults if none is set.
     *
     * @param properties the retention properties
     * @return the policy
     */
    @Bean
    @ConditionalOnMissingBean(RetentionPolicy.class)
    @ConditionalOnProperty(prefix = "bbb.retention", name = "enabled", havingValue = "true")
    public RetentionPolicy bbbRetentionPolicy(BbbRetentionProperties properties) {
        return properties.getPeriods().isEmpty() ? RetentionPolicy.defaults() : policy(properties.getPeriods());
    }

    private static RetentionPolicy policy(Map<de.hessen.schulportal.bbb.portal.RoomKind, java.time.Duration> periods) {
        RetentionPolicy.Builder b = RetentionPolicy.builder();
        periods.forEach(b::keep);
        return b.build();
    }

    /**
     * The retention job, configured like the portal's {@link SchoolConferences}.
     *
     * @param retention the retention properties
     * @param bbb the starter's properties (the pseudonym key)
     * @param tenants the tenant directory
     * @param policy the policy
     * @param audit the audit listener, if any
     * @return the job
     */
    @Bean
    @ConditionalOnMissingBean(RecordingRetention.class)
    @ConditionalOnProperty(prefix = "bbb.retention", name = "enabled", havingValue = "true")
    public RecordingRetention bbbRecordingRetention(BbbRetentionProperties retention, BbbProperties bbb,
            ObjectProvider<TenantDirectory> tenants, RetentionPolicy policy, ObjectProvider<AuditListener> audit) {
        TenantDirectory directory = tenants.getIfUnique();
        if (directory == null) {
            throw new BbbConfigurationException("bbb.retention.enabled", "is true, but no BigBlueButton server is configured",
                    "Set bbb.url and bbb.secret, or bbb.tenants.<school-id>.url and .secret.");
        }
        if (retention.getSchools().isEmpty()) {
            throw new BbbConfigurationException("bbb.retention.schools", "is empty",
                    "List the school IDs whose recordings the job judges.");
        }
        RecordingRetention.Builder b = RecordingRetention.builder().tenants(directory)
                .pseudonyms(key("bbb.portal.pseudonym-key", bbb.getPortal().getPseudonymKey())).policy(policy)
                .auditListener(audit.getIfAvailable(() -> AuditListener.NONE));
        for (String old : retention.getPreviousPseudonymKeys()) {
            b.previousPseudonyms(key("bbb.retention.previous-pseudonym-keys", old));
        }
        retention.getSchoolPeriods().forEach((school, periods) -> b.schoolPolicy(school, policy(periods)));
        if (retention.getForeignRecordings() != null) {
            b.foreignRecordings(retention.getForeignRecordings());
        }
        return b.build();
    }

    private static Pseudonyms key(String property, String value) {
        if (value == null || value.isBlank()) {
            throw new BbbConfigurationException(property, "is not set", "Set the portal's pseudonym key (Base64).");
        }
        try {
            return Pseudonyms.fromBase64(value);
        } catch (IllegalArgumentException e) {
            // Not chained: the cause must not carry any part of the key into a log.
            throw new BbbConfigurationException(property, "must be Base64 of at least 32 random bytes, not all the same",
                    "Use the key exactly as the portal used it.");
        }
    }

    /**
     * The schedule that runs the job.
     *
     * @param retention the job
     * @param properties the retention properties
     * @return the schedule, started with the context
     */
    @Bean
    @ConditionalOnMissingBean(BbbRetentionSchedule.class)
    @ConditionalOnBean(RecordingRetention.class)
    public BbbRetentionSchedule bbbRetentionSchedule(RecordingRetention retention, BbbRetentionProperties properties) {
        List<School> schools = new ArrayList<>();
        properties.getSchools().forEach(id -> schools.add(School.of(id)));
        return new BbbRetentionSchedule(retention, schools, properties.isApply(), properties.getCron(),
                ZoneId.of(properties.getZone()));
    }

    /** The record of processing as an actuator endpoint, where Spring Boot Actuator is present. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(Endpoint.class)
    @ConditionalOnBean(SchoolConferences.class)
    static class RecordEndpointConfiguration {
        @Bean
        @ConditionalOnMissingBean(BbbRecordEndpoint.class)
        BbbRecordEndpoint bbbRecordEndpoint(SchoolConferences conferences, ObjectProvider<RetentionPolicy> policy,
                BbbProperties properties) {
            ProcessingRecord.Builder b = ProcessingRecord.builder(conferences);
            policy.ifAvailable(b::retention);
            if (properties.getUrl() != null) {
                b.recipient("BigBlueButton (" + URI.create(properties.getUrl()).getHost() + ")");
            }
            properties.getTenants().forEach((school, tenant) -> {
                if (tenant.getUrl() != null) {
                    b.recipient("BigBlueButton (" + URI.create(tenant.getUrl()).getHost() + ")");
                }
            });
            return new BbbRecordEndpoint(b.build());
        }
    }
}
