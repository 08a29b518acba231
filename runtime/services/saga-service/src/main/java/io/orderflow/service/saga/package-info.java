/** The saga service's entry point. */
package io.orderflow.service.saga;
