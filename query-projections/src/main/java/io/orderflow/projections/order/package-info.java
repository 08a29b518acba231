/**
 * The order details read model: one row per order in {@code projections.order_view} with its status,
 * cancellation reason, totals and shipping address, and its priced lines in
 * {@code projections.order_line_view}. The projection (processing group {@code order-details}) follows
 * the order events; the query handler answers {@code FindOrderQuery} from both tables over R2DBC.
 */
package io.orderflow.projections.order;
