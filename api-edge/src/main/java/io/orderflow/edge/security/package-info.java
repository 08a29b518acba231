/**
 * Who is calling, and what they may do. Every request but the public ones (login, registration, the key
 * set, the catalogue, health, the API document) carries an RS256 bearer token that this package validates
 * locally with Spring Security's reactive resource server: signature against the published keys, issuer,
 * audience, expiry and not-before with a small clock skew. The token's subject is the customer; the
 * {@code roles} claim gives {@code CUSTOMER} or {@code ADMIN}. Failures answer 401 or 403 problem documents.
 * The keys come from the local auth component in the same deployment, or from an external identity
 * provider named by {@code orderflow.edge.security.issuer-uri} or {@code jwk-set-uri}.
 */
package io.orderflow.edge.security;
