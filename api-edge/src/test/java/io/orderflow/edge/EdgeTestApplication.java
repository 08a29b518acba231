package io.orderflow.edge;

import java.util.Arrays;
import java.util.List;
import org.axonframework.extensions.reactor.autoconfig.ReactorAutoConfiguration;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.BeanDefinitionRegistryPostProcessor;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/**
 * The edge alone, on a real Netty server, in front of real in-memory Axon buses ({@link InMemoryAxon}).
 * Axon's auto-configuration is off ({@link EdgeAloneAutoConfigurationFilter}): the test declares the buses and
 * gateways itself. There is no database: the PostgreSQL idempotency store is left out for
 * {@link InMemoryIdempotencyStore}.
 */
@SpringBootConfiguration
@EnableAutoConfiguration(exclude = ReactorAutoConfiguration.class)
@Import({EdgeConfiguration.class, InMemoryAxon.class})
public class EdgeTestApplication {

    private static final String POSTGRES_ADAPTER = "io.orderflow.edge.idempotency.postgres.";

    /** Removes what the component scan found in the PostgreSQL adapter's package, and the beans it declares. */
    @Bean
    static BeanDefinitionRegistryPostProcessor withoutThePostgresIdempotencyStore() {
        return new BeanDefinitionRegistryPostProcessor() {
            @Override
            public void postProcessBeanDefinitionRegistry(BeanDefinitionRegistry registry) {
                List<String> adapter = Arrays.stream(registry.getBeanDefinitionNames())
                        .filter(name -> isIn(registry.getBeanDefinition(name).getBeanClassName()))
                        .toList();
                Arrays.stream(registry.getBeanDefinitionNames())
                        .filter(name -> adapter.contains(name) || adapter.contains(registry.getBeanDefinition(name).getFactoryBeanName()))
                        .forEach(registry::removeBeanDefinition);
            }

            @Override
            public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
            }

            private static boolean isIn(String className) {
                return className != null && className.startsWith(POSTGRES_ADAPTER);
            }
        };
    }
}
