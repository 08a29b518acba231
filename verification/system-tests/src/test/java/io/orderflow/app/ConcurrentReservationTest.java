package io.orderflow.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.orderflow.contracts.common.Money;
import io.orderflow.contracts.common.OrderId;
import io.orderflow.contracts.common.ProductId;
import io.orderflow.contracts.inventory.AddProductCommand;
import io.orderflow.contracts.inventory.ReserveStockCommand;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** Reservations racing for the same product, through the real command bus and event store. */
@OrderflowTest
class ConcurrentReservationTest {

    @Autowired CommandGateway commandGateway;
    @Autowired JdbcTemplate jdbc;

    @Test
    void fiftyParallelReservationsAgainstStockOfTenReserveExactlyTen() throws Exception {
        ProductId product = ProductId.random();
        commandGateway.sendAndWait(new AddProductCommand(product, "Contended mug", Money.of("9.00", "EUR"), 10));

        ExecutorService threads = Executors.newFixedThreadPool(16);
        CountDownLatch start = new CountDownLatch(1);
        List<CompletableFuture<Object>> results = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            results.add(CompletableFuture.supplyAsync(() -> {
                awaitQuietly(start);
                return commandGateway.sendAndWait(new ReserveStockCommand(product, OrderId.random(), 1));
            }, threads));
        }
        start.countDown();
        CompletableFuture.allOf(results.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
        threads.shutdown();

        assertThat(eventCount(product, "StockReserved")).isEqualTo(10);
        assertThat(eventCount(product, "StockReservationRejected")).isEqualTo(40);
        List<Long> sequence = jdbc.queryForList(
                "SELECT sequence_number FROM axon.domain_event_entry WHERE aggregate_identifier = ? ORDER BY sequence_number",
                Long.class, product.value());
        assertThat(sequence).hasSize(51);
        for (int i = 0; i < sequence.size(); i++) {
            assertThat(sequence.get(i)).as("no gap in the product's event stream").isEqualTo(i);
        }
        Integer lastRejectedAvailable = jdbc.queryForObject("""
                SELECT count(*) FROM axon.domain_event_entry
                WHERE aggregate_identifier = ? AND payload_type LIKE '%StockReservationRejected'
                  AND convert_from(payload, 'UTF8')::jsonb ->> 'available' <> '0'
                """, Integer.class, product.value());
        assertThat(lastRejectedAvailable).as("every refusal saw stock at zero, never below").isZero();
    }

    private int eventCount(ProductId product, String type) {
        return jdbc.queryForObject(
                "SELECT count(*) FROM axon.domain_event_entry WHERE aggregate_identifier = ? AND payload_type LIKE ?",
                Integer.class, product.value(), "%." + type);
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
