/**
 * Read models in generations: each read model (named like its processing group) writes into the tables
 * of one generation ({@code order_view_g2}), and readers read the plain names, views over the active
 * generation. {@link io.orderflow.projections.readmodel.ProjectionTarget} tells a projection which
 * generation an event goes to (the active one, or the one a rebuild is filling on this thread) and runs
 * the event's writes atomically; {@link io.orderflow.projections.readmodel.Generations} creates, activates
 * and drops generations through the SQL functions that the {@code projections} migrations own.
 */
package io.orderflow.projections.readmodel;
