/**
 * Admission control: new orders are refused with {@code 503 OVERLOADED} and {@code Retry-After} while the
 * order process is too far behind to finish them in time, instead of accepting work that would wait minutes.
 * The signal is the age of the oldest event the order saga's processor has not handled yet, sampled a few
 * times a second over the query bus by each edge instance.
 */
package io.orderflow.edge.admission;
