package io.orderflow.edge.order;

import io.orderflow.contracts.order.CountOrdersQuery;
import io.orderflow.contracts.order.FindOrdersQuery;
import io.orderflow.contracts.order.OrderCountsView;
import io.orderflow.contracts.order.OrderPageView;
import io.orderflow.contracts.order.OrderView;
import io.orderflow.edge.dispatch.Queries;
import io.orderflow.edge.web.ServerSentEvents;
import io.swagger.v3.oas.annotations.Operation;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The operators' live order board: every customer's orders as they arrive and change, and how many there
 * are by status and by cancellation reason. Counting reads every order row, so after changes the counts
 * are told again at most once per {@code orderflow.edge.live.counts-interval}, not once per change.
 */
@RestController
class OrderBoardController {

    static final String COUNTS_EVENT = "counts";

    private final Queries queries;
    private final LiveOrderProperties live;

    OrderBoardController(Queries queries, LiveOrderProperties live) {
        this.queries = queries;
        this.live = live;
    }

    @Operation(summary = "Follow every order live (administrators)", description = """
            Server-Sent Events. First `event: orders` with the newest `size` orders of all customers (shaped as \
            `GET /api/orders`), then `event: counts` with `{total, byStatus, byCancellationReason}`, then \
            `event: order` for every new or changed order (shaped as `GET /api/orders/{orderId}`), each told once, \
            and `event: counts` again after changes, at most once per `orderflow.edge.live.counts-interval`. \
            Never ends by itself; a comment line every `orderflow.edge.live.heartbeat` keeps it open.""")
    @GetMapping(path = "/api/admin/orders/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    Flux<ServerSentEvent<Object>> board(@RequestParam(defaultValue = "" + FindOrdersQuery.DEFAULT_SIZE) int size) {
        OrderFilters.requireSize(size);
        return Flux.defer(() -> {
            LatestOrders told = new LatestOrders();
            Flux<ServerSentEvent<Object>> orders = queries.follow(FindOrdersQuery.newest(size), OrderPageView.class, OrderView.class)
                    .concatMap(told::tell);
            Flux<ServerSentEvent<Object>> board = orders.publish(shared -> Flux.merge(shared,
                    shared.take(1).concatWith(shared.skip(1).sample(live.countsInterval()))
                            .concatMap(changed -> counts())));
            return ServerSentEvents.withHeartbeat(board, live.heartbeat());
        });
    }

    private Mono<ServerSentEvent<Object>> counts() {
        return queries.one(new CountOrdersQuery(), OrderCountsView.class)
                .map(counts -> ServerSentEvents.event(COUNTS_EVENT, counts));
    }
}
