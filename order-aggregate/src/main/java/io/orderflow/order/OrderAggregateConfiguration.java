package io.orderflow.order;

import java.math.BigDecimal;
import org.axonframework.common.caching.Cache;
import org.axonframework.common.caching.WeakReferenceCache;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The beans the {@link Order} aggregate needs: its tax policy and the cache named in its {@code @Aggregate}. */
@Configuration(proxyBeanMethods = false)
public class OrderAggregateConfiguration {

    @Bean
    public TaxPolicy taxPolicy(@Value("${orderflow.order.tax-rate:0}") BigDecimal taxRate) {
        return new TaxPolicy(taxRate);
    }

    @Bean
    public Cache orderCache() {
        return new WeakReferenceCache();
    }
}
