/**
 * The order saga: the one place where the whole order process can be read, from a placed order through
 * stock reservation, payment and stock commitment to shipment, with every compensation on the way
 * (out of stock, payment declined or timed out, cancelled by the customer). It sends commands, to the
 * aggregates and to the payment leg (charge, void, refund), through {@link io.orderflow.saga.SagaCommands},
 * and schedules the payment deadline. {@link io.orderflow.saga.OrderSagaConfiguration} supplies its timings.
 */
package io.orderflow.saga;
