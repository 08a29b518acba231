package io.orderflow.contracts.operations;

import java.time.Duration;

/**
 * An event processor's backlog at one moment.
 *
 * @param processor      the processor's name
 * @param events         events between the head of the event store and the processor's slowest segment
 * @param oldestWaiting  how long ago the oldest event it has not handled yet was stored; zero when it is not behind
 */
public record ProcessorBacklogView(String processor, long events, Duration oldestWaiting) {
}
