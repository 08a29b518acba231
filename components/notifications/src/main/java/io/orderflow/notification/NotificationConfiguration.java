package io.orderflow.notification;

import io.orderflow.contracts.integration.OrderLifecycleEvent;
import io.orderflow.platform.db.SchemaMigration;
import io.orderflow.platform.kafka.KafkaConfiguration.ProvisionedTopics;
import io.orderflow.platform.kafka.KafkaObservability;
import io.orderflow.platform.kafka.KafkaPublisher;
import io.orderflow.platform.kafka.KafkaSettings;
import io.orderflow.platform.kafka.KafkaSubscription;
import io.orderflow.platform.kafka.KafkaSubscription.RetryPolicy;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The notifications module as one import: its schema, the consumer of {@code orders.events} that
 * records the e-mails, and the {@link NotificationLog} to read them. Needs the platform's database and
 * Kafka configurations. Off with {@code orderflow.notifications.enabled=false}.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "orderflow.notifications.enabled", havingValue = "true", matchIfMissing = true)
@EnableConfigurationProperties(NotificationProperties.class)
public class NotificationConfiguration {

    static final String SCHEMA = "notifications";
    static final String CONSUMER_GROUP = "notifications";
    private static final String DEAD_LETTERS = "notificationDeadLetters";
    private static final Duration DEAD_LETTER_SEND_TIMEOUT = Duration.ofSeconds(10);

    @Bean
    SchemaMigration notificationsSchemaMigration() {
        return new SchemaMigration(SCHEMA, "classpath:db/migration/" + SCHEMA);
    }

    @Bean
    NotificationLog notificationLog(JdbcTemplate jdbc, PlatformTransactionManager transactionManager) {
        return new NotificationLog(jdbc, new TransactionTemplate(transactionManager));
    }

    // Not a default candidate: a module that injects "the" KafkaPublisher by type must not receive this one.
    @Bean(name = DEAD_LETTERS, destroyMethod = "close", defaultCandidate = false)
    KafkaPublisher notificationDeadLetters(KafkaSettings settings, KafkaObservability observability) {
        return new KafkaPublisher(settings, DEAD_LETTER_SEND_TIMEOUT, observability);
    }

    // Takes ProvisionedTopics so that orders.events and its dead-letter topic exist before it subscribes.
    @Bean
    KafkaSubscription customerNotifications(KafkaSettings settings, ProvisionedTopics provisionedTopics,
                                            @Qualifier(DEAD_LETTERS) KafkaPublisher deadLetters,
                                            NotificationLog notificationLog, KafkaObservability observability) {
        return new KafkaSubscription(settings, OrderLifecycleEvent.TOPIC, CONSUMER_GROUP,
                // a poll's notifications in one transaction (CustomerNotifier is a BatchMessageHandler)
                new CustomerNotifier(notificationLog), deadLetters, RetryPolicy.defaults(), observability);
    }
}
