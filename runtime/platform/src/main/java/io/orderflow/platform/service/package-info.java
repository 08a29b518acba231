/**
 * What every separately deployed service shares: how its Spring application is built (its own
 * configuration file next to the platform's {@code orderflow-service.yml}), and the health probe its
 * container runs. Nothing here is a component: the launcher, which scans {@code io.orderflow}, must not
 * pick up a service's set-up.
 */
package io.orderflow.platform.service;
