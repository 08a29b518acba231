/**
 * Configuration that several modules read the same way: the data directory where a single-node run keeps what must
 * survive a restart (a generated signing key; the embedded servers' data, read by module
 * {@code embedded-infrastructure} from the same property).
 */
package io.orderflow.platform.config;
