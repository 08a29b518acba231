package io.orderflow.platform.axon;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.SchedulerName;
import java.time.Duration;
import javax.sql.DataSource;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.ConfigurationScopeAwareProvider;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.dbscheduler.DbSchedulerDeadlineManager;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.datasource.TransactionAwareDataSourceProxy;

/**
 * Deadlines (payment timeouts, saga step retries, reservation expiries) are kept in PostgreSQL by
 * db-scheduler, so they fire after a restart and fire once across instances: the in-memory
 * {@code SimpleDeadlineManager} would forget them (STACK-NOTES, trap 9).
 */
@Configuration(proxyBeanMethods = false)
public class DeadlineConfiguration {

    @Bean(destroyMethod = "")
    Scheduler deadlineScheduler(DataSource dataSource, ObjectProvider<DbSchedulerDeadlineManager> deadlineManager, NodeId nodeId,
                                @Value("${orderflow.deadlines.threads:4}") int threads,
                                @Value("${orderflow.deadlines.polling-interval:PT0.5S}") Duration pollingInterval,
                                @Value("${orderflow.deadlines.heartbeat-interval:PT5S}") Duration heartbeatInterval,
                                @Value("${orderflow.deadlines.missed-heartbeats-limit:6}") int missedHeartbeatsLimit) {
        // A deadline picked by an instance that then died stays "executing" until its heartbeats are missed
        // this many times, and only then fires again elsewhere (cancelling it meanwhile is a no-op:
        // FiringTolerantDeadlineManager). db-scheduler's default (5 min x 6) would delay it half an hour.
        // Transaction-aware: a deadline scheduled or cancelled by a handler is written in the handler's own
        // transaction (a saga's batch), atomically with it and without a commit of its own.
        return Scheduler.create(new TransactionAwareDataSourceProxy(dataSource), DbSchedulerDeadlineManager.binaryTask(deadlineManager::getObject))
                .tableName(AxonSchemas.SCHEMA + ".scheduled_tasks")
                // a due deadline is picked by one scheduler only (an optimistic update of its row); the name shows who
                .schedulerName(new SchedulerName.Fixed(nodeId.value()))
                .threads(threads)
                .pollingInterval(pollingInterval)
                .heartbeatInterval(heartbeatInterval)
                .missedHeartbeatsLimit(missedHeartbeatsLimit)
                .build();
    }

    @Bean
    DbSchedulerDeadlineManager deadlineManager(Scheduler deadlineScheduler,
                                               org.axonframework.config.Configuration axonConfiguration,
                                               @Qualifier("messageSerializer") Serializer messageSerializer,
                                               TransactionManager transactionManager) {
        // The message serializer, not the field-visibility one: an aggregate's scope descriptor
        // resolves its identifier lazily through a getter, and would be stored without it.
        return new FiringTolerantDeadlineManager(DbSchedulerDeadlineManager.builder()
                .scheduler(deadlineScheduler)
                .scopeAwareProvider(new ConfigurationScopeAwareProvider(axonConfiguration))
                .serializer(messageSerializer)
                .transactionManager(transactionManager)
                .startScheduler(false)
                .stopScheduler(false), deadlineScheduler);
    }

    /** db-scheduler is not started by Axon's Spring integration; it runs with the application context. */
    @Bean
    SmartLifecycle deadlineSchedulerLifecycle(Scheduler deadlineScheduler, DeadlineManager deadlineManager) {
        return new SmartLifecycle() {
            private volatile boolean running;

            @Override
            public void start() {
                deadlineScheduler.start();
                running = true;
            }

            @Override
            public void stop() {
                deadlineScheduler.stop();
                running = false;
            }

            @Override
            public boolean isRunning() {
                return running;
            }
        };
    }
}
