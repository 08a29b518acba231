package io.orderflow.contracts.order;

import java.util.List;

/**
 * One page of orders. Each item has exactly the shape of a single order ({@link OrderView}); {@code total}
 * counts every order matching the filters, on every page.
 */
public record OrderPageView(List<OrderView> items, int page, int size, long total, int totalPages) {

    public OrderPageView {
        items = List.copyOf(items);
    }
}
