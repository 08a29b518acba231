package io.orderflow.contracts.common;

/**
 * A message that belongs to one order's process. Processors that must see one order's messages in
 * order, but may handle different orders in parallel, sequence by this id rather than by the
 * aggregate that emitted the message (a popular product's stock events concern many orders).
 */
public interface ConcernsOrder {

    OrderId orderId();
}
