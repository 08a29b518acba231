package io.orderflow.platform.kafka;

/** A message that can never be handled (malformed, without a version, missing what it must carry): dead-lettered at once, without retries. */
public class PoisonMessageException extends RuntimeException {

    public PoisonMessageException(String message, Throwable cause) {
        super(message, cause);
    }

    public PoisonMessageException(String message) {
        super(message);
    }
}
