/**
 * The order saga: the one place where the whole order process can be read, from a placed order through
 * stock reservation, payment and stock commitment to shipment, with every compensation on the way
 * (out of stock, payment declined or timed out, cancelled by the customer). It only sends commands and
 * schedules deadlines; payment requests travel over Kafka from other modules. {@link
 * io.orderflow.saga.OrderSagaConfiguration} supplies its timings.
 */
package io.orderflow.saga;
