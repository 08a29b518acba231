package io.orderflow.auditor;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.orderflow.platform.axon.AxonSchemas;
import io.orderflow.platform.axon.Serializers;
import io.orderflow.platform.axon.Upcasters;
import io.orderflow.platform.db.DatabaseProperties;
import io.orderflow.projections.readmodel.Generations;
import io.orderflow.projections.readmodel.ReadModel;
import io.orderflow.projections.rebuild.ScratchReplay;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import javax.sql.DataSource;
import org.axonframework.common.jdbc.UnitOfWorkAwareConnectionProviderWrapper;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.queryhandling.QueryUpdateEmitter;
import org.axonframework.queryhandling.SimpleQueryUpdateEmitter;
import org.axonframework.spring.jdbc.SpringDataSourceConnectionProvider;
import org.axonframework.spring.messaging.unitofwork.SpringTransactionManager;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Everything the auditor runs on, declared by hand: no auto-configuration, so no Axon processor, no
 * Kafka client, no migration and no embedded PostgreSQL. From query-projections it takes only the
 * read models (their projections, by the module's naming) and {@link Generations}; the projections'
 * query handlers and operations stay out.
 * <p>
 * Deliberately not a {@code @Configuration}: a context that scans {@code io.orderflow} (the launcher's)
 * must not pick it up when the auditor is on its class path. As {@link Auditor}'s primary source its
 * {@code @Bean} methods, scan and properties work all the same.
 */
@EnableConfigurationProperties({DatabaseProperties.class, AuditorProperties.class})
@ComponentScan(basePackageClasses = Generations.class, basePackages = "io.orderflow.projections", useDefaultFilters = false,
        includeFilters = @ComponentScan.Filter(type = FilterType.REGEX, pattern = {
                "io\\.orderflow\\.projections\\..*(Projection|ReadModel)", "io\\.orderflow\\.projections\\..*\\.(Generations|OrderUpdates|ProductUpdates)"}),
        excludeFilters = @ComponentScan.Filter(type = FilterType.ASSIGNABLE_TYPE, classes = ReadModel.class))
class AuditorConfiguration {

    static final String DB_URL = "orderflow.db.url";

    @Bean(destroyMethod = "close")
    DataSource dataSource(DatabaseProperties database) {
        HikariConfig config = new HikariConfig();
        config.setPoolName("orderflow-auditor");
        config.setJdbcUrl(database.url());
        config.setUsername(database.username());
        config.setPassword(database.password());
        config.setMaximumPoolSize(4);
        return new HikariDataSource(config);
    }

    @Bean
    PlatformTransactionManager transactionManager(DataSource dataSource) {
        return new DataSourceTransactionManager(dataSource);
    }

    @Bean
    JdbcTemplate jdbcTemplate(DataSource dataSource) {
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        jdbc.setFetchSize(1_000);
        return jdbc;
    }

    /** Read only: the auditor streams the events, with the serializer the system wrote them with and its upcasters. */
    @Bean
    EventStorageEngine eventStorageEngine(DataSource dataSource, PlatformTransactionManager transactionManager) {
        return JdbcEventStorageEngine.builder()
                .connectionProvider(new UnitOfWorkAwareConnectionProviderWrapper(new SpringDataSourceConnectionProvider(dataSource)))
                .transactionManager(new SpringTransactionManager(transactionManager))
                .eventSerializer(Serializers.forMessages())
                .snapshotSerializer(Serializers.forState())
                .upcasterChain(Upcasters.chain())
                .schema(AxonSchemas.events())
                .dataType(byte[].class)
                .build();
    }

    /** The order projection announces changes to subscribers; during a replay it announces nothing. */
    @Bean
    QueryUpdateEmitter queryUpdateEmitter() {
        return SimpleQueryUpdateEmitter.builder().build();
    }

    @Bean
    ScratchReplay scratchReplay(JdbcTemplate jdbc, Generations generations, PlatformTransactionManager transactionManager) {
        return new ScratchReplay(jdbc, generations, transactionManager);
    }

    @Bean
    AuditRun auditRun(JdbcTemplate jdbc, List<ReadModel> readModels, ScratchReplay replay, EventStorageEngine events,
                      AuditorProperties properties, DatabaseProperties database, Environment environment) {
        ObjectMapper json = new ObjectMapper();
        Duration paymentTimeout = environment.getProperty("orderflow.saga.payment-timeout", Duration.class, Duration.ofSeconds(30));
        List<AuditCheck> checks = List.of(
                new OrdersSettledCheck(),
                new EventSequenceCheck(jdbc),
                new StockBalanceCheck(jdbc, json),
                new PaymentLedgerCheck(jdbc),
                new CancelledChargeCheck(jdbc),
                new LeftoverSagaCheck(jdbc),
                new StuckSagaCheck(jdbc),
                new ReadModelCheck(readModels, replay, events));
        return () -> {
            AuditedState state = AuditedState.load(jdbc, json, paymentTimeout, properties.grace());
            List<CheckResult> results = checks.stream().map(check -> check.run(state)).toList();
            return new AuditReport(state.now() == null ? Instant.now() : state.now(), database.url(), results, properties.shownPerCheck());
        };
    }

    /** One audit, start to end. */
    interface AuditRun {
        AuditReport run();
    }
}
