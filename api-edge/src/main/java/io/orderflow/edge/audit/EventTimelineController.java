package io.orderflow.edge.audit;

import io.orderflow.contracts.common.OrderId;
import io.orderflow.contracts.order.OrderView;
import io.orderflow.contracts.order.FindOrderQuery;
import org.springframework.security.core.Authentication;
import io.orderflow.edge.security.Caller;
import io.orderflow.contracts.audit.AuditedAggregate;
import io.orderflow.contracts.audit.EventTimelineView;
import io.orderflow.contracts.audit.FindEventTimelineQuery;
import io.orderflow.contracts.common.ErrorCode;
import io.orderflow.edge.dispatch.Queries;
import io.orderflow.edge.problem.ApiProblem;
import io.orderflow.edge.problem.FieldViolation;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import io.swagger.v3.oas.annotations.Operation;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * {@code {aggregateType, aggregateId, events: [{sequence, type, payloadType, revision, eventId, timestamp,
 * payload, metadata}], nextSequence}}, from {@code fromSequence} (default 0), at most {@code limit}
 * events (default {@value FindEventTimelineQuery#DEFAULT_LIMIT}, at most {@value FindEventTimelineQuery#MAX_LIMIT});
 * {@code nextSequence} is where the next page starts, null on the last one.
 */
@RestController
class EventTimelineController {

    private final Queries queries;

    EventTimelineController(Queries queries) {
        this.queries = queries;
    }

    @Operation(summary = "The order's events as recorded", description = """
            The events of the order as the event store holds them, oldest first: each payload and its metadata \
            exactly as stored. An amount in a payload is `{"amount": 34.90, "currency": "EUR"}`, the amount a JSON \
            number at the currency's scale, as everywhere in the API.""")
    @GetMapping(path = "/api/orders/{orderId}/events", produces = MediaType.APPLICATION_JSON_VALUE)
    Mono<EventTimelineView> orderEvents(@PathVariable String orderId,
                                        @RequestParam(defaultValue = "0") long fromSequence,
                                        @RequestParam(defaultValue = "" + FindEventTimelineQuery.DEFAULT_LIMIT) int limit,
                                        Authentication authentication) {
        Caller caller = Caller.of(authentication);
        Supplier<ApiProblem> unknown = () -> ApiProblem.of(ErrorCode.ORDER_NOT_FOUND, "There is no order " + orderId + ".");
        if (caller.admin()) {
            return timeline(AuditedAggregate.ORDER, orderId, fromSequence, limit, unknown);
        }
        // a customer sees the timeline of their own orders only; anyone else's answers like an unknown one
        return Mono.defer(() -> orderId.isBlank() ? Mono.error(unknown.get())
                        : queries.one(new FindOrderQuery(OrderId.of(orderId)), OrderView.class))
                .filter(order -> caller.mayAccessOrdersOf(order.customerId()))
                .switchIfEmpty(Mono.error(unknown))
                .then(timeline(AuditedAggregate.ORDER, orderId, fromSequence, limit, unknown));
    }

    @GetMapping(path = "/api/products/{productId}/events", produces = MediaType.APPLICATION_JSON_VALUE)
    Mono<EventTimelineView> productEvents(@PathVariable String productId,
                                          @RequestParam(defaultValue = "0") long fromSequence,
                                          @RequestParam(defaultValue = "" + FindEventTimelineQuery.DEFAULT_LIMIT) int limit) {
        return timeline(AuditedAggregate.PRODUCT, productId, fromSequence, limit, () -> ApiProblem.of(ErrorCode.PRODUCT_NOT_FOUND,
                "There is no product " + productId + "."));
    }

    private Mono<EventTimelineView> timeline(AuditedAggregate aggregate, String id, long fromSequence, int limit,
                                             Supplier<ApiProblem> unknown) {
        return Mono.defer(() -> {
            List<FieldViolation> violations = new ArrayList<>();
            if (fromSequence < 0) {
                violations.add(new FieldViolation("fromSequence", "must be 0 or more"));
            }
            if (limit < 1 || limit > FindEventTimelineQuery.MAX_LIMIT) {
                violations.add(new FieldViolation("limit", "must be between 1 and " + FindEventTimelineQuery.MAX_LIMIT));
            }
            if (!violations.isEmpty()) {
                return Mono.error(ApiProblem.of(ErrorCode.VALIDATION_FAILED, "The request has invalid values.", violations));
            }
            if (id.isBlank()) {
                return Mono.error(unknown.get());
            }
            return queries.one(new FindEventTimelineQuery(aggregate, id, fromSequence, limit), EventTimelineView.class)
                    .switchIfEmpty(Mono.error(unknown));
        });
    }
}
