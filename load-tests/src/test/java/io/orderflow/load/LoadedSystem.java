package io.orderflow.load;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.ComponentScan;

/**
 * The whole system under load, assembled from its modules as the launcher assembles it (with the
 * launcher's application.yml, copied in as a test resource): the launcher's own jar is repackaged and
 * cannot be a dependency.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@ComponentScan("io.orderflow")
class LoadedSystem {
}
