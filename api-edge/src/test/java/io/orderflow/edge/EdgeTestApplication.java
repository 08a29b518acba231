package io.orderflow.edge;

import org.axonframework.extensions.reactor.autoconfig.ReactorAutoConfiguration;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Import;

/**
 * The edge alone, on a real Netty server, in front of real in-memory Axon buses ({@link InMemoryAxon}).
 * Axon's auto-configuration is off: the test declares the buses and gateways itself.
 */
@SpringBootConfiguration
@EnableAutoConfiguration(exclude = ReactorAutoConfiguration.class)
@Import({EdgeConfiguration.class, InMemoryAxon.class})
public class EdgeTestApplication {
}
