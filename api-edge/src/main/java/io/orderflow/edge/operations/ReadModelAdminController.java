package io.orderflow.edge.operations;

import io.orderflow.contracts.common.ErrorCode;
import io.orderflow.contracts.operations.FindReadModelRebuildQuery;
import io.orderflow.contracts.operations.FindReadModelsQuery;
import io.orderflow.contracts.operations.ReadModelRebuildView;
import io.orderflow.contracts.operations.ReadModelView;
import io.orderflow.contracts.operations.RebuildKind;
import io.orderflow.contracts.operations.RebuildState;
import io.orderflow.contracts.operations.ReplayReadModelCommand;
import io.orderflow.contracts.operations.VerifyReadModelCommand;
import io.orderflow.edge.dispatch.Commands;
import io.orderflow.edge.dispatch.Queries;
import io.orderflow.edge.problem.ApiProblem;
import java.net.URI;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.UriComponentsBuilder;
import reactor.core.publisher.Mono;

/**
 * The read models ({@code order-details}, {@code product-catalogue}): which generation serves each, and
 * replaying or verifying one. Both answer {@code 202} with the rebuild's {@code Location}; polling it
 * shows {@code {id, readModel, kind, state, processedEvents, totalEvents, generation, liveGeneration,
 * startedAt, updatedAt, finishedAt, failure, verification: {rowsCompared, differenceCount, differences}}}.
 * A second rebuild of the same read model while one runs answers {@code 409 REBUILD_ALREADY_RUNNING}.
 */
@RestController
@RequestMapping(path = "/api/admin/projections", produces = MediaType.APPLICATION_JSON_VALUE)
class ReadModelAdminController {

    private final Commands commands;
    private final Queries queries;

    ReadModelAdminController(Commands commands, Queries queries) {
        this.commands = commands;
        this.queries = queries;
    }

    @GetMapping
    Mono<List<ReadModelView>> readModels() {
        return queries.many(new FindReadModelsQuery(), ReadModelView.class);
    }

    /** Body optional: {@code {"requireIdentical": true}} refuses to switch when the rebuild differs from the live read model. */
    @PostMapping("/{name}/replay")
    Mono<ResponseEntity<RebuildReference>> replay(@PathVariable String name,
                                                  @RequestBody(required = false) ReplayRequest request) {
        boolean requireIdentical = request != null && Boolean.TRUE.equals(request.requireIdentical());
        return commands.ask(new ReplayReadModelCommand(name, requireIdentical), String.class)
                .map(id -> RebuildReference.accepted(name, RebuildKind.REPLAY, id));
    }

    @GetMapping("/{name}/replay/{rebuildId}")
    Mono<ReadModelRebuildView> replayStatus(@PathVariable String name, @PathVariable String rebuildId) {
        return rebuild(name, rebuildId, RebuildKind.REPLAY);
    }

    @PostMapping("/{name}/verify")
    Mono<ResponseEntity<RebuildReference>> verify(@PathVariable String name) {
        return commands.ask(new VerifyReadModelCommand(name), String.class)
                .map(id -> RebuildReference.accepted(name, RebuildKind.VERIFY, id));
    }

    @GetMapping("/{name}/verify/{rebuildId}")
    Mono<ReadModelRebuildView> verifyStatus(@PathVariable String name, @PathVariable String rebuildId) {
        return rebuild(name, rebuildId, RebuildKind.VERIFY);
    }

    private Mono<ReadModelRebuildView> rebuild(String name, String rebuildId, RebuildKind kind) {
        return queries.one(new FindReadModelRebuildQuery(name, rebuildId), ReadModelRebuildView.class)
                .filter(rebuild -> rebuild.kind() == kind)
                .switchIfEmpty(Mono.error(() -> ApiProblem.of(ErrorCode.REBUILD_NOT_FOUND,
                        "There is no " + kind.name().toLowerCase() + " " + rebuildId + " of " + name + ".")));
    }

    /** Body of a replay request. */
    record ReplayRequest(Boolean requireIdentical) {
    }

    /** The answer to starting a rebuild: which one, and (in {@code Location} and {@code status}) where to follow it. */
    record RebuildReference(String rebuildId, String readModel, RebuildKind kind, RebuildState state, URI status) {

        static ResponseEntity<RebuildReference> accepted(String readModel, RebuildKind kind, String rebuildId) {
            URI location = UriComponentsBuilder.fromPath("/api/admin/projections/{name}/{kind}/{id}")
                    .build(readModel, kind.name().toLowerCase(), rebuildId);
            return ResponseEntity.accepted().location(location)
                    .body(new RebuildReference(rebuildId, readModel, kind, RebuildState.BUILDING, location));
        }
    }
}
