package io.watchkeeper.web.service;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import io.watchkeeper.web.schedule.WatchScheduling;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Brings the watch schedule in line with accounts and intervals right after a change (every node's
 * reconcile task would do it within its interval anyway; the command line has no such task).
 */
@Component
public class ScheduleSync {

    private static final Logger LOG = LoggerFactory.getLogger(ScheduleSync.class);

    private final WatchScheduling scheduling;
    private final SchedulerClient client;

    public ScheduleSync(WatchScheduling scheduling, SchedulerClient client) {
        this.scheduling = scheduling;
        this.client = client;
    }

    /** Reconciles now; a failure is logged, the next reconcile pass repairs it. */
    public void now() {
        try {
            scheduling.reconcile(client);
        } catch (RuntimeException e) {
            LOG.warn("could not update the watch schedule now; the next reconcile pass will: {}", e.toString());
        }
    }
}
