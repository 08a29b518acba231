package io.orderflow.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.orderflow.testsupport.kafka.KafkaBrokerProcess;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/**
 * The rule for a reservation that expires before its payment's approval arrives (docs/decisions/0016), on an
 * instance and broker of its own: reservations live one second and the payment service answers after six. The one unit of
 * a product is reserved for a first order, expires while its payment is under way, and is reserved by a second
 * order meanwhile. Both payments are approved, late: exactly one order gets the unit (the approval takes it
 * again while it is there), the other is cancelled {@code OUT_OF_STOCK} after its confirmation and refunded.
 * Nothing is stuck and the stock balances.
 */
@OrderflowTest
class ReservationExpiredBeforeApprovalTest {

    @Autowired JdbcTemplate sharedJdbc;
    @Value("${orderflow.db.url}") String sharedUrl;

    @Test
    void theLateApprovalTakesTheUnitAgainWhileItIsThereAndCancelsThePaidOrderOutOfStockWhenItIsGone() {
        // a broker of its own: on the shared one, the shared context's payment service would answer too, at once
        try (KafkaBrokerProcess broker = new KafkaBrokerProcess()) {
            broker.start();
            String database = IsolatedInstance.freshDatabase(sharedJdbc, sharedUrl);
            try (IsolatedInstance app = IsolatedInstance.start(database, broker.bootstrapServers(),
                    "orderflow.inventory.reservation-ttl=PT1S", "orderflow.inventory.reservation-sweep-interval=PT0.2S",
                    "orderflow.payment.latency=PT6S", "orderflow.payment.approval-rate=1",
                    "orderflow.payment.technical-failure-rate=0", "orderflow.saga.payment-timeout=PT60S")) {
                theLateApprovalsSettleOneOrderEach(app.api());
            }
        }
    }

    private static void theLateApprovalsSettleOneOrderEach(Api api) {
        String product = api.addProduct("Last espresso cup", "12.00", 1);
        String first = api.placeOrder(api.aCustomer(), Map.of(product, 1));
        awaitProductEvent(api, product, "StockReservationExpired");
        String second = api.placeOrder(api.aCustomer(), Map.of(product, 1));

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            List<JsonNode> orders = List.of(api.get("/api/orders/" + first), api.get("/api/orders/" + second));
            assertThat(orders).extracting(order -> order.get("status").asString())
                    .containsExactlyInAnyOrder("CONFIRMED", "CANCELLED");
        });
        String cancelled = api.get("/api/orders/" + first).get("status").asString().equals("CANCELLED") ? first : second;

        assertThat(api.get("/api/orders/" + cancelled).get("cancellationReason").asString()).isEqualTo("OUT_OF_STOCK");
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(typesOf(api, cancelled))
                .containsSubsequence("OrderAwaitingPayment", "OrderConfirmed", "OrderCancelled", "OrderPaymentRefunded"));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonNode stock = api.get("/api/products/" + product);
            assertThat(stock.get("available").asInt()).isZero();
            assertThat(stock.get("reserved").asInt()).isZero();
            assertThat(stock.get("committed").asInt()).isEqualTo(1);
        });
        assertThat(api.get("/api/admin/sagas").get("sagas").size()).isZero();
    }

    private static void awaitProductEvent(Api api, String product, String type) {
        await().atMost(Duration.ofSeconds(30)).until(() -> typesIn(api, "/api/products/" + product + "/events").contains(type));
    }

    private static List<String> typesOf(Api api, String orderId) {
        return typesIn(api, "/api/orders/" + orderId + "/events");
    }

    private static List<String> typesIn(Api api, String timelinePath) {
        JsonNode timeline = api.get(timelinePath);
        return timeline == null ? List.of() : timeline.get("events").valueStream().map(event -> event.get("type").asString()).toList();
    }
}
