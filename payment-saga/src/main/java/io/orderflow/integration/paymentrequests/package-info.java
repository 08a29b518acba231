/**
 * Publishes charge, void and refund requests to {@code payments.requests}, one for each of the order's
 * payment events: {@code OrderAwaitingPayment} (charge), {@code PaymentVoidRequested} (void) and
 * {@code OrderRefundRequested} (refund). The Order aggregate decides which; this package only delivers.
 */
package io.orderflow.integration.paymentrequests;
