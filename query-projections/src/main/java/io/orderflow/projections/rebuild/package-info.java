/**
 * Replaying and verifying a read model without taking it offline (docs/decisions/0005). A rebuild reads
 * the whole event store into a fresh generation of tables while the live generation keeps serving; then
 * it pauses the live processor, finishes at exactly the position the live read model has reached, and
 * compares the two row by row. A verification stops there and drops its tables. A replay catches up,
 * and in one transaction moves the processor's tokens to where the rebuild stopped, points the views at
 * the new generation and clears the group's dead letters; then the processor resumes on the new tables.
 * A rebuild only runs the projections' event handlers: it sends no command and publishes nothing.
 */
package io.orderflow.projections.rebuild;
