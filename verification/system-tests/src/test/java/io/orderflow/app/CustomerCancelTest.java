package io.orderflow.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.orderflow.payment.EntryKind;
import io.orderflow.payment.LedgerEntry;
import io.orderflow.payment.PaymentLedger;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import tools.jackson.databind.JsonNode;

/** A customer cancels: stock comes back, the charge is refunded, cancelling twice answers the same. */
@OrderflowTest
class CustomerCancelTest {

    @LocalServerPort int port;
    @Autowired PaymentLedger ledger;
    Api api;

    @BeforeEach
    void client() {
        api = new Api(port);
    }

    @Test
    void cancellingAConfirmedOrderReturnsItsStockAndRefundsItsCharge() {
        String product = api.addProduct("Cancellable kettle", "60.00", 50);
        String orderId = aConfirmedOrderOf(product);
        api.awaitProduct(product, p -> p.get("committed").asInt() == 1);

        cancel(orderId);
        cancel(orderId);

        JsonNode order = api.awaitOrderStatus(orderId, "CANCELLED");
        assertThat(order.get("cancellationReason").asString()).isEqualTo("CUSTOMER_REQUEST");
        api.awaitProduct(product, p -> p.get("available").asInt() == 50
                && p.get("committed").asInt() == 0 && p.get("reserved").asInt() == 0);
        await().atMost(Duration.ofSeconds(30)).until(() -> kept(ledger.entriesOfOrder(orderId)).signum() == 0);
        assertThat(ledger.entriesOfOrder(orderId)).filteredOn(entry -> entry.kind() == EntryKind.REFUND).hasSize(1);
    }

    @Test
    void refusesToCancelAShippedOrder() {
        String product = api.addProduct("Shipped grinder", "90.00", 50);
        String orderId = aConfirmedOrderOf(product);
        api.http.post().uri("/api/admin/orders/{id}/ship", orderId).exchange().expectStatus().isAccepted();

        api.asOwnerOf(orderId).post().uri("/api/orders/{id}/cancel", orderId).exchange()
                .expectStatus().isEqualTo(409)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.code").isEqualTo("ORDER_ALREADY_SHIPPED");
    }

    private void cancel(String orderId) {
        api.asOwnerOf(orderId).post().uri("/api/orders/{id}/cancel", orderId).exchange()
                .expectStatus().isAccepted()
                .expectBody().jsonPath("$.status").isEqualTo("CANCELLED");
    }

    /** The payment service declines 20% at random: place orders until one is confirmed. */
    private String aConfirmedOrderOf(String product) {
        for (int attempt = 0; attempt < 20; attempt++) {
            String orderId = api.placeOrder(api.aCustomer(), Map.of(product, 1));
            if (api.awaitOrderStatus(orderId, "CONFIRMED", "CANCELLED").get("status").asString().equals("CONFIRMED")) {
                return orderId;
            }
        }
        throw new AssertionError("no order was approved in 20 attempts");
    }

    private static BigDecimal kept(List<LedgerEntry> entries) {
        return entries.stream()
                .map(entry -> switch (entry.kind()) {
                    case CHARGE -> entry.amount();
                    case REFUND -> entry.amount().negate();
                    default -> BigDecimal.ZERO;
                })
                .reduce(BigDecimal.ZERO, BigDecimal::add);
    }
}
