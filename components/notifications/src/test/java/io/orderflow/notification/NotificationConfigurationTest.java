package io.orderflow.notification;

import static org.assertj.core.api.Assertions.assertThat;

import io.orderflow.platform.db.SchemaMigration;
import io.orderflow.platform.kafka.KafkaSubscription;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

class NotificationConfigurationTest {

    @Test
    void consumesNothingAndCreatesNoSchemaWhenSwitchedOff() {
        new ApplicationContextRunner()
                .withUserConfiguration(NotificationConfiguration.class)
                .withPropertyValues("orderflow.notifications.enabled=false")
                .run(context -> assertThat(context)
                        .hasNotFailed()
                        .doesNotHaveBean(KafkaSubscription.class)
                        .doesNotHaveBean(NotificationLog.class)
                        .doesNotHaveBean(SchemaMigration.class));
    }
}
