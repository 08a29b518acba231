package io.orderflow.platform.kafka;

import java.util.concurrent.TimeoutException;
import org.apache.kafka.common.errors.RetriableException;

/**
 * A record the broker did not acknowledge in time, or refused for a reason that passes (no leader, not enough
 * replicas, a lost connection): the broker is away or busy, nothing is wrong with the record. Whoever sent it
 * retries later; nothing is blamed on the work that sent it (a saga step is never parked for it).
 */
public class KafkaUnavailableException extends RuntimeException {

    public KafkaUnavailableException(String topic, Throwable cause) {
        super("The Kafka broker did not take a record for " + topic + ": " + cause, cause);
    }

    /** Whether {@code failure}, a failed send, says the broker is away rather than that the record is at fault. */
    static boolean isUnavailability(Throwable failure) {
        return failure instanceof TimeoutException || failure instanceof RetriableException;
    }

    /** True when {@code failure} or one of its causes is a {@link KafkaUnavailableException}. */
    public static boolean isCauseOf(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof KafkaUnavailableException) {
                return true;
            }
        }
        return false;
    }
}
