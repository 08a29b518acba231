/**
 * Access tokens: RS256-signed JWTs with the account id as subject, its roles, the edge's issuer and
 * audience, and a short lifetime; and the public keys at {@code /.well-known/jwks.json}. Keys come from
 * configuration (one signs, all are published, which is how keys rotate) or, in development, from one key
 * generated at start-up.
 */
package io.orderflow.auth.token;
