package io.orderflow.inventory;

import io.orderflow.contracts.common.ProductId;
import io.orderflow.contracts.inventory.ExpireOverdueReservationsCommand;
import io.orderflow.contracts.inventory.FindProductsHoldingReservationsQuery;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Every {@code interval}, asks each product that holds reserved stock to expire the reservations that have
 * outlived their time-to-live. One sweep per product and interval replaces a deadline per reservation: the
 * hot path schedules and cancels nothing. Every instance sweeps; a second sweep finds nothing left to expire.
 */
final class ReservationSweep implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ReservationSweep.class);

    private final QueryGateway queries;
    private final CommandGateway commands;
    private final Clock clock;
    private final Duration interval;
    private ScheduledExecutorService executor;

    ReservationSweep(QueryGateway queries, CommandGateway commands, Clock clock, Duration interval) {
        this.queries = queries;
        this.commands = commands;
        this.clock = clock;
        this.interval = interval;
    }

    /** Sends one expiry per product holding reservations; answers how many products were asked. */
    int sweep() {
        List<String> products = queries.query(new FindProductsHoldingReservationsQuery(),
                ResponseTypes.multipleInstancesOf(String.class)).join();
        var asOf = clock.instant();
        for (String product : products) {
            commands.sendAndWait(new ExpireOverdueReservationsCommand(ProductId.of(product), asOf));
        }
        return products.size();
    }

    @Override
    public synchronized void start() {
        executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "reservation-sweep");
            thread.setDaemon(true);
            return thread;
        });
        executor.scheduleWithFixedDelay(this::sweepQuietly, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void sweepQuietly() {
        try {
            sweep();
        } catch (RuntimeException e) {
            log.warn("Sweeping overdue reservations failed; trying again in {}: {}", interval, e.toString());
        }
    }

    @Override
    public synchronized void stop() {
        if (executor != null) {
            executor.shutdownNow();
            executor = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return executor != null;
    }
}
