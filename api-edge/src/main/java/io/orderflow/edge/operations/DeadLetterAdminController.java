package io.orderflow.edge.operations;

import io.orderflow.contracts.common.ErrorCode;
import io.orderflow.contracts.operations.DeadLetterRetryView;
import io.orderflow.contracts.operations.DeadLettersView;
import io.orderflow.contracts.operations.EvictDeadLetterSequenceCommand;
import io.orderflow.contracts.operations.FindDeadLettersQuery;
import io.orderflow.contracts.operations.RetryDeadLettersCommand;
import io.orderflow.edge.dispatch.Commands;
import io.orderflow.edge.dispatch.Queries;
import io.orderflow.edge.problem.ApiProblem;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * The dead letters of the read models' processors: events whose handler failed, parked with every later
 * event of the same aggregate (the sequence) while the processor goes on with the others.
 * <ul>
 * <li>{@code GET ?processingGroup=}: {@code {sequences: [{processingGroup, sequenceId, size, letters: [{letterId,
 * eventId, eventType, aggregateId, aggregateSequence, eventTimestamp, enqueuedAt, lastTouched, causeType,
 * causeMessage}]}]}};</li>
 * <li>{@code POST /{processingGroup}/retry} once the cause is fixed: {@code {processingGroup, retried,
 * succeeded, failed, remaining}};</li>
 * <li>{@code DELETE /{processingGroup}/{sequenceId}}: the sequence is never handled by that group
 * (until a replay): {@code {processingGroup, sequenceId, evicted}}.</li>
 * </ul>
 */
@RestController
@RequestMapping(path = "/api/admin/dead-letters", produces = MediaType.APPLICATION_JSON_VALUE)
class DeadLetterAdminController {

    private final Commands commands;
    private final Queries queries;

    DeadLetterAdminController(Commands commands, Queries queries) {
        this.commands = commands;
        this.queries = queries;
    }

    @GetMapping
    Mono<DeadLettersView> deadLetters(@RequestParam(required = false) String processingGroup) {
        return queries.one(new FindDeadLettersQuery(processingGroup), DeadLettersView.class)
                .switchIfEmpty(Mono.error(() -> ApiProblem.of(ErrorCode.PROCESSING_GROUP_NOT_FOUND,
                        "There is no processing group " + processingGroup + " with a dead-letter queue.")));
    }

    @PostMapping("/{processingGroup}/retry")
    Mono<DeadLetterRetryView> retry(@PathVariable String processingGroup) {
        return commands.ask(new RetryDeadLettersCommand(processingGroup), DeadLetterRetryView.class);
    }

    @DeleteMapping("/{processingGroup}/{sequenceId}")
    Mono<Eviction> evict(@PathVariable String processingGroup, @PathVariable String sequenceId) {
        return commands.ask(new EvictDeadLetterSequenceCommand(processingGroup, sequenceId), Integer.class)
                .map(evicted -> new Eviction(processingGroup, sequenceId, evicted));
    }

    /** How many parked events of the sequence were dropped. */
    record Eviction(String processingGroup, String sequenceId, int evicted) {
    }
}
