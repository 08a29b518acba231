package io.orderflow.contracts.payment;

/** Kafka topic names of the payment exchange. Each has a dead-letter topic {@code <topic>.dlq}. */
public final class PaymentTopics {

    public static final String REQUESTS = "payments.requests";
    public static final String RESULTS = "payments.results";

    private PaymentTopics() {
    }
}
