package io.orderflow.edge.order;

import io.orderflow.contracts.order.OrderPageView;
import io.orderflow.contracts.order.OrderView;
import io.orderflow.edge.dispatch.Live;
import io.orderflow.edge.web.ServerSentEvents;
import java.util.HashMap;
import java.util.Map;
import org.springframework.http.codec.ServerSentEvent;
import reactor.core.publisher.Mono;

/**
 * What one live stream has already told its client about each order, so that it tells only news: a
 * subscription can deliver the current state again, or a change older than the state it started with
 * (STACK-NOTES, trap 6). An order's states are ordered by their time, then by status, whose order follows
 * the order's life cycle ({@code PENDING} first, {@code CANCELLED} last). Not thread-safe: one per stream.
 */
final class LatestOrders {

    static final String ORDER_EVENT = "order";
    static final String PAGE_EVENT = "orders";

    private final Map<String, OrderView> told = new HashMap<>();

    /**
     * What to tell of one signal of a followed list of orders: the page as {@code event: orders} (its orders
     * are then told), a change as {@code event: order} if it is news, else nothing.
     */
    Mono<ServerSentEvent<Object>> tell(Live<OrderPageView, OrderView> signal) {
        if (signal instanceof Live.Current<OrderPageView, OrderView> current) {
            current.value().items().forEach(this::isNews);
            return Mono.just(ServerSentEvents.event(PAGE_EVENT, current.value()));
        }
        OrderView change = ((Live.Change<OrderPageView, OrderView>) signal).value();
        return isNews(change) ? Mono.just(ServerSentEvents.event(ORDER_EVENT, change)) : Mono.empty();
    }

    /** Whether {@code order} is newer than what was told about it; if so, it is now what was told. */
    boolean isNews(OrderView order) {
        OrderView last = told.get(order.orderId());
        if (last != null && !isNewer(order, last)) {
            return false;
        }
        told.put(order.orderId(), order);
        return true;
    }

    private static boolean isNewer(OrderView order, OrderView than) {
        int byTime = order.updatedAt().compareTo(than.updatedAt());
        return byTime > 0 || byTime == 0 && order.status().compareTo(than.status()) > 0;
    }
}
