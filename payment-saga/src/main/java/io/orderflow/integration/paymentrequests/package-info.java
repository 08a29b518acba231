/**
 * Publishes charge, void and refund requests to {@code payments.requests}, one for each of the order
 * process's payment commands ({@code ChargePaymentCommand}, {@code VoidPaymentCommand},
 * {@code RefundPaymentCommand}). The saga decides which; this package only delivers.
 */
package io.orderflow.integration.paymentrequests;
