package io.orderflow.order;

import static io.orderflow.order.OrderFixtures.eur;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.axonframework.common.caching.Cache;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

class OrderAggregateConfigurationTest {

    private final ApplicationContextRunner context =
            new ApplicationContextRunner().withUserConfiguration(OrderAggregateConfiguration.class);

    @Test
    void chargesNoTaxUnlessARateIsConfigured() {
        context.run(beans -> assertThat(beans.getBean(TaxPolicy.class).rate()).isEqualByComparingTo(BigDecimal.ZERO));
    }

    @Test
    void takesTheTaxRateFromTheProperty() {
        context.withPropertyValues("orderflow.order.tax-rate=0.19")
                .run(beans -> assertThat(beans.getBean(TaxPolicy.class).taxOn(eur("100.00"))).isEqualTo(eur("19.00")));
    }

    @Test
    void providesTheCacheNamedInTheAggregate() {
        context.run(beans -> assertThat(beans.getBean("orderCache")).isInstanceOf(Cache.class));
    }
}
