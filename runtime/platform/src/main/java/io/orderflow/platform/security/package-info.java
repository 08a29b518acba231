/**
 * The vocabulary of access shared by the module that grants it (the auth component) and the module that
 * checks it (the edge), so that neither depends on the other: the {@link io.orderflow.platform.security.Role}s.
 */
package io.orderflow.platform.security;
