// SPDX-License-Identifier: Apache-2.0
package de.hessen.schulportal.bbb.spring.dataprotection;

import de.hessen.schulportal.bbb.portal.School;
import de.hessen.schulportal.bbb.portal.retention.RecordingRetention;
import de.hessen.schulportal.bbb.portal.retention.RetentionReport;
import java.time.ZoneId;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;
import org.springframework.scheduling.support.CronTrigger;

/**
 * Runs {@link RecordingRetention} on a cron schedule on a thread of its own: a dry run that logs
 * the plan, or (with {@code bbb.retention.apply=true}) the deletion. The job keeps no state, so
 * several portal instances may run it at the same time. A failed run is logged and the next one
 * tries again.
 */
public final class BbbRetentionSchedule implements SmartLifecycle {
    private static final Logger LOG = LoggerFactory.getLogger(BbbRetentionSchedule.class);

    private final RecordingRetention retention;
    private final List<School> schools;
    private final boolean apply;
    private final CronTrigger trigger;
    private ThreadPoolTaskScheduler scheduler;

    BbbRetentionSchedule(RecordingRetention retention, List<School> schools, boolean apply, String cron, ZoneId zone) {
        this.retention = retention;
        this.schools = List.copyOf(schools);
        this.apply = apply;
        this.trigger = new CronTrigger(cron, zone);
    }

    /**
     * One run now, as the schedule would make it.
     *
     * @return the report
     */
    public RetentionReport runOnce() {
        RetentionReport report = apply ? retention.apply(schools) : retention.plan(schools);
        LOG.info("recording retention {}: {} recordings, {} deleted, {} already gone, {} failed{}{}",
                apply ? "applied" : "planned (dry run)", report.entries().size(), report.count(RetentionReport.Result.DELETED),
                report.count(RetentionReport.Result.ALREADY_GONE), report.count(RetentionReport.Result.FAILED),
                System.lineSeparator(), report.toText());
        return report;
    }

    private void run() {
        try {
            runOnce();
        } catch (RuntimeException e) {
            LOG.warn("recording retention failed, the next run tries again [error={}: {}]", e.getClass().getSimpleName(),
                    e.getMessage());
        }
    }

    @Override
    public synchronized void start() {
        if (scheduler == null) {
            scheduler = new ThreadPoolTaskScheduler();
            scheduler.setThreadNamePrefix("bbb-retention-");
            scheduler.setPoolSize(1);
            scheduler.initialize();
            scheduler.schedule(this::run, trigger);
        }
    }

    @Override
    public synchronized void stop() {
        if (scheduler != null) {
            scheduler.shutdown();
            scheduler = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return scheduler != null;
    }

    @Override
    public String toString() {
        return "BbbRetentionSchedule{schools=" + schools.size() + ", apply=" + apply + ", cron=" + trigger.getExpression() + '}';
    }
}
