package io.orderflow.edge.order;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.orderflow.contracts.order.ShippingAddress;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import io.orderflow.edge.web.PlainText;
import java.util.List;

/**
 * Body of {@code POST /api/orders}. The customer is the caller named by the access token; {@code customerId}
 * is optional and kept for older clients: when sent it must be the caller's own id, or the order is refused
 * with {@code 403 CUSTOMER_MISMATCH}.
 */
record PlaceOrderRequest(
        @PlainText @Size(min = 1, max = 100) String customerId,
        @NotNull @Size(min = 1, max = 100) List<@NotNull @Valid Line> lines,
        @NotNull @Valid Address shippingAddress) {

    /**
     * One line: which product, how many. A price or name sent by the client is ignored on purpose: the
     * catalogue prices every line (see {@link OrderPricing}).
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Line(@NotBlank @PlainText @Size(max = 100) String productId, @NotNull @Min(1) @Max(10_000) Integer quantity) {
    }

    record Address(
            @NotBlank @PlainText @Size(max = 200) String name,
            @NotBlank @PlainText @Size(max = 200) String line1,
            @PlainText @Size(max = 200) String line2,
            @NotBlank @PlainText @Size(max = 100) String city,
            @NotBlank @PlainText @Size(max = 20) String postalCode,
            @NotNull @IsoCountryCode String country) {

        ShippingAddress toShippingAddress() {
            String secondLine = line2 == null || line2.isBlank() ? null : line2.strip();
            return new ShippingAddress(name.strip(), line1.strip(), secondLine, city.strip(), postalCode.strip(), country);
        }
    }
}
