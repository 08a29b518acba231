/**
 * The catalogue as the edge serves it: administrators add products (the edge generates the product id
 * and checks the price against its currency) and restock them; anyone lists and reads products from the
 * read model. Stock itself is decided by the Inventory aggregate, never here.
 */
package io.orderflow.edge.catalogue;
