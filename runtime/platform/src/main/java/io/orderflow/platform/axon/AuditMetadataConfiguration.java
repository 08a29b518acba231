package io.orderflow.platform.axon;

import io.orderflow.contracts.common.MetadataKeys;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.MessageOriginProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Which metadata Axon copies from a message to the messages it causes. Besides Axon's own correlation and
 * trace ids, the edge's audit keys: {@code who} sent the request and its {@code idempotencyKey}. So the
 * events of a command, and the saga's commands and events that follow them, show which request started
 * them, in audits and replays alike.
 */
@Configuration(proxyBeanMethods = false)
public class AuditMetadataConfiguration {

    /** Metadata keys the edge puts on commands (see the edge's {@code CommandMetadata}). */
    public static final String[] AUDIT_KEYS = {MetadataKeys.WHO, MetadataKeys.IDEMPOTENCY_KEY};

    /** Declared here because Axon's default one backs off as soon as any provider is declared. */
    @Bean
    CorrelationDataProvider messageOriginProvider() {
        return new MessageOriginProvider();
    }

    @Bean
    CorrelationDataProvider auditCorrelationDataProvider() {
        return new SimpleCorrelationDataProvider(AUDIT_KEYS);
    }
}
