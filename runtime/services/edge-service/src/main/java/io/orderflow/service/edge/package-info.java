/** The edge service's entry point. */
package io.orderflow.service.edge;
