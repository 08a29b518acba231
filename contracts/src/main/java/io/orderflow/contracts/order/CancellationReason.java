package io.orderflow.contracts.order;

/** Why an order was cancelled. Published in events and views: only ever add values. */
public enum CancellationReason {
    OUT_OF_STOCK,
    PAYMENT_DECLINED,
    PAYMENT_TIMEOUT,
    CUSTOMER_REQUEST
}
