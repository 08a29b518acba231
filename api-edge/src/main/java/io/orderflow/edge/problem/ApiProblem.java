package io.orderflow.edge.problem;

import io.orderflow.contracts.common.ErrorCode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A failure the edge knows how to explain: its code, a detail safe to show to a client, and optionally
 * the invalid fields and extra problem properties (such as the unknown product ids). Controllers throw
 * or emit it; the problem handlers turn it into a problem document.
 */
public final class ApiProblem extends RuntimeException {

    private final ErrorCode code;
    private final List<FieldViolation> errors;
    private final Map<String, Object> properties;
    private final Map<String, String> headers;

    private ApiProblem(ErrorCode code, String detail, List<FieldViolation> errors, Map<String, Object> properties,
            Map<String, String> headers) {
        // a refusal is control flow, not a bug: no stack trace to fill in
        super(detail, null, false, false);
        this.code = Objects.requireNonNull(code, "code");
        this.errors = List.copyOf(errors);
        this.properties = Map.copyOf(properties);
        this.headers = Map.copyOf(headers);
    }

    public static ApiProblem of(ErrorCode code, String detail) {
        return new ApiProblem(code, detail, List.of(), Map.of(), Map.of());
    }

    public static ApiProblem of(ErrorCode code, String detail, List<FieldViolation> errors) {
        return new ApiProblem(code, detail, errors, Map.of(), Map.of());
    }

    /** The same problem with one more property in the problem document. */
    public ApiProblem with(String property, Object value) {
        Map<String, Object> more = new LinkedHashMap<>(properties);
        more.put(property, value);
        return new ApiProblem(code, getMessage(), errors, more, headers);
    }

    /** The same problem with one more response header, such as {@code Retry-After} or {@code WWW-Authenticate}. */
    public ApiProblem withHeader(String name, String value) {
        Map<String, String> more = new LinkedHashMap<>(headers);
        more.put(name, value);
        return new ApiProblem(code, getMessage(), errors, properties, more);
    }

    public ErrorCode code() {
        return code;
    }

    public String detail() {
        return getMessage();
    }

    public List<FieldViolation> errors() {
        return errors;
    }

    public Map<String, Object> properties() {
        return properties;
    }

    public Map<String, String> headers() {
        return headers;
    }
}
