/**
 * Messages of the Inventory aggregate, one per product: adding and restocking a product, and reserving,
 * releasing and committing stock for an order. Reserve, release and commit are idempotent per order id.
 */
package io.orderflow.contracts.inventory;
