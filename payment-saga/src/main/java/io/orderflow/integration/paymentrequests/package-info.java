/**
 * Publishes charge, void and refund requests to {@code payments.requests} from the order's events:
 * a charge when the order awaits payment, a void when an order that awaited payment is cancelled,
 * a refund when the order asks for one.
 */
package io.orderflow.integration.paymentrequests;
