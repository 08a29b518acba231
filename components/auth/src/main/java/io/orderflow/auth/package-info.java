/**
 * The auth component: accounts with hashed passwords ({@code account}), RS256 access tokens and the
 * published key set ({@code token}), in the {@code auth} schema. Tokens are checked by the edge locally,
 * never by calling this component, and the component depends on nothing of the edge: both share only the
 * contracts' error codes and the platform's roles.
 */
package io.orderflow.auth;
