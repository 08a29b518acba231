package io.orderflow.edge.order;

import io.orderflow.contracts.common.ErrorCode;
import io.orderflow.contracts.common.OrderId;
import io.orderflow.contracts.order.CancelOrderCommand;
import io.orderflow.contracts.order.CancellationReason;
import io.orderflow.contracts.order.FindOrderHistoryQuery;
import io.orderflow.contracts.order.FindOrderQuery;
import io.orderflow.contracts.order.FindOrdersQuery;
import io.orderflow.contracts.order.OrderHistoryView;
import io.orderflow.contracts.order.OrderPageView;
import io.orderflow.contracts.order.OrderStatus;
import io.orderflow.contracts.order.OrderView;
import io.orderflow.edge.dispatch.Commands;
import io.orderflow.edge.dispatch.Live;
import io.orderflow.edge.dispatch.Queries;
import io.orderflow.edge.idempotency.Idempotency;
import io.orderflow.edge.problem.ApiProblem;
import io.orderflow.edge.problem.FieldViolation;
import io.orderflow.edge.security.Caller;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.validation.Valid;
import java.time.Duration;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * A customer's orders: placing one, reading one or a page of them, its history, cancelling it. The
 * customer is the caller named by the access token; another customer's order answers 404, exactly like
 * an unknown one, so that order ids cannot be probed. Administrators see every order.
 */
@RestController
@RequestMapping(path = "/api/orders", produces = MediaType.APPLICATION_JSON_VALUE)
class OrderController {

    private static final String IDEMPOTENCY_KEY_DOC = "Any unique string (a UUID): a retry with the same key "
            + "and body answers the first response again instead of acting twice.";
    private static final String PLACEMENT_KEY_DOC = "Any unique string (a UUID): a retry with the same key and order "
            + "answers the same order again (202, Idempotent-Replayed: true) instead of placing a second one; with "
            + "another order, 422 IDEMPOTENCY_KEY_REUSED. The key names the order for good.";

    private final Commands commands;
    private final Queries queries;
    private final OrderPlacement placement;
    private final Idempotency idempotency;
    private final LiveOrderProperties live;

    OrderController(Commands commands, Queries queries, OrderPlacement placement, Idempotency idempotency,
                    LiveOrderProperties live) {
        this.commands = commands;
        this.queries = queries;
        this.placement = placement;
        this.idempotency = idempotency;
        this.live = live;
    }

    @ApiResponse(responseCode = "202", description = "Order accepted as PENDING; Location: where to poll it", useReturnTypeSchema = true)
    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    Mono<ResponseEntity<OrderReference>> placeOrder(@Valid @RequestBody PlaceOrderRequest request,
            @Parameter(description = PLACEMENT_KEY_DOC) @RequestHeader(name = Idempotency.HEADER, required = false) String idempotencyKey,
            Authentication authentication, ServerHttpRequest httpRequest) {
        Caller caller = Caller.of(authentication);
        requireOrderingForThemselves(caller, request);
        return placement.place(caller, idempotencyKey, request, httpRequest);
    }

    /**
     * The customer changes their mind: accepted until the order ships. Stock goes back and the payment
     * is voided or refunded by the process that follows. Cancelling again answers the same.
     */
    @ApiResponse(responseCode = "202", description = "Cancellation accepted; Location: the order", useReturnTypeSchema = true)
    @PostMapping("/{orderId}/cancel")
    Mono<ResponseEntity<OrderReference>> cancel(@PathVariable String orderId,
            @Parameter(description = IDEMPOTENCY_KEY_DOC) @RequestHeader(name = Idempotency.HEADER, required = false) String idempotencyKey,
            Authentication authentication, ServerHttpRequest httpRequest) {
        Caller caller = Caller.of(authentication);
        OrderId id = OrderReference.idOf(orderId);
        return idempotency.once(caller, idempotencyKey, httpRequest, null, OrderReference.class, () ->
                visibleOrder(caller, orderId)
                        .then(commands.sendToExisting(new CancelOrderCommand(id, CancellationReason.CUSTOMER_REQUEST,
                                "cancelled by the customer"), () -> OrderReference.notFound(orderId)))
                        .thenReturn(OrderReference.accepted(id, OrderStatus.CANCELLED)));
    }

    /**
     * One order. With {@code waitMs}, an order not yet in the read model is waited for that long (at most
     * {@code orderflow.edge.live.max-wait}): a client that has just placed it reads it without guessing
     * how long the projection takes, and gets {@code 404} only if it does not appear in time.
     */
    @GetMapping("/{orderId}")
    Mono<OrderView> order(@PathVariable String orderId, @RequestParam(required = false) Long waitMs,
                          Authentication authentication) {
        Caller caller = Caller.of(authentication);
        if (waitMs == null || waitMs == 0) {
            return visibleOrder(caller, orderId);
        }
        if (waitMs < 0 || waitMs > live.maxWait().toMillis()) {
            throw ApiProblem.of(ErrorCode.VALIDATION_FAILED, "The request has invalid values.",
                    List.of(new FieldViolation("waitMs", "must be between 0 and " + live.maxWait().toMillis())));
        }
        return queries.follow(new FindOrderQuery(OrderReference.idOf(orderId)), OrderView.class, OrderView.class)
                .map(OrderController::orderOf)
                .next()
                .timeout(Duration.ofMillis(waitMs), Mono.error(() -> OrderReference.notFound(orderId)))
                .filter(order -> caller.mayAccessOrdersOf(order.customerId()))
                .switchIfEmpty(Mono.error(() -> OrderReference.notFound(orderId)));
    }

    /**
     * A page of orders, newest first: {@code {items, page, size, total, totalPages}}, each item shaped as
     * {@code GET /api/orders/{id}}. See {@link OrderFilters} for the parameters. A customer sees only their
     * own orders (the {@code customerId} parameter may be left out); an administrator anyone's.
     */
    @GetMapping
    Mono<OrderPageView> orders(@RequestParam(required = false) String customerId,
                               @RequestParam(required = false) List<String> status,
                               @RequestParam(required = false) String from,
                               @RequestParam(required = false) String to,
                               @RequestParam(defaultValue = "0") int page,
                               @RequestParam(defaultValue = "" + FindOrdersQuery.DEFAULT_SIZE) int size,
                               Authentication authentication) {
        Caller caller = Caller.of(authentication);
        String whose = caller.admin() ? customerId : ownCustomerId(caller, customerId);
        return Mono.fromCallable(() -> OrderFilters.toQuery(whose, status, from, to, page, size))
                .flatMap(query -> queries.one(query, OrderPageView.class));
    }

    /** Every status the order went through, with the time and the event that caused it. */
    @GetMapping("/{orderId}/history")
    Mono<OrderHistoryView> history(@PathVariable String orderId, Authentication authentication) {
        return visibleOrder(Caller.of(authentication), orderId)
                .then(queries.one(new FindOrderHistoryQuery(OrderReference.idOf(orderId)), OrderHistoryView.class))
                .switchIfEmpty(Mono.error(() -> OrderReference.notFound(orderId)));
    }

    static OrderView orderOf(Live<OrderView, OrderView> signal) {
        return signal instanceof Live.Current<OrderView, OrderView> current ? current.value()
                : ((Live.Change<OrderView, OrderView>) signal).value();
    }

    private static String ownCustomerId(Caller caller, String requested) {
        if (requested != null && !requested.equals(caller.subject())) {
            throw ApiProblem.of(ErrorCode.CUSTOMER_MISMATCH,
                    "customerId must be your own customer id (the subject of your access token), or left out.");
        }
        return caller.subject();
    }

    /** The order as the read model has it, if the caller may see it; 404 otherwise, whether it exists or not. */
    private Mono<OrderView> visibleOrder(Caller caller, String orderId) {
        return queries.one(new FindOrderQuery(OrderReference.idOf(orderId)), OrderView.class)
                .filter(order -> caller.mayAccessOrdersOf(order.customerId()))
                .switchIfEmpty(Mono.error(() -> OrderReference.notFound(orderId)));
    }

    private static void requireOrderingForThemselves(Caller caller, PlaceOrderRequest request) {
        if (request.customerId() != null && !request.customerId().equals(caller.subject())) {
            throw ApiProblem.of(ErrorCode.CUSTOMER_MISMATCH,
                    "customerId must be your own customer id (the subject of your access token), or left out.");
        }
    }
}
