package io.orderflow.projections.rebuild;

import static io.orderflow.projections.IsolatedProjections.eventually;
import static io.orderflow.projections.StoredEvents.INVENTORY;
import static io.orderflow.projections.StoredEvents.ORDER;
import static io.orderflow.projections.StoredEvents.aConfirmedOrder;
import static io.orderflow.projections.StoredEvents.aProductWithTrade;
import static io.orderflow.projections.StoredEvents.anOrderCancelledForPayment;
import static io.orderflow.projections.StoredEvents.metaDataOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.orderflow.contracts.common.BusinessRuleViolation;
import io.orderflow.contracts.common.CustomerId;
import io.orderflow.contracts.common.ErrorCode;
import io.orderflow.contracts.common.OrderId;
import io.orderflow.contracts.common.ProductId;
import io.orderflow.contracts.operations.FindReadModelRebuildQuery;
import io.orderflow.contracts.operations.ReadModelRebuildView;
import io.orderflow.contracts.operations.RebuildKind;
import io.orderflow.contracts.operations.RebuildState;
import io.orderflow.contracts.operations.ReplayReadModelCommand;
import io.orderflow.contracts.operations.VerifyReadModelCommand;
import io.orderflow.contracts.order.CancellationReason;
import io.orderflow.contracts.order.OrderCancelled;
import io.orderflow.contracts.order.OrderStatus;
import io.orderflow.platform.db.DatabaseProperties;
import io.orderflow.projections.IsolatedProjections;
import java.util.List;
import java.util.Map;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.queryhandling.QueryGateway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Replays and verifications through the command and query gateways, on a database of their own whose
 * event store holds only these tests' events, with the live processors running.
 */
@SpringBootTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReadModelReplayTest {

    static final String ORDER_DETAILS = "order-details";
    static final String PRODUCT_CATALOGUE = "product-catalogue";

    @Autowired JdbcTemplate sharedJdbc;
    @Autowired DatabaseProperties database;

    IsolatedProjections projections;
    final CustomerId customer = CustomerId.random();
    final ProductId product = ProductId.random();
    final OrderId confirmed = OrderId.random();
    final OrderId cancelled = OrderId.random();
    final OrderId alsoConfirmed = OrderId.random();

    @BeforeAll
    void startWithSomeHistory() {
        projections = IsolatedProjections.start(sharedJdbc, database);
        projections.events().append(INVENTORY, product, aProductWithTrade(product, confirmed, cancelled));
        projections.events().append(ORDER, confirmed, metaDataOf(customer), aConfirmedOrder(confirmed, customer, product));
        projections.events().append(ORDER, cancelled, metaDataOf(customer), anOrderCancelledForPayment(cancelled, customer, product));
        projections.events().append(ORDER, alsoConfirmed, metaDataOf(customer), aConfirmedOrder(alsoConfirmed, customer, product));
        eventually(() -> historyRows().size(), rows -> rows == 3 + 3 + 3);
        eventually(() -> projections.rows("projections.product_view", "product_id"),
                rows -> rows.size() == 1 && ((Number) rows.get(0).get("committed")).intValue() == 2);
    }

    @AfterAll
    void stop() {
        projections.close();
    }

    @Test
    void replaysALostReadModelIntoNewTablesIdenticalToBeforeAndKeepsProjectingThere() {
        List<List<Map<String, Object>>> before = orderDetails();
        int liveGeneration = activeGeneration(ORDER_DETAILS);
        projections.jdbc().execute("TRUNCATE projections.order_view_g" + liveGeneration + " CASCADE");
        assertThat(orderDetails()).allSatisfy(rows -> assertThat(rows).isEmpty());

        ReadModelRebuildView replay = finished(send(new ReplayReadModelCommand(ORDER_DETAILS, false)));

        assertThat(replay.state()).isEqualTo(RebuildState.COMPLETED);
        assertThat(replay.kind()).isEqualTo(RebuildKind.REPLAY);
        assertThat(replay.liveGeneration()).isEqualTo(liveGeneration);
        assertThat(replay.generation()).isGreaterThan(liveGeneration);
        assertThat(replay.processedEvents()).as("every event in the store, orders and products").isGreaterThanOrEqualTo(16);
        assertThat(replay.verification().differenceCount()).as("every rebuilt row was missing from the emptied live tables")
                .isEqualTo(before.stream().mapToInt(List::size).sum());
        assertThat(activeGeneration(ORDER_DETAILS)).isEqualTo(replay.generation());
        assertThat(orderDetails()).isEqualTo(before);

        projections.events().append(ORDER, alsoConfirmed, metaDataOf(customer),
                new OrderCancelled(alsoConfirmed, CancellationReason.CUSTOMER_REQUEST, null, OrderStatus.CONFIRMED));
        eventually(() -> statusOf(alsoConfirmed), "CANCELLED"::equals);
        assertThat(historyRows()).hasSize(before.get(2).size() + 1);
    }

    @Test
    void verifiesALiveReadModelWithoutDifferencesAndLeavesItAsItIs() {
        int liveGeneration = activeGeneration(ORDER_DETAILS);

        ReadModelRebuildView verification = finished(send(new VerifyReadModelCommand(ORDER_DETAILS)));

        assertThat(verification.state()).isEqualTo(RebuildState.COMPLETED);
        assertThat(verification.kind()).isEqualTo(RebuildKind.VERIFY);
        assertThat(verification.verification().rowsCompared()).isEqualTo(orderDetails().stream().mapToInt(List::size).sum());
        assertThat(verification.verification().differenceCount()).isZero();
        assertThat(verification.verification().differences()).isEmpty();
        assertThat(activeGeneration(ORDER_DETAILS)).isEqualTo(liveGeneration);
        assertThat(tableExists("order_view_g" + verification.generation())).as("scratch tables dropped").isFalse();
    }

    @Test
    void verificationReportsTheRowsAndColumnsThatDifferFromTheEvents() {
        int live = activeGeneration(ORDER_DETAILS);
        projections.jdbc().update("UPDATE projections.order_view_g" + live + " SET status = 'DELIVERED' WHERE order_id = ?",
                cancelled.value());
        try {
            ReadModelRebuildView verification = finished(send(new VerifyReadModelCommand(ORDER_DETAILS)));

            assertThat(verification.verification().differenceCount()).isEqualTo(1);
            var difference = verification.verification().differences().get(0);
            assertThat(difference.table()).isEqualTo("order_view");
            assertThat(difference.key()).isEqualTo(Map.of("order_id", cancelled.value()));
            assertThat(difference.columns()).containsExactly("status");
            assertThat(difference.live()).containsEntry("status", "DELIVERED");
            assertThat(difference.rebuilt()).containsEntry("status", "CANCELLED");
        } finally {
            projections.jdbc().update("UPDATE projections.order_view_g" + live + " SET status = 'CANCELLED' WHERE order_id = ?",
                    cancelled.value());
        }
    }

    @Test
    void aReplayThatMustBeIdenticalSwitchesNothingWhenTheReadModelsDiffer() {
        int live = activeGeneration(ORDER_DETAILS);
        projections.jdbc().update("UPDATE projections.order_view_g" + live + " SET total = 0 WHERE order_id = ?", confirmed.value());
        try {
            ReadModelRebuildView replay = finished(send(new ReplayReadModelCommand(ORDER_DETAILS, true)));

            assertThat(replay.state()).isEqualTo(RebuildState.FAILED);
            assertThat(replay.failure()).contains("1 rows differ");
            assertThat(activeGeneration(ORDER_DETAILS)).isEqualTo(live);
            assertThat(tableExists("order_view_g" + replay.generation())).isFalse();
        } finally {
            projections.jdbc().update("UPDATE projections.order_view_g" + live + " SET total = 25 WHERE order_id = ?", confirmed.value());
        }
    }

    @Test
    void replaysTheProductCatalogue() {
        List<Map<String, Object>> before = projections.rows("projections.product_view", "product_id");

        ReadModelRebuildView replay = finished(send(new ReplayReadModelCommand(PRODUCT_CATALOGUE, true)));

        assertThat(replay.state()).isEqualTo(RebuildState.COMPLETED);
        assertThat(replay.verification().differenceCount()).isZero();
        assertThat(activeGeneration(PRODUCT_CATALOGUE)).isEqualTo(replay.generation());
        assertThat(projections.rows("projections.product_view", "product_id")).isEqualTo(before);
    }

    @Test
    void refusesAnUnknownReadModel() {
        assertThatThrownBy(() -> send(new ReplayReadModelCommand("no-such-model", false)))
                .isInstanceOfSatisfying(BusinessRuleViolation.class,
                        refusal -> assertThat(refusal.code()).isEqualTo(ErrorCode.READ_MODEL_NOT_FOUND));
    }

    private String send(Object command) {
        return projections.bean(CommandGateway.class).sendAndWait(command);
    }

    private ReadModelRebuildView finished(String rebuildId) {
        String readModel = projections.jdbc().queryForObject("SELECT read_model FROM projections.rebuild WHERE id = ?::uuid",
                String.class, rebuildId);
        return eventually(() -> projections.bean(QueryGateway.class)
                        .query(new FindReadModelRebuildQuery(readModel, rebuildId), ReadModelRebuildView.class).get(),
                view -> view.state().isFinished());
    }

    private List<List<Map<String, Object>>> orderDetails() {
        return List.of(
                projections.rows("projections.order_view", "order_id"),
                projections.rows("projections.order_line_view", "order_id, line_no"),
                historyRows());
    }

    private List<Map<String, Object>> historyRows() {
        return projections.rows("projections.order_status_history", "order_id, sequence");
    }

    private String statusOf(OrderId orderId) {
        return projections.jdbc().queryForList("SELECT status FROM projections.order_view WHERE order_id = ?",
                String.class, orderId.value()).stream().findFirst().orElse(null);
    }

    private int activeGeneration(String readModel) {
        return projections.jdbc().queryForObject("SELECT generation FROM projections.read_model WHERE name = ?",
                Integer.class, readModel);
    }

    private boolean tableExists(String table) {
        return projections.jdbc().queryForObject("SELECT to_regclass(?) IS NOT NULL", Boolean.class, "projections." + table);
    }
}
