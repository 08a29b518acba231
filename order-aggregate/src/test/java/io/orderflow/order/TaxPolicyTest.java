package io.orderflow.order;

import static io.orderflow.order.OrderFixtures.eur;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class TaxPolicyTest {

    @Test
    void chargesNothingWithoutARate() {
        assertThat(TaxPolicy.none().taxOn(eur("30.00"))).isEqualTo(eur("0.00"));
    }

    @Test
    void roundsTheTaxHalfEvenToTheCurrencyScale() {
        assertThat(new TaxPolicy(new BigDecimal("0.19")).taxOn(eur("11.50"))).isEqualTo(eur("2.18"));
        assertThat(new TaxPolicy(new BigDecimal("0.19")).taxOn(eur("10.50"))).isEqualTo(eur("2.00"));
    }

    @Test
    void refusesANegativeRate() {
        assertThatThrownBy(() -> new TaxPolicy(new BigDecimal("-0.01")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("-0.01");
    }
}
