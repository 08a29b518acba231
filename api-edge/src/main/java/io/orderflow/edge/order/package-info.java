/**
 * Orders at the edge: placing one (the edge generates the order id and prices every line from the
 * catalogue, never from the client), reading one, a page of them or its status history from the read
 * model, following one or all of a customer's orders live as Server-Sent Events, and the warehouse's
 * shipping and delivery. Placing answers {@code 202 Accepted}: reservation and payment happen later, and
 * their outcome shows in the order's status and cancellation reason; a client that wants to read the new
 * order waits for it ({@code ?waitMs=} or the stream) rather than guessing around a {@code 404}.
 */
package io.orderflow.edge.order;
