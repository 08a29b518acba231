/**
 * Operating the query side over HTTP: replaying a read model into new tables and switching over,
 * verifying one against the event store, following either, and the dead letters of the read models'
 * processors (list, retry, evict), and every health component with its details. Long work answers {@code 202 Accepted} with a {@code Location} to poll.
 */
package io.orderflow.edge.operations;
