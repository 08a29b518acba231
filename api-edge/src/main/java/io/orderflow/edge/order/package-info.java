/**
 * Orders at the edge: placing one (the edge generates the order id and prices every line from the
 * catalogue, never from the client), reading one from the read model, and the warehouse's shipping and
 * delivery. Placing answers {@code 202 Accepted}: reservation and payment happen later, and their
 * outcome shows in the order's status and cancellation reason.
 */
package io.orderflow.edge.order;
