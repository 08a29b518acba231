/**
 * Accounts: registration ({@code POST /api/auth/register}, always as a {@code CUSTOMER}), login
 * ({@code POST /api/auth/token}, answering an access token), and the administrator created at start-up
 * from configuration. Passwords are hashed with Spring Security's delegating encoder (bcrypt) off the event
 * loop. A failed login never says whether the address or the password was wrong, and takes as long either way.
 */
package io.orderflow.auth.account;
