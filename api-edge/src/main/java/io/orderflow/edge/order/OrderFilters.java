package io.orderflow.edge.order;

import io.orderflow.contracts.common.CustomerId;
import io.orderflow.contracts.common.ErrorCode;
import io.orderflow.contracts.order.FindOrdersQuery;
import io.orderflow.contracts.order.OrderStatus;
import io.orderflow.edge.problem.ApiProblem;
import io.orderflow.edge.problem.FieldViolation;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The query parameters of the order list, checked all at once so that a client learns every mistake in one
 * answer: {@code customerId}, {@code status} (repeated or comma-separated), {@code from} (inclusive) and
 * {@code to} (exclusive) as ISO-8601 instants or dates (a date is its first instant, UTC), {@code page}
 * from 0 and {@code size} from 1 to {@value FindOrdersQuery#MAX_SIZE}.
 */
final class OrderFilters {

    private static final int MAX_CUSTOMER_ID = 100;

    private OrderFilters() {
    }

    static FindOrdersQuery toQuery(String customerId, List<String> statuses, String from, String to, int page, int size) {
        List<FieldViolation> violations = new ArrayList<>();
        CustomerId customer = customerId == null ? null : customerIdOf(customerId, "customerId", violations);
        Set<OrderStatus> wanted = statusesOf(statuses, violations);
        Instant start = instantOf(from, "from", violations);
        Instant end = instantOf(to, "to", violations);
        if (start != null && end != null && start.isAfter(end)) {
            violations.add(new FieldViolation("from", "must not be after to"));
        }
        if (page < 0) {
            violations.add(new FieldViolation("page", "must be 0 or more"));
        }
        if (size < 1 || size > FindOrdersQuery.MAX_SIZE) {
            violations.add(new FieldViolation("size", "must be between 1 and " + FindOrdersQuery.MAX_SIZE));
        }
        if (!violations.isEmpty()) {
            throw invalid(violations);
        }
        return new FindOrdersQuery(customer, wanted, start, end, page, size);
    }

    /** A customer id from a path or a parameter: not blank, at most as long as an order accepts. */
    static CustomerId customerIdOf(String customerId, String field) {
        List<FieldViolation> violations = new ArrayList<>();
        CustomerId customer = customerIdOf(customerId, field, violations);
        if (!violations.isEmpty()) {
            throw invalid(violations);
        }
        return customer;
    }

    static void requireSize(int size) {
        if (size < 1 || size > FindOrdersQuery.MAX_SIZE) {
            throw invalid(List.of(new FieldViolation("size", "must be between 1 and " + FindOrdersQuery.MAX_SIZE)));
        }
    }

    private static CustomerId customerIdOf(String customerId, String field, List<FieldViolation> violations) {
        String stripped = customerId.strip();
        if (stripped.isEmpty() || stripped.length() > MAX_CUSTOMER_ID) {
            violations.add(new FieldViolation(field, "must be 1 to " + MAX_CUSTOMER_ID + " characters"));
            return null;
        }
        return CustomerId.of(stripped);
    }

    private static Set<OrderStatus> statusesOf(List<String> statuses, List<FieldViolation> violations) {
        Set<OrderStatus> wanted = EnumSet.noneOf(OrderStatus.class);
        if (statuses == null) {
            return wanted;
        }
        for (String value : statuses) {
            for (String status : value.split(",")) {
                try {
                    wanted.add(OrderStatus.valueOf(status.strip().toUpperCase()));
                } catch (IllegalArgumentException unknown) {
                    violations.add(new FieldViolation("status", "'" + status.strip() + "' is not one of "
                            + Arrays.stream(OrderStatus.values()).map(Enum::name).collect(Collectors.joining(", "))));
                }
            }
        }
        return wanted;
    }

    private static Instant instantOf(String value, String field, List<FieldViolation> violations) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return value.length() == 10 ? LocalDate.parse(value).atStartOfDay(ZoneOffset.UTC).toInstant() : Instant.parse(value);
        } catch (DateTimeParseException e) {
            violations.add(new FieldViolation(field, "must be an ISO-8601 instant (2026-03-01T10:15:30Z) or date (2026-03-01)"));
            return null;
        }
    }

    private static ApiProblem invalid(List<FieldViolation> violations) {
        return ApiProblem.of(ErrorCode.VALIDATION_FAILED, "The request has invalid values.", violations);
    }
}
