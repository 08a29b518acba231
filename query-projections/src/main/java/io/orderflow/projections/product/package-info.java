/**
 * The product catalogue read model: one row per product in {@code projections.product_view} with its
 * price and its stock split into available, reserved for open orders and committed to paid ones. The
 * projection (processing group {@code product-catalogue}) follows the inventory events; a rejected
 * reservation is not handled because it changed no stock. The query handlers answer the catalogue
 * queries of the contracts from the same table over R2DBC.
 */
package io.orderflow.projections.product;
