package io.orderflow.notification;

import io.orderflow.platform.db.DatabaseConfiguration;
import io.orderflow.platform.kafka.KafkaConfiguration;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.context.annotation.Import;

/**
 * The module on the platform's real PostgreSQL and Kafka (embedded unless configured), without
 * auto-configuration: Axon is on the classpath through the platform and has no part here.
 */
@SpringBootConfiguration(proxyBeanMethods = false)
@Import({DatabaseConfiguration.class, KafkaConfiguration.class, NotificationConfiguration.class})
class NotificationsTestApplication {
}
