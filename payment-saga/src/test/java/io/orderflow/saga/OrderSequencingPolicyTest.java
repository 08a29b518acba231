package io.orderflow.saga;

import static org.assertj.core.api.Assertions.assertThat;

import io.orderflow.contracts.common.Money;
import io.orderflow.contracts.common.OrderId;
import io.orderflow.contracts.common.ProductId;
import io.orderflow.contracts.inventory.ProductAdded;
import io.orderflow.contracts.inventory.StockReserved;
import io.orderflow.contracts.order.OrderConfirmed;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.junit.jupiter.api.Test;

class OrderSequencingPolicyTest {

    private final OrderSequencingPolicy policy = new OrderSequencingPolicy();
    private final ProductId popularProduct = ProductId.of("popular");

    @Test
    void sequencesAProductsStockEventsByTheOrderTheyConcern() {
        Object first = policy.getSequenceIdentifierFor(fromProduct(new StockReserved(popularProduct, OrderId.of("order-1"), 1), 1));
        Object second = policy.getSequenceIdentifierFor(fromProduct(new StockReserved(popularProduct, OrderId.of("order-2"), 1), 2));

        assertThat(first).isEqualTo("order-1");
        assertThat(second).isEqualTo("order-2");
    }

    @Test
    void sequencesAnOrdersOwnEventsAndItsStockEventsTogether() {
        Object fromOrder = policy.getSequenceIdentifierFor(
                new GenericDomainEventMessage<>("Order", "order-1", 4, new OrderConfirmed(OrderId.of("order-1"))));
        Object fromStock = policy.getSequenceIdentifierFor(fromProduct(new StockReserved(popularProduct, OrderId.of("order-1"), 1), 3));

        assertThat(fromOrder).isEqualTo(fromStock);
    }

    @Test
    void fallsBackToTheAggregateForEventsOfNoOrder() {
        Object added = policy.getSequenceIdentifierFor(
                fromProduct(new ProductAdded(popularProduct, "Beans", Money.of("1.00", "EUR"), 5), 0));

        assertThat(added).isEqualTo("popular");
    }

    private GenericDomainEventMessage<Object> fromProduct(Object payload, long sequence) {
        return new GenericDomainEventMessage<>("Inventory", popularProduct.value(), sequence, payload);
    }
}
