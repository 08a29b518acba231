/**
 * The order saga's {@link io.orderflow.saga.PaymentChannel} over Kafka, both ways. Out: charge, void and refund
 * requests on {@code payments.requests}, one for each of the order process's payment commands
 * ({@code ChargePaymentCommand}, {@code VoidPaymentCommand}, {@code RefundPaymentCommand}), acknowledged before
 * the process's batch commits; the saga decides which, this package only delivers. In: {@code payments.results},
 * each recorded on its order as a command, the offset committed only after the command succeeded (the Order
 * aggregate makes duplicates harmless). And whether the channel was down, which the payment deadline asks
 * (docs/decisions/0017).
 */
package io.orderflow.paymentchannel;
