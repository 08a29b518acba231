package io.orderflow.load;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurationExcludeFilter;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;

/**
 * The whole system under load, assembled from its modules as the launcher assembles it (with the
 * launcher's application.yml, copied in as a test resource): the launcher's own jar is repackaged and
 * cannot be a dependency. The scan leaves auto-configurations (platform's observability) to
 * auto-configuration, as {@code @SpringBootApplication} does.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@ComponentScan(basePackages = "io.orderflow",
        excludeFilters = @ComponentScan.Filter(type = FilterType.CUSTOM, classes = AutoConfigurationExcludeFilter.class))
class LoadedSystem {
}
