/** The query service's entry point. */
package io.orderflow.service.query;
