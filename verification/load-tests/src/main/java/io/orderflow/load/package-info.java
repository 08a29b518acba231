/**
 * Gatling simulations that load a running orderflow through its HTTP API and check, inside the run,
 * that it stayed correct: no oversold stock, one order per idempotency key, and the throughput from
 * placement to a settled order. {@link io.orderflow.load.LoadRun} runs one in-process; docs/load-tests.md
 * tells how to run them against a system.
 */
package io.orderflow.load;
