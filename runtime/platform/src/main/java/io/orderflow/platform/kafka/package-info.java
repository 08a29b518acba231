/**
 * The only package that touches Kafka client libraries. reactor-kafka is discontinued
 * (docs/decisions/0003): everything else depends on the small interfaces here, so replacing it
 * changes this package alone. kafka-clients stays pinned to the 3.9 line.
 */
package io.orderflow.platform.kafka;
