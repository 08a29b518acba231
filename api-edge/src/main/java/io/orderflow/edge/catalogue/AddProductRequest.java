package io.orderflow.edge.catalogue;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import io.orderflow.edge.web.PlainText;
import java.math.BigDecimal;

/** Body of {@code POST /api/admin/products}. The currency is optional; its rules live in {@link PriceRules}. */
record AddProductRequest(
        @NotBlank @PlainText @Size(max = 200) String name,
        @NotNull @PositiveOrZero @DecimalMax("1000000000") BigDecimal price,
        String currency,
        @NotNull @Min(0) @Max(1_000_000) Integer initialStock) {
}
