package io.orderflow.notification;

import io.orderflow.contracts.integration.OrderLifecycleEvent;
import io.orderflow.platform.kafka.BatchMessageHandler;
import io.orderflow.platform.kafka.KafkaJson;
import io.orderflow.platform.kafka.KafkaMessage;
import io.orderflow.platform.kafka.PoisonMessageException;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Tells the customer about each step of their order's life published on {@code orders.events}: one
 * recorded e-mail per event, however often the event arrives. A type this module does not know is
 * skipped (a newer producer may add types); a message it can never read is poison. A poll's e-mails are
 * recorded in one transaction; should one of them be poison, the subscription hands them over one by one.
 */
final class CustomerNotifier implements BatchMessageHandler {

    private static final Logger log = LoggerFactory.getLogger(CustomerNotifier.class);

    private final NotificationLog notifications;

    CustomerNotifier(NotificationLog notifications) {
        this.notifications = notifications;
    }

    /** One message, as a batch of one: the same checks and the same insert. */
    @Override
    public Mono<Void> handle(KafkaMessage message) {
        return handleAll(List.of(message));
    }

    @Override
    public Mono<Void> handleAll(List<KafkaMessage> messages) {
        return Mono.fromCallable(() -> {
                    List<NotificationLog.Notice> notices = new ArrayList<>();
                    for (KafkaMessage message : messages) {
                        OrderLifecycleEvent event = readSupported(message);
                        customerFacingKind(event).ifPresentOrElse(kind -> {
                            requireWhatTheEmailNames(event, kind);
                            notices.add(new NotificationLog.Notice(event, kind, OrderEmails.compose(kind, event)));
                        }, () -> log.debug("No notification for event type {} (event {})", event.type(), event.eventId()));
                    }
                    return notifications.recordAll(notices);
                })
                .subscribeOn(Schedulers.boundedElastic())
                // fewer than asked for: events notified already, delivered again
                .doOnNext(recorded -> log.debug("Recorded {} new notification(s) of {} message(s)", recorded, messages.size()))
                .then();
    }

    private static OrderLifecycleEvent readSupported(KafkaMessage message) {
        OrderLifecycleEvent event = KafkaJson.read(message, OrderLifecycleEvent.class);
        // a later version only adds fields (docs/messages.md): read like this one, its new fields ignored
        if (event.version() < OrderLifecycleEvent.FIRST_VERSION) {
            throw new PoisonMessageException("Unsupported OrderLifecycleEvent version " + event.version()
                    + "; versions start at " + OrderLifecycleEvent.FIRST_VERSION);
        }
        if (event.type() == null || event.type().isBlank()) {
            throw new PoisonMessageException("OrderLifecycleEvent without a type");
        }
        return event;
    }

    private static Optional<NotificationKind> customerFacingKind(OrderLifecycleEvent event) {
        return NotificationKind.ofEventType(event.type());
    }

    // Checked before the insert: a missing id would otherwise fail the NOT NULL column on every retry.
    private static void requireWhatTheEmailNames(OrderLifecycleEvent event, NotificationKind kind) {
        requirePresent(event.eventId(), "eventId", event);
        requirePresent(event.orderId(), "orderId", event);
        requirePresent(event.customerId(), "customerId", event);
        if (kind == NotificationKind.PAYMENT_REFUNDED && event.amount() == null) {
            throw new PoisonMessageException("OrderPaymentRefunded " + event.eventId() + " without an amount");
        }
        if (event.amount() != null && !isCurrency(event.currency())) {
            throw new PoisonMessageException(event.type() + " " + event.eventId()
                    + " has an amount in an unknown currency: " + event.currency());
        }
    }

    private static void requirePresent(String value, String field, OrderLifecycleEvent event) {
        if (value == null || value.isBlank()) {
            throw new PoisonMessageException(event.type() + " " + event.eventId() + " without " + field);
        }
    }

    private static boolean isCurrency(String code) {
        if (code == null) {
            return false;
        }
        try {
            Currency.getInstance(code);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
