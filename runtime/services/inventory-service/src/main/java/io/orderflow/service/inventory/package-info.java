/** The inventory service's entry point. */
package io.orderflow.service.inventory;
