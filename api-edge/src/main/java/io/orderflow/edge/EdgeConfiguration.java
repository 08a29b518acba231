package io.orderflow.edge;

import io.orderflow.edge.catalogue.CatalogueProperties;
import io.orderflow.edge.order.LiveOrderProperties;
import org.springframework.boot.context.TypeExcludeFilter;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.ComponentScan.Filter;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.FilterType;

/**
 * Switches the edge on: its controllers, dispatchers and error handlers, and the properties under
 * {@code orderflow.edge}, {@code orderflow.edge.live} and {@code orderflow.catalogue}. Import it, or let a
 * component scan of {@code io.orderflow} find it; scanning twice is harmless. The exclude filter is the one
 * {@code @SpringBootApplication} uses, so test configurations stay out.
 */
@Configuration(proxyBeanMethods = false)
@ComponentScan(basePackageClasses = EdgeConfiguration.class,
        excludeFilters = @Filter(type = FilterType.CUSTOM, classes = TypeExcludeFilter.class))
@EnableConfigurationProperties({EdgeProperties.class, CatalogueProperties.class, LiveOrderProperties.class})
public class EdgeConfiguration {
}
