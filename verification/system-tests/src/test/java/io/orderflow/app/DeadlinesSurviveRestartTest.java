package io.orderflow.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.orderflow.testsupport.kafka.KafkaBrokerProcess;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import tools.jackson.databind.JsonNode;

/**
 * Deadlines kept in PostgreSQL: sagas waiting for payment when the application stops still time out
 * after a restart; and an inventory reservation held too long expires by itself, at the next sweep.
 */
@OrderflowTest
class DeadlinesSurviveRestartTest {

    @Autowired JdbcTemplate sharedJdbc;
    @Value("${orderflow.db.url}") String sharedUrl;

    private static List<String> statusesIn(String databaseUrl, List<String> orders) {
        var jdbc = new JdbcTemplate(new DriverManagerDataSource(databaseUrl, "postgres", "postgres"));
        return orders.stream()
                .map(orderId -> jdbc.queryForObject("SELECT status FROM projections.order_view WHERE order_id = ?", String.class, orderId))
                .toList();
    }

    @Test
    void paymentDeadlinesFireAfterARestart() {
        try (KafkaBrokerProcess broker = new KafkaBrokerProcess()) {
            broker.start();
            String database = IsolatedInstance.freshDatabase(sharedJdbc, sharedUrl);
            String[] noPaymentProvider = {"orderflow.payment.enabled=false", "orderflow.saga.payment-timeout=PT10S"};
            String product;
            List<String> orders;
            try (IsolatedInstance first = IsolatedInstance.start(database, broker.bootstrapServers(), noPaymentProvider)) {
                Api api = first.api();
                product = api.addProduct("Waiting beans", "7.00", 10);
                orders = List.of(api.placeOrder(api.aCustomer(), Map.of(product, 2)),
                        api.placeOrder(api.aCustomer(), Map.of(product, 3)));
                orders.forEach(orderId -> api.awaitOrderStatus(orderId, "AWAITING_PAYMENT"));
            }
            assertThat(statusesIn(database, orders)).as("still waiting for payment when the application stopped")
                    .containsOnly("AWAITING_PAYMENT");

            try (IsolatedInstance second = IsolatedInstance.start(database, broker.bootstrapServers(), noPaymentProvider)) {
                Api api = second.api();
                for (String orderId : orders) {
                    JsonNode order = api.awaitOrderStatus(orderId, "CANCELLED");
                    assertThat(order.get("cancellationReason").asString()).isEqualTo("PAYMENT_TIMEOUT");
                }
                JsonNode stock = api.awaitProduct(product, p -> p.get("reserved").asInt() == 0);
                assertThat(stock.get("available").asInt()).isEqualTo(10);
            }
        }
    }

    /** The expiry gives the units back; the order waits for its payment's answer (decisions/0016), which decides it. */
    @Test
    void aReservationHeldTooLongExpiresAtTheNextSweepAndItsOrderWaitsForThePayment() {
        try (KafkaBrokerProcess broker = new KafkaBrokerProcess()) {
            broker.start();
            String database = IsolatedInstance.freshDatabase(sharedJdbc, sharedUrl);
            try (IsolatedInstance app = IsolatedInstance.start(database, broker.bootstrapServers(),
                    "orderflow.payment.enabled=false", "orderflow.saga.payment-timeout=PT120S",
                    "orderflow.inventory.reservation-ttl=PT3S", "orderflow.inventory.reservation-sweep-interval=PT1S")) {
                Api api = app.api();
                String product = api.addProduct("Briefly held beans", "7.00", 10);
                String orderId = api.placeOrder(api.aCustomer(), Map.of(product, 4));
                api.awaitOrderStatus(orderId, "AWAITING_PAYMENT");

                JsonNode stock = api.awaitProduct(product, p -> p.get("reserved").asInt() == 0);
                assertThat(stock.get("available").asInt()).isEqualTo(10);
                assertThat(api.get("/api/orders/" + orderId).get("status").asString()).isEqualTo("AWAITING_PAYMENT");
            }
        }
    }

    /**
     * A payment deadline picked by an instance that then died counts as executing until its heartbeats are missed
     * (db-scheduler). An order cancelled meanwhile has its saga cancel that deadline, which Axon's deadline manager
     * refused at commit, failing the saga's step on every attempt until it was parked with the stock still held.
     */
    @Test
    void cancellingADeadlinePickedByADeadInstanceDoesNotFailTheSagaStep() {
        try (KafkaBrokerProcess broker = new KafkaBrokerProcess()) {
            broker.start();
            String database = IsolatedInstance.freshDatabase(sharedJdbc, sharedUrl);
            var jdbc = new JdbcTemplate(new DriverManagerDataSource(database, "postgres", "postgres"));
            try (IsolatedInstance app = IsolatedInstance.start(database, broker.bootstrapServers(),
                    "orderflow.payment.enabled=false", "orderflow.saga.payment-timeout=PT120S")) {
                Api api = app.api();
                String product = api.addProduct("Abandoned beans", "7.00", 10);
                String orderId = api.placeOrder(api.aCustomer(), Map.of(product, 4));
                api.awaitOrderStatus(orderId, "AWAITING_PAYMENT");
                int picked = jdbc.update("""
                        UPDATE axon.scheduled_tasks SET picked = true, picked_by = 'a-dead-instance', last_heartbeat = now(),
                               version = version + 1
                         WHERE task_name = 'AxonDeadline'""");
                assertThat(picked).as("the order's payment deadline").isEqualTo(1);

                api.asOwnerOf(orderId).post().uri("/api/orders/{id}/cancel", orderId).exchange().expectStatus().isAccepted();

                JsonNode stock = api.awaitProduct(product, p -> p.get("reserved").asInt() == 0);
                assertThat(stock.get("available").asInt()).as("the cancelled order's stock released").isEqualTo(10);
                assertThat(api.get("/api/admin/sagas").get("sagas").size()).as("no stuck saga").isZero();
                assertThat(api.get("/api/orders/" + orderId).get("cancellationReason").asString()).isEqualTo("CUSTOMER_REQUEST");
            }
        }
    }
}
