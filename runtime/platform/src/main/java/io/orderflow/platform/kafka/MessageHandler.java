package io.orderflow.platform.kafka;

import reactor.core.publisher.Mono;

/**
 * Handles one consumed message. The offset is committed only after the returned Mono completes; an
 * error is retried with back-off and, when the retries are spent or the message is poison, the
 * message goes to the dead-letter topic. Handlers must therefore be idempotent.
 */
@FunctionalInterface
public interface MessageHandler {

    Mono<Void> handle(KafkaMessage message);
}
