/**
 * Telling subscription queries about changes of the read models, across instances: a projection that
 * changed a row announces it to this instance's subscribers and sends a PostgreSQL notification on its
 * {@link io.orderflow.projections.live.ChangeChannel}'s channel in the same transaction; the
 * {@link io.orderflow.projections.live.ChangeListener} of every other instance hears it once the
 * transaction commits and tells its own subscribers.
 */
package io.orderflow.projections.live;
