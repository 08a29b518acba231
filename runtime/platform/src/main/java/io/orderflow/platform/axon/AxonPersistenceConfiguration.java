package io.orderflow.platform.axon;

import io.orderflow.platform.db.SchemaMigration;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import javax.sql.DataSource;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.axonframework.commandhandling.gateway.ExponentialBackOffIntervalRetryScheduler;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.common.jdbc.UnitOfWorkAwareConnectionProviderWrapper;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.JdbcTokenStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jpa.SQLStateResolver;
import org.axonframework.modelling.saga.repository.SagaStore;
import org.axonframework.modelling.saga.repository.jdbc.JdbcSagaStore;
import org.axonframework.modelling.saga.repository.jdbc.PostgresSagaSqlSchema;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.upcasting.event.EventUpcasterChain;
import org.axonframework.spring.jdbc.SpringDataSourceConnectionProvider;
import org.axonframework.spring.messaging.unitofwork.SpringTransactionManager;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Everything Axon persists, declared explicitly. Axon 4.13's auto-configuration orders itself after
 * Boot 3 class names, so on Boot 4 it may create no transaction manager and no JDBC storage engine
 * (STACK-NOTES, traps 1 and 2): nothing here is left to it.
 */
@Configuration(proxyBeanMethods = false)
public class AxonPersistenceConfiguration {

    private static final String UNIQUE_VIOLATION = "23505";
    private static final Duration MINIMUM_CLAIM_TIMEOUT = Duration.ofSeconds(7);

    @Bean
    SchemaMigration axonSchemaMigration() {
        return new SchemaMigration(AxonSchemas.SCHEMA, "classpath:db/migration/axon");
    }

    @Bean
    TransactionManager axonTransactionManager(PlatformTransactionManager transactionManager) {
        return new SpringTransactionManager(transactionManager);
    }

    /** Connections bound to the Spring transaction, so an event append and a token update commit together. */
    @Bean
    ConnectionProvider axonConnectionProvider(DataSource dataSource) {
        return new UnitOfWorkAwareConnectionProviderWrapper(new SpringDataSourceConnectionProvider(dataSource));
    }

    @Bean
    @Primary
    Serializer serializer() {
        return Serializers.forState();
    }

    @Bean
    @Qualifier("messageSerializer")
    Serializer messageSerializer() {
        return Serializers.forMessages();
    }

    @Bean
    @Qualifier("eventSerializer")
    Serializer eventSerializer() {
        return Serializers.forMessages();
    }

    /**
     * The upcasters of stored events, for the JDBC engine below; as a bean, Axon also hands them to Axon Server's
     * event store.
     */
    @Bean
    EventUpcasterChain eventUpcasterChain() {
        return Upcasters.chain();
    }

    /**
     * PostgreSQL's unique violation (SQL state 23505) on the aggregate/sequence key is an optimistic
     * concurrency conflict: Axon turns it into a (retried) ConcurrencyException. The JDBC default resolver
     * looks for SQLIntegrityConstraintViolationException, which the PostgreSQL driver never throws.
     */
    @Bean
    PersistenceExceptionResolver persistenceExceptionResolver() {
        return new SQLStateResolver(UNIQUE_VIOLATION);
    }

    /** The JDBC event store; replaced by Axon Server's when {@code axon.axonserver.enabled=true}. */
    @Bean
    @ConditionalOnProperty(name = "axon.axonserver.enabled", havingValue = "false", matchIfMissing = true)
    EventStorageEngine eventStorageEngine(ConnectionProvider connectionProvider,
                                          TransactionManager transactionManager,
                                          PersistenceExceptionResolver persistenceExceptionResolver,
                                          @Qualifier("eventSerializer") Serializer eventSerializer,
                                          Serializer serializer, EventUpcasterChain eventUpcasterChain) {
        return JdbcEventStorageEngine.builder()
                .connectionProvider(connectionProvider)
                .transactionManager(transactionManager)
                .persistenceExceptionResolver(persistenceExceptionResolver)
                .eventSerializer(eventSerializer)
                .snapshotSerializer(serializer)
                .upcasterChain(eventUpcasterChain)
                .schema(AxonSchemas.events())
                .dataType(byte[].class)
                .build();
    }

    @Bean
    NodeId axonNodeId(@Value("${orderflow.axon.node-id:}") String configured) {
        return NodeId.of(configured);
    }

    /**
     * Segment claims are held by {@link NodeId}. A claim not renewed within {@code claimTimeout} may be taken
     * by another instance. Axon's pooled processors renew an idle claim every 5 seconds (their claim
     * extension threshold), so a shorter timeout would let instances steal live claims from each other.
     */
    @Bean
    TokenStore tokenStore(ConnectionProvider connectionProvider, Serializer serializer, NodeId nodeId,
                          @Value("${orderflow.axon.token-claim-timeout:PT10S}") Duration claimTimeout) {
        if (claimTimeout.compareTo(MINIMUM_CLAIM_TIMEOUT) < 0) {
            throw new IllegalArgumentException("orderflow.axon.token-claim-timeout must be at least "
                    + MINIMUM_CLAIM_TIMEOUT + " (Axon renews idle claims every 5 s), was " + claimTimeout);
        }
        return JdbcTokenStore.builder()
                .connectionProvider(connectionProvider)
                .serializer(serializer)
                .schema(AxonSchemas.tokens())
                .contentType(byte[].class)
                .claimTimeout(claimTimeout)
                .nodeId(nodeId.value())
                .build();
    }

    /**
     * Sagas in PostgreSQL, uncached. Axon's CachingSagaStore was tried: with a saga started by an event
     * whose association lookup had just cached "no saga", the new saga stayed invisible to its next
     * events (orders stuck, seen in the benchmark); it also goes stale when segments move between
     * instances. Association lookups use the index from db/migration/axon; a processor batch's lookups are
     * one query that also fetches the sagas found, and its saga writes one statement batch per kind
     * ({@link BatchingSagaStore}).
     */
    @Bean
    SagaStore<Object> sagaStore(ConnectionProvider connectionProvider, Serializer serializer) {
        JdbcSagaStore jdbcSagaStore = JdbcSagaStore.builder()
                .connectionProvider(connectionProvider)
                .sqlSchema(new PostgresSagaSqlSchema(AxonSchemas.sagas()))
                .serializer(serializer)
                .build();
        return new BatchingSagaStore(jdbcSagaStore, connectionProvider, serializer, AxonSchemas.sagas());
    }

    @Bean
    DeadLetterQueues deadLetterQueues(ConnectionProvider connectionProvider, TransactionManager transactionManager,
                                      @Qualifier("eventSerializer") Serializer eventSerializer, Serializer serializer) {
        return new DeadLetterQueues(connectionProvider, transactionManager, eventSerializer, serializer);
    }

    @Bean
    ParkedSagaEvents parkedSagaEvents(JdbcTemplate jdbc, @Qualifier("eventSerializer") Serializer eventSerializer) {
        return new ParkedSagaEvents(jdbc, eventSerializer);
    }

    /**
     * Shares processor segments between instances on the JDBC token store. Not with Axon Server, which
     * balances processors itself.
     */
    @Bean
    @ConditionalOnProperty(name = "axon.axonserver.enabled", havingValue = "false", matchIfMissing = true)
    @ConditionalOnBooleanProperty(name = "orderflow.axon.balancing.enabled", matchIfMissing = true)
    SegmentBalancer segmentBalancer(EventProcessingConfiguration processing, TokenStore tokenStore,
                                    TransactionManager transactionManager, JdbcTemplate jdbc, NodeId nodeId,
                                    @Value("${orderflow.axon.balancing.interval:PT3S}") Duration interval,
                                    @Value("${orderflow.axon.token-claim-timeout:PT10S}") Duration claimTimeout) {
        return new SegmentBalancer(processing, tokenStore, transactionManager, jdbc, nodeId, interval, claimTimeout);
    }

    /**
     * Aggregate caches that hold the most recently used aggregates strongly, and that another instance's writes
     * cannot make stale (see {@link CheckedAggregateCache}).
     */
    @Bean
    static BeanPostProcessor checkedAggregateCaches(ObjectProvider<EventStore> eventStore,
                                                    @Value("${orderflow.axon.aggregate-cache-size:10000}") long maximumSize) {
        return CheckedAggregateCache.wrappingEveryCache(eventStore, maximumSize);
    }

    /**
     * Tracking processors by default. A tracking processor's thread blocks on its event stream, which the
     * event store wakes as soon as events are appended; a pooled processor on the JDBC store finds no such
     * signal and polls every 500 ms, which made every step of an order wait half a second.
     */
    @Bean
    ConfigurerModule trackingProcessorsByDefault() {
        return configurer -> configurer.eventProcessing().usingTrackingEventProcessors();
    }

    /**
     * Transient failures (an optimistic concurrency conflict between two instances, a lost connection)
     * are retried with back-off before a command's sender sees them.
     */
    @Bean(destroyMethod = "")
    ScheduledExecutorService commandRetryExecutor() {
        return Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "command-retry");
            thread.setDaemon(true);
            return thread;
        });
    }

    @Bean
    CommandGateway commandGateway(CommandBus commandBus, ScheduledExecutorService commandRetryExecutor) {
        return DefaultCommandGateway.builder()
                .commandBus(commandBus)
                .retryScheduler(ExponentialBackOffIntervalRetryScheduler.builder()
                        .retryExecutor(commandRetryExecutor)
                        .backoffFactor(20)
                        .maxRetryCount(5)
                        .build())
                .build();
    }
}
