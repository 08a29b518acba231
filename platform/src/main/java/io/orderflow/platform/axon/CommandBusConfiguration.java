package io.orderflow.platform.axon;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import org.axonframework.commandhandling.AsynchronousCommandBus;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.CommandBusSpanFactory;
import org.axonframework.commandhandling.DuplicateCommandHandlerResolver;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.messaging.interceptors.CorrelationDataInterceptor;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Commands run on a pool of their own, each in its own unit of work and transaction. With Axon's
 * synchronous bus a command sent from a saga runs inside the saga processor's batch, and the aggregate
 * locks it takes (a popular product's inventory) are held until the whole batch commits: batches on
 * different threads then wait on each other until Axon reports a deadlock. Senders lose nothing: the
 * gateway's future completes when the command has been handled, and the saga retries unanswered steps.
 */
@Configuration(proxyBeanMethods = false)
public class CommandBusConfiguration {

    @Bean(destroyMethod = "shutdown")
    ExecutorService commandExecutor(@Value("${orderflow.axon.command-threads:8}") int threads) {
        AtomicInteger count = new AtomicInteger();
        ThreadFactory factory = runnable -> {
            Thread thread = new Thread(runnable, "command-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
        return Executors.newFixedThreadPool(threads, factory);
    }

    /** Mirrors Axon's own command bus bean (transactions, tracing, monitoring, correlation data), asynchronous. */
    @Bean(destroyMethod = "shutdown")
    @Qualifier("localSegment")
    CommandBus commandBus(TransactionManager transactionManager, org.axonframework.config.Configuration axonConfiguration,
                          DuplicateCommandHandlerResolver duplicateCommandHandlerResolver, ExecutorService commandExecutor) {
        AsynchronousCommandBus commandBus = AsynchronousCommandBus.builder()
                .executor(commandExecutor)
                .transactionManager(transactionManager)
                .duplicateCommandHandlerResolver(duplicateCommandHandlerResolver)
                .spanFactory(axonConfiguration.getComponent(CommandBusSpanFactory.class))
                .messageMonitor(axonConfiguration.messageMonitor(CommandBus.class, "commandBus"))
                .build();
        commandBus.registerHandlerInterceptor(new CorrelationDataInterceptor<>(axonConfiguration.correlationDataProviders()));
        return commandBus;
    }
}
