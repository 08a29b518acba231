/**
 * The Order aggregate: the whole order state machine, from placing a priced order through awaiting
 * payment, confirmation, shipping and delivery, or cancellation with a reason; it also records the payment
 * service's approvals, declines and refunds, and requests the refund of any charge a cancelled order would
 * otherwise keep. Every event carries the customer id in its metadata. Every refusal is a
 * {@link io.orderflow.contracts.common.BusinessRuleViolation} with a stable error code, and every
 * command the payment saga may repeat is harmless the second time. Also here: the tax policy applied
 * when an order is placed, and the Spring configuration that provides it and the aggregate cache.
 */
package io.orderflow.order;
