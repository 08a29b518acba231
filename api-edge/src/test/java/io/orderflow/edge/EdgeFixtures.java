package io.orderflow.edge;

import io.orderflow.contracts.inventory.ProductView;
import io.orderflow.contracts.order.CancellationReason;
import io.orderflow.contracts.order.OrderLineView;
import io.orderflow.contracts.order.OrderStatus;
import io.orderflow.contracts.order.OrderView;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.UUID;

/** Test data: catalogue and order views, and request bodies as plain JSON maps (so tests can add stray fields). */
public final class EdgeFixtures {

    private EdgeFixtures() {
    }

    public static ProductView aProduct() {
        return aProduct("Espresso beans 1kg", "24.90", "EUR");
    }

    public static ProductView aProduct(String name, String price, String currency) {
        return new ProductView(UUID.randomUUID().toString(), name, new BigDecimal(price), currency, 40, 3, 7);
    }

    public static OrderView anOrder(OrderStatus status) {
        Instant placed = Instant.parse("2026-03-01T10:15:30Z");
        return new OrderView(UUID.randomUUID().toString(), "customer-42", status, null, null,
                List.of(new OrderLineView(UUID.randomUUID().toString(), "Espresso beans 1kg", 2,
                        new BigDecimal("24.90"), new BigDecimal("49.80"))),
                new BigDecimal("49.80"), new BigDecimal("9.46"), new BigDecimal("59.26"), "EUR",
                placed, placed.plusSeconds(90));
    }

    /** {@code order} moved on to {@code status}, {@code seconds} after its last change. */
    public static OrderView movedTo(OrderView order, OrderStatus status, long seconds) {
        return new OrderView(order.orderId(), order.customerId(), status, order.cancellationReason(),
                order.cancellationDetail(), order.lines(), order.subtotal(), order.tax(), order.total(),
                order.currency(), order.createdAt(), order.updatedAt().plusSeconds(seconds));
    }

    /** An order of {@code customerId} placed at {@code placed}. */
    public static OrderView anOrderOf(String customerId, Instant placed, OrderStatus status) {
        OrderView order = anOrder(status);
        return new OrderView(order.orderId(), customerId, status, null, null, order.lines(), order.subtotal(),
                order.tax(), order.total(), order.currency(), placed, placed);
    }

    public static OrderView aCancelledOrder() {
        OrderView order = anOrder(OrderStatus.CANCELLED);
        return new OrderView(order.orderId(), order.customerId(), order.status(), CancellationReason.OUT_OF_STOCK,
                "only 1 of 2 available", order.lines(), order.subtotal(), order.tax(), order.total(),
                order.currency(), order.createdAt(), order.updatedAt());
    }

    public static Json aNewProduct() {
        return Json.object()
                .with("name", "Espresso beans 1kg")
                .with("price", new BigDecimal("24.90"))
                .with("currency", "EUR")
                .with("initialStock", 40);
    }

    public static Json aRestock(Object quantity) {
        return Json.object().with("quantity", quantity);
    }

    public static Json anOrderFor(ProductView... products) {
        List<Json> lines = new ArrayList<>();
        for (ProductView product : products) {
            lines.add(aLine(product.productId(), 2));
        }
        return anOrderWithLines(lines);
    }

    public static Json anOrderWithLines(List<Json> lines) {
        return Json.object()
                .with("customerId", "customer-42")
                .with("lines", lines)
                .with("shippingAddress", anAddress());
    }

    public static Json aLine(String productId, Object quantity) {
        return Json.object().with("productId", productId).with("quantity", quantity);
    }

    public static Json anAddress() {
        return Json.object()
                .with("name", "Ada Lovelace")
                .with("line1", "12 St James's Square")
                .with("city", "London")
                .with("postalCode", "SW1Y 4JH")
                .with("country", "GB");
    }

    /** A JSON object under construction. */
    public static final class Json extends LinkedHashMap<String, Object> {

        public static Json object() {
            return new Json();
        }

        public Json with(String field, Object value) {
            put(field, value);
            return this;
        }

        public Json without(String field) {
            remove(field);
            return this;
        }
    }
}
