package io.orderflow.platform.observability;

import io.orderflow.contracts.operations.FindProcessorBacklogQuery;
import io.orderflow.contracts.operations.ProcessorBacklogView;
import io.orderflow.platform.axon.ProcessorLag;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.axonframework.queryhandling.QueryHandler;

/**
 * Answers how far a processor is behind, from the token store and the event store (two indexed reads), so
 * that an instance without the processor, such as the edge of a split deployment, can ask too.
 */
public class ProcessorBacklogQueries {

    private final ProcessorLag lag;
    private final Clock clock;

    public ProcessorBacklogQueries(ProcessorLag lag, Clock clock) {
        this.lag = lag;
        this.clock = clock;
    }

    @QueryHandler
    public ProcessorBacklogView backlog(FindProcessorBacklogQuery query) {
        ProcessorLag.Snapshot snapshot = lag.snapshot();
        long events = snapshot.lagOf(query.processor());
        Instant now = clock.instant();
        Duration oldestWaiting = events == 0 ? Duration.ZERO : lag.storedAfter(snapshot.positions().get(query.processor()))
                .map(stored -> Duration.between(stored, now)).filter(age -> !age.isNegative()).orElse(Duration.ZERO);
        return new ProcessorBacklogView(query.processor(), events, oldestWaiting);
    }
}
