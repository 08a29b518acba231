/**
 * How the edge fails: every error leaves as an RFC 9457 {@code application/problem+json} document with
 * a stable {@code code} from {@link io.orderflow.contracts.common.ErrorCode} (and, for invalid input,
 * {@code errors: [{field, message}]}). Features throw {@link io.orderflow.edge.problem.ApiProblem};
 * refusals from the aggregates, Axon's dispatch failures and Spring's protocol errors are translated
 * here, in one place, and anything unexpected becomes a {@code 500 INTERNAL_ERROR} whose cause is
 * logged but never shown.
 */
package io.orderflow.edge.problem;
