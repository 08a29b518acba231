package io.orderflow.contracts.order;

import static org.assertj.core.api.Assertions.assertThat;

import io.orderflow.contracts.common.ErrorCode;
import io.orderflow.contracts.order.OrderLineRules.RepeatedProduct;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The rules the edge and the Order aggregate both apply to an order's lines. */
class OrderLineRulesTest {

    /** A line as either side reads it: a product and the currency of its price. */
    private record Line(String product, String currency) {
    }

    private static Line line(String product, String currency) {
        return new Line(product, currency);
    }

    @Nested
    class EachProductOnce {

        @Test
        void acceptsAnOrderThatNamesEachProductOnce() {
            List<Line> lines = List.of(line("a", "EUR"), line("b", "EUR"), line("c", "EUR"));

            assertThat(OrderLineRules.repeatedProducts(lines, Line::product)).isEmpty();
        }

        @Test
        void pointsEachRepeatAtTheFirstLineOfItsProduct() {
            List<Line> lines = List.of(line("a", "EUR"), line("b", "EUR"), line("a", "EUR"), line("b", "EUR"), line("a", "EUR"));

            assertThat(OrderLineRules.repeatedProducts(lines, Line::product)).containsExactly(
                    new RepeatedProduct(2, 0), new RepeatedProduct(3, 1), new RepeatedProduct(4, 0));
        }

        @Test
        void refusesWithTheDuplicateProductCode() {
            assertThat(OrderLineRules.EACH_PRODUCT_ONCE).isEqualTo(ErrorCode.DUPLICATE_PRODUCT_IN_ORDER);
        }
    }

    @Nested
    class OneCurrency {

        @Test
        void acceptsAnOrderInOneCurrency() {
            List<Line> lines = List.of(line("a", "EUR"), line("b", "EUR"));

            assertThat(OrderLineRules.mixedCurrencies(lines, Line::currency)).isEmpty();
        }

        @Test
        void acceptsAnOrderWithoutLines() {
            assertThat(OrderLineRules.mixedCurrencies(List.<Line>of(), Line::currency)).isEmpty();
        }

        @Test
        void namesEachCurrencyOfAMixedOrderOnceInAlphabeticalOrder() {
            List<Line> lines = List.of(line("a", "USD"), line("b", "EUR"), line("c", "USD"), line("d", "CHF"));

            assertThat(OrderLineRules.mixedCurrencies(lines, Line::currency)).containsExactly("CHF", "EUR", "USD")
                    .hasToString("[CHF, EUR, USD]");
        }

        @Test
        void refusesWithTheCurrencyMismatchCode() {
            assertThat(OrderLineRules.ONE_CURRENCY).isEqualTo(ErrorCode.CURRENCY_MISMATCH);
        }
    }
}
