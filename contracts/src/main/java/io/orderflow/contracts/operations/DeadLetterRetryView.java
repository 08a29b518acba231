package io.orderflow.contracts.operations;

/** What a retry did: sequences tried, how many went through and how many failed again, and how many stay parked. */
public record DeadLetterRetryView(String processingGroup, int retried, int succeeded, int failed, long remaining) {
}
