package io.orderflow.orderevents;

import io.orderflow.contracts.common.MetadataKeys;
import io.orderflow.contracts.common.Money;
import io.orderflow.contracts.common.OrderId;
import io.orderflow.contracts.integration.OrderLifecycleEvent;
import io.orderflow.contracts.order.CancellationReason;
import io.orderflow.contracts.order.OrderCancelled;
import io.orderflow.contracts.order.OrderConfirmed;
import io.orderflow.contracts.order.OrderDelivered;
import io.orderflow.contracts.order.OrderPaymentRefunded;
import io.orderflow.contracts.order.OrderPlaced;
import io.orderflow.contracts.order.OrderShipped;
import io.orderflow.contracts.order.OrderStatus;
import io.orderflow.outbox.BeforeCommit;
import io.orderflow.platform.kafka.KafkaPublisher;
import java.time.Instant;
import java.util.Map;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.springframework.stereotype.Component;

/**
 * The event store is the outbox for {@code orders.events}: this processor's token advances only after
 * Kafka acknowledged the messages of its batch, which are sent together and awaited before the batch
 * commits, so nothing is lost while Kafka is down. A message may be published twice after a crash; its
 * {@code eventId} lets consumers tell. Replays never re-publish.
 */
@Component
@ProcessingGroup(OrderEventsPublisher.PROCESSING_GROUP)
@DisallowReplay
class OrderEventsPublisher {

    static final String PROCESSING_GROUP = "order-integration-events";

    private final KafkaPublisher publisher;

    OrderEventsPublisher(KafkaPublisher publisher) {
        this.publisher = publisher;
    }

    @EventHandler
    void on(OrderPlaced event, EventMessage<?> message, @Timestamp Instant at) {
        publish(message, event.orderId(), event.customerId().value(), OrderStatus.PENDING, null, event.total(), at);
    }

    @EventHandler
    void on(OrderConfirmed event, EventMessage<?> message, @MetaDataValue(MetadataKeys.CUSTOMER_ID) String customerId, @Timestamp Instant at) {
        publish(message, event.orderId(), customerId, OrderStatus.CONFIRMED, null, null, at);
    }

    @EventHandler
    void on(OrderCancelled event, EventMessage<?> message, @MetaDataValue(MetadataKeys.CUSTOMER_ID) String customerId, @Timestamp Instant at) {
        publish(message, event.orderId(), customerId, OrderStatus.CANCELLED, event.reason(), null, at);
    }

    @EventHandler
    void on(OrderShipped event, EventMessage<?> message, @MetaDataValue(MetadataKeys.CUSTOMER_ID) String customerId, @Timestamp Instant at) {
        publish(message, event.orderId(), customerId, OrderStatus.SHIPPED, null, null, at);
    }

    @EventHandler
    void on(OrderDelivered event, EventMessage<?> message, @MetaDataValue(MetadataKeys.CUSTOMER_ID) String customerId, @Timestamp Instant at) {
        publish(message, event.orderId(), customerId, OrderStatus.DELIVERED, null, null, at);
    }

    @EventHandler
    void on(OrderPaymentRefunded event, EventMessage<?> message, @MetaDataValue(MetadataKeys.CUSTOMER_ID) String customerId, @Timestamp Instant at) {
        publish(message, event.orderId(), customerId, OrderStatus.CANCELLED, null, event.amount(), at);
    }

    private void publish(EventMessage<?> message, OrderId orderId, String customerId, OrderStatus status,
                         CancellationReason reason, Money amount, Instant at) {
        OrderLifecycleEvent event = new OrderLifecycleEvent(
                OrderLifecycleEvent.CURRENT_VERSION,
                message.getIdentifier(),
                message.getPayloadType().getSimpleName(),
                orderId.value(),
                customerId,
                status.name(),
                reason == null ? null : reason.name(),
                amount == null ? null : amount.amount(),
                amount == null ? null : amount.currency(),
                at);
        BeforeCommit.await(publisher.sendJsonAsync(OrderLifecycleEvent.TOPIC, orderId.value(), event, Map.of()));
    }
}
