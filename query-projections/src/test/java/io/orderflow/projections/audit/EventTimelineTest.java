package io.orderflow.projections.audit;

import static io.orderflow.projections.StoredEvents.INVENTORY;
import static io.orderflow.projections.StoredEvents.ORDER;
import static io.orderflow.projections.StoredEvents.aConfirmedOrder;
import static io.orderflow.projections.StoredEvents.aProductWithTrade;
import static io.orderflow.projections.StoredEvents.metaDataOf;
import static org.assertj.core.api.Assertions.assertThat;

import io.orderflow.contracts.audit.AuditedAggregate;
import io.orderflow.contracts.audit.EventTimelineView;
import io.orderflow.contracts.audit.FindEventTimelineQuery;
import io.orderflow.contracts.audit.RecordedEventView;
import io.orderflow.contracts.common.CustomerId;
import io.orderflow.contracts.common.OrderId;
import io.orderflow.contracts.common.ProductId;
import io.orderflow.platform.db.DatabaseProperties;
import io.orderflow.projections.IsolatedProjections;
import java.math.BigDecimal;
import java.util.Map;
import org.axonframework.queryhandling.QueryGateway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

@SpringBootTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EventTimelineTest {

    @Autowired JdbcTemplate sharedJdbc;
    @Autowired DatabaseProperties database;

    IsolatedProjections projections;
    final CustomerId customer = CustomerId.random();
    final OrderId order = OrderId.random();
    final ProductId product = ProductId.random();

    @BeforeAll
    void start() {
        projections = IsolatedProjections.start(sharedJdbc, database);
        projections.events().append(ORDER, order, metaDataOf(customer), aConfirmedOrder(order, customer, product));
        projections.events().append(INVENTORY, product, aProductWithTrade(product, order, OrderId.random()));
    }

    @AfterAll
    void stop() {
        projections.close();
    }

    @Test
    void showsAnOrdersEventsAsStoredInSequenceWithTheirMetadata() {
        EventTimelineView timeline = timeline(AuditedAggregate.ORDER, order.value(), 0, 100);

        assertThat(timeline.aggregateType()).isEqualTo("Order");
        assertThat(timeline.aggregateId()).isEqualTo(order.value());
        assertThat(timeline.nextSequence()).isNull();
        assertThat(timeline.events()).extracting(RecordedEventView::sequence).containsExactly(0L, 1L, 2L, 3L);
        assertThat(timeline.events()).extracting(RecordedEventView::type)
                .containsExactly("OrderPlaced", "OrderAwaitingPayment", "PaymentApproved", "OrderConfirmed");
        RecordedEventView placed = timeline.events().get(0);
        assertThat(placed.payloadType()).isEqualTo("io.orderflow.contracts.order.OrderPlaced");
        assertThat(placed.eventId()).isNotBlank();
        assertThat(placed.timestamp()).isNotNull();
        assertThat(placed.metadata()).containsEntry("customerId", customer.value())
                .containsEntry("traceId", "trace-" + customer.value());
        @SuppressWarnings("unchecked")
        Map<String, Object> payload = (Map<String, Object>) placed.payload();
        assertThat(payload).containsEntry("orderId", order.value()).containsEntry("customerId", customer.value());
        @SuppressWarnings("unchecked")
        Map<String, Object> total = (Map<String, Object>) payload.get("total");
        assertThat(total).as("amounts exactly as stored").containsEntry("amount", new BigDecimal("25.00"))
                .containsEntry("currency", "EUR").containsOnlyKeys("amount", "currency");
        assertThat(timeline.events()).extracting(RecordedEventView::revision).as("the revision of each type").containsOnly("1");
    }

    @Test
    void pagesThroughALongTimeline() {
        EventTimelineView first = timeline(AuditedAggregate.PRODUCT, product.value(), 0, 2);
        EventTimelineView rest = timeline(AuditedAggregate.PRODUCT, product.value(), first.nextSequence(), 100);

        assertThat(first.events()).extracting(RecordedEventView::type).containsExactly("ProductAdded", "StockReserved");
        assertThat(first.nextSequence()).isEqualTo(2L);
        assertThat(rest.events()).extracting(RecordedEventView::sequence).containsExactly(2L, 3L, 4L);
        assertThat(rest.nextSequence()).isNull();
        assertThat(timeline(AuditedAggregate.PRODUCT, product.value(), 5, 10).events()).isEmpty();
    }

    @Test
    void knowsNoAggregateWithoutEventsNorAnIdOfAnotherKind() {
        assertThat(timeline(AuditedAggregate.ORDER, OrderId.random().value(), 0, 100)).isNull();
        assertThat(timeline(AuditedAggregate.ORDER, product.value(), 0, 100)).isNull();
        assertThat(timeline(AuditedAggregate.PRODUCT, order.value(), 0, 100)).isNull();
    }

    private EventTimelineView timeline(AuditedAggregate aggregate, String id, long from, int limit) {
        try {
            return projections.bean(QueryGateway.class)
                    .query(new FindEventTimelineQuery(aggregate, id, from, limit), EventTimelineView.class).get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
