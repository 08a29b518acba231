package io.orderflow.contracts.order;

import static org.assertj.core.api.Assertions.assertThat;

import io.orderflow.contracts.inventory.ProductView;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The views clients read hold every amount at the scale of its currency, however they were made. */
class OrderViewTest {

    @Test
    void holdsAnOrdersAmountsAndItsLinesAtTheScaleOfItsCurrency() {
        OrderView order = order("EUR", "34.9", "0", "34.9000");

        assertThat(order.subtotal()).hasToString("34.90");
        assertThat(order.tax()).hasToString("0.00");
        assertThat(order.total()).hasToString("34.90");
        assertThat(order.lines().get(0).unitPrice()).hasToString("34.90");
        assertThat(order.lines().get(0).lineTotal()).hasToString("34.90");
    }

    @Test
    void holdsAmountsInYenWithoutDecimals() {
        OrderView order = order("JPY", "1500.0000", "0.0000", "1500");

        assertThat(order.subtotal()).hasToString("1500");
        assertThat(order.tax()).hasToString("0");
        assertThat(order.lines().get(0).unitPrice()).hasToString("1500");
    }

    @Test
    void holdsAProductsPriceAtTheScaleOfItsCurrency() {
        assertThat(new ProductView("p", "Kettle", new BigDecimal("34.9000"), "EUR", 1, 0, 0).price()).hasToString("34.90");
        assertThat(new ProductView("p", "Teacup", new BigDecimal("1500.0000"), "JPY", 1, 0, 0).price()).hasToString("1500");
    }

    private static OrderView order(String currency, String amount, String tax, String line) {
        List<OrderLineView> lines = List.of(new OrderLineView("p", "Kettle", 1, new BigDecimal(line), new BigDecimal(line)));
        return new OrderView("o", "c", OrderStatus.PENDING, null, null, lines, new BigDecimal(amount), new BigDecimal(tax),
                new BigDecimal(amount), currency, Instant.EPOCH, Instant.EPOCH);
    }
}
