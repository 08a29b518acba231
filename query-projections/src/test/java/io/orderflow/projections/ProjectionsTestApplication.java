package io.orderflow.projections;

import io.orderflow.platform.axon.AxonPersistenceConfiguration;
import io.orderflow.platform.db.DatabaseConfiguration;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Import;

/**
 * The module on the platform's real PostgreSQL (embedded unless {@code orderflow.db.url} is set) with Axon's
 * JDBC event store, token store and dead-letter queue: the read models' processors run as in the
 * application. No Kafka, no aggregates: tests either hand events to a projection themselves
 * ({@link DomainEventDelivery}) or append them to the event store ({@link EventStoreFixture}).
 */
@SpringBootConfiguration(proxyBeanMethods = false)
@EnableAutoConfiguration
@Import({DatabaseConfiguration.class, AxonPersistenceConfiguration.class, ProjectionsConfiguration.class})
public class ProjectionsTestApplication {
}
