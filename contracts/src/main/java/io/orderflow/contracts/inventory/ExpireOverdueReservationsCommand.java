package io.orderflow.contracts.inventory;

import io.orderflow.contracts.common.ProductId;
import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Frees the product's reservations that are older than the reservation time-to-live at {@code asOf}: their
 * order process was lost. Sent periodically for every product that holds reserved stock.
 */
public record ExpireOverdueReservationsCommand(@TargetAggregateIdentifier ProductId productId, Instant asOf) {
}
