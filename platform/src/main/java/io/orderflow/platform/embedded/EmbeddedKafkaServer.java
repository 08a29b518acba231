package io.orderflow.platform.embedded;

import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.SpringApplication;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * One in-process KRaft Kafka broker per JVM (combined controller and broker), started on first use.
 * Tests may stop and start it again to prove that nothing is lost while Kafka is down.
 */
public final class EmbeddedKafkaServer {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedKafkaServer.class);
    private static EmbeddedKafkaKraftBroker broker;

    private EmbeddedKafkaServer() {
    }

    /** Starts the broker if needed and answers its bootstrap servers. */
    public static synchronized String bootstrapServers(int port, int partitions) {
        if (broker == null) {
            broker = new EmbeddedKafkaKraftBroker(1, partitions);
            broker.brokerProperties(Map.of(
                            "auto.create.topics.enable", "true",
                            "num.partitions", String.valueOf(partitions),
                            "offsets.topic.replication.factor", "1",
                            "transaction.state.log.replication.factor", "1",
                            "transaction.state.log.min.isr", "1",
                            "group.initial.rebalance.delay.ms", "0"));
            if (port > 0) {
                broker.kafkaPorts(port);
            }
            broker.afterPropertiesSet();
            log.info("Embedded Kafka (KRaft) started at {}", broker.getBrokersAsString());
            EmbeddedKafkaKraftBroker started = broker;
            // after every application context has closed, so nothing is cut off mid-transaction
            SpringApplication.getShutdownHandlers().add(started::destroy);
        }
        return broker.getBrokersAsString();
    }
}
