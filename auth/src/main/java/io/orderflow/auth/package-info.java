/**
 * The auth component: accounts with hashed passwords ({@code account}), RS256 access tokens and the
 * published key set ({@code token}), in the {@code auth} schema. Tokens are checked by the edge locally,
 * never by calling this component. The component also keeps the edge's idempotency-key records
 * ({@code idempotency}), which are per customer, so that the edge itself stays free of SQL.
 */
package io.orderflow.auth;
