package io.orderflow.platform.db;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.r2dbc.pool.ConnectionPool;
import io.r2dbc.pool.ConnectionPoolConfiguration;
import io.r2dbc.spi.ConnectionFactories;
import io.r2dbc.spi.ConnectionFactory;
import io.r2dbc.spi.ConnectionFactoryOptions;
import java.time.Duration;
import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Declares the JDBC and the R2DBC side explicitly: with an R2DBC connection factory present, Boot's
 * DataSource auto-configuration backs off and Axon would get no event store (STACK-NOTES, trap 1).
 * Migrations run as part of creating the DataSource, so every user of it sees the migrated schema.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(DatabaseProperties.class)
public class DatabaseConfiguration {

    @Bean(destroyMethod = "close")
    @Primary
    DataSource dataSource(DatabaseProperties properties, ObjectProvider<SchemaMigration> migrations) {
        HikariConfig config = new HikariConfig();
        config.setPoolName("orderflow-jdbc");
        config.setJdbcUrl(properties.requiredUrl());
        config.setUsername(properties.username());
        config.setPassword(properties.password());
        config.setMaximumPoolSize(properties.jdbcPoolSize());
        config.setConnectionTimeout(properties.connectionTimeout().toMillis());
        config.setAutoCommit(true);
        // a batch of inserts (events of a processor's batch, read-model rows) as one multi-row statement
        config.addDataSourceProperty("reWriteBatchedInserts", "true");
        HikariDataSource dataSource = new HikariDataSource(config);
        SchemaMigrations.apply(dataSource, migrations.orderedStream().toList());
        return dataSource;
    }

    @Bean
    @Primary
    PlatformTransactionManager transactionManager(DataSource dataSource) {
        return new DataSourceTransactionManager(dataSource);
    }

    @Bean
    JdbcTemplate jdbcTemplate(DataSource dataSource) {
        return new JdbcTemplate(dataSource);
    }

    @Bean(destroyMethod = "dispose")
    ConnectionPool r2dbcConnectionFactory(DatabaseProperties properties) {
        ConnectionFactoryOptions options = ConnectionFactoryOptions.parse(properties.r2dbcUrl()).mutate()
                .option(ConnectionFactoryOptions.USER, properties.username())
                .option(ConnectionFactoryOptions.PASSWORD, properties.password())
                .build();
        ConnectionFactory connectionFactory = ConnectionFactories.get(options);
        return new ConnectionPool(ConnectionPoolConfiguration.builder(connectionFactory)
                .name("orderflow-r2dbc")
                .maxSize(properties.r2dbcPoolSize())
                .maxAcquireTime(properties.connectionTimeout())
                .maxCreateConnectionTime(properties.connectionTimeout())
                .maxIdleTime(Duration.ofMinutes(5))
                .build());
    }

    @Bean
    DatabaseClient databaseClient(ConnectionFactory connectionFactory) {
        return DatabaseClient.create(connectionFactory);
    }
}
