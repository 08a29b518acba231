package io.orderflow.platform.kafka;

import java.util.List;
import reactor.core.publisher.Mono;

/**
 * A {@link MessageHandler} that can also handle the records of one poll together, for example in one database
 * transaction instead of one per record. The offsets are committed once the batch is handled. When a batch
 * fails, each of its records is handled alone with {@link #handle}, with that method's retries and dead
 * letters, so a poison message fails only itself. Both paths must give the same result, and both must be
 * idempotent: a record may be handled in a batch that failed and then again alone.
 */
public interface BatchMessageHandler extends MessageHandler {

    Mono<Void> handleAll(List<KafkaMessage> messages);
}
