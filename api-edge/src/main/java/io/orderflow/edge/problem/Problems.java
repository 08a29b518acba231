package io.orderflow.edge.problem;

import io.orderflow.contracts.common.ErrorCode;
import java.net.URI;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.FieldError;
import org.springframework.validation.ObjectError;
import org.springframework.web.bind.support.WebExchangeBindException;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.server.MethodNotAllowedException;
import org.springframework.web.server.NotAcceptableStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.ServerWebInputException;
import org.springframework.web.server.UnsupportedMediaTypeStatusException;

/** Builds problem documents, and explains the errors Spring raises while routing and reading a request. */
final class Problems {

    private static final Logger log = LoggerFactory.getLogger(Problems.class);

    private Problems() {
    }

    /** Explains an exception raised by Spring WebFlux itself, which already chose {@code status}. */
    static ApiProblem fromSpring(Throwable failure, HttpStatusCode status) {
        if (failure instanceof WebExchangeBindException invalid) {
            return ApiProblem.of(ErrorCode.VALIDATION_FAILED, "The request has invalid fields.",
                    invalid.getAllErrors().stream().map(Problems::violation).toList());
        }
        if (failure instanceof HandlerMethodValidationException invalid) {
            return ApiProblem.of(ErrorCode.VALIDATION_FAILED, "The request has invalid values.",
                    invalid.getParameterValidationResults().stream()
                            .flatMap(result -> result.getResolvableErrors().stream()
                                    .map(error -> new FieldViolation(result.getMethodParameter().getParameterName(),
                                            error.getDefaultMessage())))
                            .toList());
        }
        if (failure instanceof MethodNotAllowedException notAllowed) {
            return ApiProblem.of(ErrorCode.METHOD_NOT_ALLOWED,
                    "Method " + notAllowed.getHttpMethod() + " is not supported here; allowed: "
                            + notAllowed.getSupportedMethods() + ".");
        }
        if (failure instanceof NotAcceptableStatusException) {
            return ApiProblem.of(ErrorCode.NOT_ACCEPTABLE, "This resource answers with application/json only.");
        }
        if (failure instanceof UnsupportedMediaTypeStatusException) {
            return ApiProblem.of(ErrorCode.UNSUPPORTED_MEDIA_TYPE, "Send the request body as application/json.");
        }
        if (failure instanceof ServerWebInputException) {
            return ApiProblem.of(ErrorCode.MALFORMED_REQUEST,
                    "The request could not be read: the body is missing, is not valid JSON, or has a value of the wrong type.");
        }
        ErrorCode code = ErrorStatus.codeFor(status);
        return switch (code) {
            case ROUTE_NOT_FOUND -> ApiProblem.of(code, "There is no resource at this path.");
            // Spring 7 raises ContentTooLargeException when a body exceeds spring.codec.max-in-memory-size
            case PAYLOAD_TOO_LARGE -> ApiProblem.of(code, "The request body is too large.");
            case INTERNAL_ERROR -> ApiProblem.of(code, Failures.INTERNAL_DETAIL);
            default -> ApiProblem.of(code, reasonOf(status));
        };
    }

    static ResponseEntity<Object> response(ApiProblem problem, HttpStatusCode status, HttpHeaders headers,
            Throwable failure, ServerWebExchange exchange) {
        logFailure(problem, status, failure, exchange);
        HttpHeaders responseHeaders = new HttpHeaders();
        if (headers != null) {
            responseHeaders.putAll(headers);
        }
        problem.headers().forEach(responseHeaders::set);
        // an explicit content type is written as is, even to a client that asked for something else (406)
        responseHeaders.setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        return ResponseEntity.status(status).headers(responseHeaders).body(body(problem, status, exchange));
    }

    static ProblemDetail body(ApiProblem problem, HttpStatusCode status, ServerWebExchange exchange) {
        ProblemDetail body = ProblemDetail.forStatusAndDetail(status, problem.detail());
        body.setInstance(URI.create(exchange.getRequest().getURI().getRawPath()));
        body.setProperty("code", problem.code().name());
        if (!problem.errors().isEmpty()) {
            body.setProperty("errors", problem.errors());
        }
        problem.properties().forEach(body::setProperty);
        return body;
    }

    private static void logFailure(ApiProblem problem, HttpStatusCode status, Throwable failure, ServerWebExchange exchange) {
        String request = exchange.getRequest().getMethod() + " " + exchange.getRequest().getURI().getRawPath();
        if (problem.code() == ErrorCode.INTERNAL_ERROR) {
            log.error("{} failed with {}", request, status, failure);
        } else if (status.is5xxServerError() && problem.code() != ErrorCode.OVERLOADED) {
            log.warn("{} failed with {} {}: {}", request, status, problem.code(), String.valueOf(failure));
        } else {
            log.debug("{} refused with {} {}: {}", request, status, problem.code(), problem.detail());
        }
    }

    private static FieldViolation violation(ObjectError error) {
        String field = error instanceof FieldError fieldError ? fieldError.getField() : error.getObjectName();
        return new FieldViolation(field, error.getDefaultMessage());
    }

    private static String reasonOf(HttpStatusCode status) {
        return status instanceof HttpStatus known ? known.getReasonPhrase() : "Request failed.";
    }
}
