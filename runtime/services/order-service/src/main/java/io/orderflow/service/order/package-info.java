/** The order service's entry point. */
package io.orderflow.service.order;
