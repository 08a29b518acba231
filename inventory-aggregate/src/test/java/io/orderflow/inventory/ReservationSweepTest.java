package io.orderflow.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.orderflow.contracts.common.ProductId;
import io.orderflow.contracts.inventory.ExpireOverdueReservationsCommand;
import io.orderflow.contracts.inventory.FindProductsHoldingReservationsQuery;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.responsetypes.ResponseType;
import org.axonframework.queryhandling.QueryGateway;
import org.junit.jupiter.api.Test;

class ReservationSweepTest {

    private static final Instant NOW = Instant.parse("2026-12-05T10:00:00Z");

    private final QueryGateway queries = mock(QueryGateway.class);
    private final CommandGateway commands = mock(CommandGateway.class);
    private final ReservationSweep sweep = new ReservationSweep(queries, commands, Clock.fixed(NOW, ZoneOffset.UTC), Duration.ofMinutes(1));

    @Test
    void asksEveryProductHoldingReservationsToExpireWhatIsOverdueNow() {
        productsHoldingReservations(List.of("product-1", "product-2"));

        assertThat(sweep.sweep()).isEqualTo(2);

        verify(commands).sendAndWait(new ExpireOverdueReservationsCommand(ProductId.of("product-1"), NOW));
        verify(commands).sendAndWait(new ExpireOverdueReservationsCommand(ProductId.of("product-2"), NOW));
    }

    @Test
    void sendsNothingWhenNoProductHoldsReservations() {
        productsHoldingReservations(List.of());

        assertThat(sweep.sweep()).isZero();

        verify(commands, never()).sendAndWait(any());
    }

    @SuppressWarnings("unchecked")
    private void productsHoldingReservations(List<String> products) {
        when(queries.query(eq(new FindProductsHoldingReservationsQuery()), any(ResponseType.class)))
                .thenReturn(CompletableFuture.completedFuture(products));
    }
}
