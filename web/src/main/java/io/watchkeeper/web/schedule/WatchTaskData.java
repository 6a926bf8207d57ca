package io.watchkeeper.web.schedule;

import com.github.kagkarlsson.scheduler.task.helper.ScheduleAndData;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import com.github.kagkarlsson.scheduler.task.schedule.Schedule;
import java.time.Duration;

/**
 * The persisted data of one scheduled watch: which account and type, and its interval. Stored by
 * db-scheduler with the execution, so each (account, type) keeps its own schedule.
 */
public record WatchTaskData(long accountId, String type, long intervalSeconds) implements ScheduleAndData {

    private static final long serialVersionUID = 1L;

    public String instanceId() {
        return accountId + ":" + type;
    }

    @Override
    public Schedule getSchedule() {
        return FixedDelay.of(Duration.ofSeconds(intervalSeconds));
    }

    @Override
    public Object getData() {
        return null;
    }
}
