package io.orderflow.auditor;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurationExcludeFilter;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;

/**
 * The system the tests audit, assembled from its modules as the launcher assembles it (the launcher's
 * jar is repackaged and cannot be a dependency), minus the HTTP edge: the tests drive it with commands.
 * The auditor's own package stays out of the scan.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@ComponentScan(basePackages = "io.orderflow",
        excludeFilters = {@ComponentScan.Filter(type = FilterType.REGEX, pattern = "io\\.orderflow\\.auditor\\..*"),
                // as @SpringBootApplication: platform's observability auto-configurations are not scanned components
                @ComponentScan.Filter(type = FilterType.CUSTOM, classes = AutoConfigurationExcludeFilter.class)})
class AuditedSystem {
}
