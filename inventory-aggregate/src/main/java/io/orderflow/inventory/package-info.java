/**
 * The Inventory aggregate, one per product: it adds and restocks a product and reserves, releases,
 * commits and expires stock for orders, refusing a reservation with a {@code StockReservationRejected}
 * event when too little is available. {@link io.orderflow.inventory.InventoryAggregateConfiguration}
 * supplies the reservation time-to-live, the aggregate cache and the snapshot trigger. No web, SQL or
 * Kafka here: the aggregate only sees commands, events and deadlines.
 */
package io.orderflow.inventory;
