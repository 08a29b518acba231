package io.orderflow.projections;

import io.orderflow.platform.db.DatabaseConfiguration;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.context.annotation.Import;

/**
 * The module on the platform's real PostgreSQL (embedded unless {@code orderflow.db.url} is set), without
 * auto-configuration: no Axon processors, no Kafka. Tests deliver events to the projections themselves.
 */
@SpringBootConfiguration(proxyBeanMethods = false)
@Import({DatabaseConfiguration.class, ProjectionsConfiguration.class})
public class ProjectionsTestApplication {
}
