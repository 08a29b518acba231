package io.orderflow.platform.axon;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.exceptions.TaskInstanceCurrentlyExecutingException;
import com.github.kagkarlsson.scheduler.exceptions.TaskInstanceNotFoundException;
import org.axonframework.deadline.dbscheduler.DbSchedulerDeadlineManager;
import org.axonframework.deadline.dbscheduler.DbSchedulerDeadlineToken;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Axon's db-scheduler deadline manager, except that cancelling a deadline that is firing at that moment does
 * nothing instead of failing. Axon cancels at the prepare-commit of the unit of work that asked, so db-scheduler's
 * refusal to touch an executing task failed the whole saga batch, which was then handled event by event; after a
 * crash the dead instance's picked deadlines count as executing until their heartbeats are missed (30 s), and every
 * batch that cancelled one of them failed meanwhile. A deadline that fires anyway finds its scope changed: every
 * deadline handler here checks the state it is about (the payment deadline, for one, acts only on an order still
 * awaiting payment), and it cannot run before the cancelling unit of work released the saga or aggregate.
 */
final class FiringTolerantDeadlineManager extends DbSchedulerDeadlineManager {

    private static final Logger log = LoggerFactory.getLogger(FiringTolerantDeadlineManager.class);

    private final Scheduler scheduler;

    FiringTolerantDeadlineManager(Builder builder, Scheduler scheduler) {
        super(builder);
        this.scheduler = scheduler;
    }

    @Override
    public void cancelSchedule(String deadlineName, String scheduleId) {
        runOnPrepareCommitOrNow(() -> {
            try {
                scheduler.cancel(new DbSchedulerDeadlineToken(scheduleId));
            } catch (TaskInstanceNotFoundException gone) {
                log.debug("Deadline {} [{}] was already gone", deadlineName, scheduleId);
            } catch (TaskInstanceCurrentlyExecutingException firing) {
                log.debug("Deadline {} [{}] is firing: its handler finds the state changed", deadlineName, scheduleId);
            }
        });
    }
}
