package io.orderflow.edge.problem;

import io.orderflow.contracts.common.BusinessRuleViolation;
import io.orderflow.contracts.common.ErrorCode;
import java.util.Arrays;
import java.util.Optional;
import java.util.concurrent.TimeoutException;
import org.axonframework.commandhandling.NoHandlerForCommandException;
import org.axonframework.messaging.HandlerExecutionException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.queryhandling.NoHandlerForQueryException;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.transaction.CannotCreateTransactionException;
import reactor.core.Exceptions;

/**
 * Explains a failure that did not come from Spring's own request handling: a refusal from an aggregate,
 * a failure of Axon's dispatching, or a bug. What it cannot explain becomes {@code INTERNAL_ERROR} with a
 * generic detail, so no exception text ever reaches a client.
 */
public final class Failures {

    static final String INTERNAL_DETAIL = "Something went wrong on our side. It has been logged; please try again later.";
    private static final int MAX_CAUSE_DEPTH = 16;

    private Failures() {
    }

    static ApiProblem classify(Throwable failure) {
        Throwable current = Exceptions.unwrap(failure);
        for (int depth = 0; current != null && depth < MAX_CAUSE_DEPTH; depth++, current = current.getCause()) {
            Optional<ApiProblem> explained = explain(current);
            if (explained.isPresent()) {
                return explained.get();
            }
        }
        return ApiProblem.of(ErrorCode.INTERNAL_ERROR, INTERNAL_DETAIL);
    }

    /** The first exception of the given type in the cause chain of {@code failure}, if any. */
    public static <T extends Throwable> Optional<T> causeOf(Throwable failure, Class<T> type) {
        Throwable current = Exceptions.unwrap(failure);
        for (int depth = 0; current != null && depth < MAX_CAUSE_DEPTH; depth++, current = current.getCause()) {
            if (type.isInstance(current)) {
                return Optional.of(type.cast(current));
            }
        }
        return Optional.empty();
    }

    private static Optional<ApiProblem> explain(Throwable failure) {
        if (failure instanceof ApiProblem problem) {
            return Optional.of(problem);
        }
        if (failure instanceof BusinessRuleViolation violation) {
            return Optional.of(ApiProblem.of(violation.code(), violation.getMessage()));
        }
        if (failure instanceof HandlerExecutionException remote) {
            // a distributed bus carries the refusal's code in the details, not as the exception type
            return errorCodeIn(remote.getDetails().orElse(null)).map(code -> ApiProblem.of(code, remote.getMessage()));
        }
        if (failure instanceof NoHandlerForCommandException || failure instanceof NoHandlerForQueryException) {
            return Optional.of(ApiProblem.of(ErrorCode.SERVICE_UNAVAILABLE,
                    "A service needed for this request is not available. Please try again later."));
        }
        if (failure instanceof DataAccessResourceFailureException || failure instanceof TransientDataAccessException
                || failure instanceof CannotCreateTransactionException) {
            return Optional.of(ApiProblem.of(ErrorCode.SERVICE_UNAVAILABLE,
                    "A service needed for this request is not available. Please try again later."));
        }
        if (failure instanceof ConcurrencyException) {
            return Optional.of(ApiProblem.of(ErrorCode.CONCURRENT_MODIFICATION,
                    "The resource was changed by another request at the same time. Please try again."));
        }
        if (failure instanceof TimeoutException) {
            return Optional.of(ApiProblem.of(ErrorCode.TIMEOUT, "The request took too long to process."));
        }
        if (failure instanceof DataBufferLimitException) {
            return Optional.of(ApiProblem.of(ErrorCode.PAYLOAD_TOO_LARGE, "The request body is too large."));
        }
        return Optional.empty();
    }

    private static Optional<ErrorCode> errorCodeIn(Object details) {
        if (details instanceof ErrorCode code) {
            return Optional.of(code);
        }
        if (details == null) {
            return Optional.empty();
        }
        String name = details.toString();
        return Arrays.stream(ErrorCode.values()).filter(code -> code.name().equals(name)).findFirst();
    }
}
