package io.orderflow.projections.deadletter;

import static io.orderflow.projections.IsolatedProjections.eventually;
import static io.orderflow.projections.StoredEvents.ORDER;
import static io.orderflow.projections.StoredEvents.aConfirmedOrder;
import static io.orderflow.projections.StoredEvents.metaDataOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.orderflow.contracts.common.BusinessRuleViolation;
import io.orderflow.contracts.common.CustomerId;
import io.orderflow.contracts.common.ErrorCode;
import io.orderflow.contracts.common.OrderId;
import io.orderflow.contracts.common.ProductId;
import io.orderflow.contracts.operations.DeadLetterRetryView;
import io.orderflow.contracts.operations.DeadLetterSequenceView;
import io.orderflow.contracts.operations.DeadLettersView;
import io.orderflow.contracts.operations.EvictDeadLetterSequenceCommand;
import io.orderflow.contracts.operations.FindDeadLettersQuery;
import io.orderflow.contracts.operations.RetryDeadLettersCommand;
import io.orderflow.platform.db.DatabaseProperties;
import io.orderflow.projections.IsolatedProjections;
import java.util.List;
import java.util.Optional;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.queryhandling.QueryGateway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A poison event in the order details: a database trigger (standing for a bug, or a constraint the data
 * breaks) refuses the orders of one customer. Their events are parked, every other order is still
 * projected, and once the cause is gone a retry projects the parked ones.
 */
@SpringBootTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DeadLetterQueueTest {

    static final String ORDER_DETAILS = "order-details";

    @Autowired JdbcTemplate sharedJdbc;
    @Autowired DatabaseProperties database;

    IsolatedProjections projections;
    final ProductId product = ProductId.random();

    @BeforeAll
    void start() {
        projections = IsolatedProjections.start(sharedJdbc, database);
        projections.jdbc().execute("""
                CREATE FUNCTION projections.refuse_poison() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    RAISE EXCEPTION 'poison order % refused', NEW.order_id;
                END;
                $$""");
    }

    @AfterAll
    void stop() {
        projections.close();
    }

    @AfterEach
    void cureThePoison() {
        projections.jdbc().execute("DROP TRIGGER IF EXISTS poison ON " + orderTable());
    }

    @Test
    void parksTheFailingOrderKeepsProjectingOthersAndProjectsItOnRetryAfterTheFix() {
        CustomerId poisoned = poisonedCustomer();
        OrderId poison = OrderId.random();
        OrderId healthy = OrderId.random();

        projections.events().append(ORDER, poison, metaDataOf(poisoned), aConfirmedOrder(poison, poisoned, product));
        projections.events().append(ORDER, healthy, metaDataOf(CustomerId.random()),
                aConfirmedOrder(healthy, CustomerId.random(), product));

        eventually(() -> statusOf(healthy), "CONFIRMED"::equals);
        DeadLetterSequenceView parked = eventually(() -> sequenceOf(poison), sequence -> sequence.isPresent()
                && sequence.get().size() == 3).get();
        assertThat(statusOf(poison)).isNull();
        assertThat(parked.processingGroup()).isEqualTo(ORDER_DETAILS);
        assertThat(parked.letters()).extracting(letter -> letter.eventType())
                .containsExactly("OrderPlaced", "OrderAwaitingPayment", "OrderConfirmed");
        assertThat(parked.letters().get(0).aggregateSequence()).isZero();
        assertThat(parked.letters().get(0).causeMessage()).contains("poison order " + poison.value() + " refused");
        assertThat(parked.letters().get(1).causeMessage()).as("parked behind the first, not failed").isNull();

        cureThePoison();
        DeadLetterRetryView retry = send(new RetryDeadLettersCommand(ORDER_DETAILS));

        assertThat(retry.retried()).isEqualTo(1);
        assertThat(retry.succeeded()).isEqualTo(1);
        assertThat(retry.remaining()).isZero();
        assertThat(statusOf(poison)).isEqualTo("CONFIRMED");
        assertThat(historyOf(poison)).containsExactly("PENDING", "AWAITING_PAYMENT", "CONFIRMED");
        assertThat(sequenceOf(poison)).isEmpty();
    }

    @Test
    void aSequenceThatFailsAgainStaysParked() {
        OrderId poison = OrderId.random();
        CustomerId poisoned = poisonedCustomer();
        projections.events().append(ORDER, poison, metaDataOf(poisoned), aConfirmedOrder(poison, poisoned, product));
        eventually(() -> sequenceOf(poison), sequence -> sequence.isPresent() && sequence.get().size() == 3);

        DeadLetterRetryView retry = send(new RetryDeadLettersCommand(ORDER_DETAILS));

        assertThat(retry.failed()).isEqualTo(1);
        assertThat(retry.remaining()).isEqualTo(1);
        assertThat(sequenceOf(poison).orElseThrow().size()).isEqualTo(3);
        assertThat(statusOf(poison)).isNull();

        int evicted = send(new EvictDeadLetterSequenceCommand(ORDER_DETAILS, poison.value()));
        assertThat(evicted).isEqualTo(3);
    }

    @Test
    void evictsAParkedSequenceForGood() {
        OrderId poison = OrderId.random();
        CustomerId poisoned = poisonedCustomer();
        projections.events().append(ORDER, poison, metaDataOf(poisoned), aConfirmedOrder(poison, poisoned, product));
        eventually(() -> sequenceOf(poison), sequence -> sequence.isPresent() && sequence.get().size() == 3);

        int evicted = send(new EvictDeadLetterSequenceCommand(ORDER_DETAILS, poison.value()));
        cureThePoison();
        send(new RetryDeadLettersCommand(ORDER_DETAILS));

        assertThat(evicted).isEqualTo(3);
        assertThat(sequenceOf(poison)).isEmpty();
        assertThat(statusOf(poison)).isNull();
    }

    @Test
    void refusesAnUnknownGroupOrSequence() {
        assertThatThrownBy(() -> send(new RetryDeadLettersCommand("no-such-group")))
                .isInstanceOfSatisfying(BusinessRuleViolation.class,
                        refusal -> assertThat(refusal.code()).isEqualTo(ErrorCode.PROCESSING_GROUP_NOT_FOUND));
        assertThatThrownBy(() -> send(new EvictDeadLetterSequenceCommand(ORDER_DETAILS, "no-such-order")))
                .isInstanceOfSatisfying(BusinessRuleViolation.class,
                        refusal -> assertThat(refusal.code()).isEqualTo(ErrorCode.DEAD_LETTER_NOT_FOUND));
        assertThat(deadLetters("no-such-group")).isNull();
    }

    /** A customer whose orders the trigger refuses from now on (until {@link #cureThePoison}). */
    private CustomerId poisonedCustomer() {
        CustomerId customer = CustomerId.of("poison-" + CustomerId.random().value());
        projections.jdbc().execute("DROP TRIGGER IF EXISTS poison ON " + orderTable());
        projections.jdbc().execute("CREATE TRIGGER poison BEFORE INSERT ON " + orderTable()
                + " FOR EACH ROW WHEN (NEW.customer_id LIKE 'poison-%') EXECUTE FUNCTION projections.refuse_poison()");
        return customer;
    }

    private String orderTable() {
        return "projections.order_view_g" + projections.jdbc().queryForObject(
                "SELECT generation FROM projections.read_model WHERE name = ?", Integer.class, ORDER_DETAILS);
    }

    private Optional<DeadLetterSequenceView> sequenceOf(OrderId orderId) {
        return deadLetters(ORDER_DETAILS).sequences().stream()
                .filter(sequence -> sequence.sequenceId().equals(orderId.value()))
                .findFirst();
    }

    private DeadLettersView deadLetters(String group) {
        try {
            return projections.bean(QueryGateway.class).query(new FindDeadLettersQuery(group), DeadLettersView.class).get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private <R> R send(Object command) {
        return projections.bean(CommandGateway.class).sendAndWait(command);
    }

    private String statusOf(OrderId orderId) {
        return projections.jdbc().queryForList("SELECT status FROM projections.order_view WHERE order_id = ?",
                String.class, orderId.value()).stream().findFirst().orElse(null);
    }

    private List<String> historyOf(OrderId orderId) {
        return projections.jdbc().queryForList(
                "SELECT status FROM projections.order_status_history WHERE order_id = ? ORDER BY sequence",
                String.class, orderId.value());
    }
}
