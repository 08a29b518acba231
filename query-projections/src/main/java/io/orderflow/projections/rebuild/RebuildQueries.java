package io.orderflow.projections.rebuild;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.orderflow.contracts.operations.FindReadModelRebuildQuery;
import io.orderflow.contracts.operations.FindReadModelsQuery;
import io.orderflow.contracts.operations.ReadModelRebuildView;
import io.orderflow.contracts.operations.ReadModelView;
import io.orderflow.contracts.operations.RebuildKind;
import io.orderflow.contracts.operations.RebuildState;
import io.orderflow.contracts.operations.RowDifferenceView;
import io.orderflow.contracts.operations.VerificationView;
import io.orderflow.platform.axon.ProcessorLag;
import io.r2dbc.postgresql.codec.Json;
import io.r2dbc.spi.Readable;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/** Answers how rebuilds are going and which generation serves each read model, over R2DBC. */
@Component
class RebuildQueries {

    private static final TypeReference<List<RowDifferenceView>> DIFFERENCES = new TypeReference<>() {
    };

    private final DatabaseClient database;
    private final ProcessorLag lag;
    private final ObjectMapper json = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    RebuildQueries(DatabaseClient database, JdbcTemplate jdbc) {
        this.database = database;
        this.lag = new ProcessorLag(jdbc);
    }

    @QueryHandler
    CompletableFuture<ReadModelRebuildView> handle(FindReadModelRebuildQuery query) {
        UUID id;
        try {
            id = UUID.fromString(query.rebuildId());
        } catch (IllegalArgumentException notAnId) {
            return CompletableFuture.completedFuture(null);
        }
        return database.sql("""
                        SELECT id, read_model, kind, state, generation, live_generation, processed_events, total_events,
                               started_at, updated_at, finished_at, failure, rows_compared, difference_count, differences,
                               updated_at < now() - make_interval(secs => :abandonedAfter) AS silent
                          FROM projections.rebuild
                         WHERE id = :id AND read_model = :readModel
                        """)
                .bind("id", id)
                .bind("readModel", query.readModel())
                .bind("abandonedAfter", (double) RebuildLog.ABANDONED_AFTER.toSeconds())
                .map(this::toView)
                .one()
                .toFuture();
    }

    /** Each read model's lag as its processor's, read from the token store like the health check's (blocking JDBC). */
    @QueryHandler
    CompletableFuture<List<ReadModelView>> handle(FindReadModelsQuery query) {
        return Mono.fromCallable(lag::snapshot).subscribeOn(Schedulers.boundedElastic())
                .flatMap(processors -> database.sql("SELECT name, generation, activated_at FROM projections.read_model ORDER BY name")
                        .map(row -> {
                            String name = row.get("name", String.class);
                            return new ReadModelView(name, row.get("generation", Integer.class),
                                    row.get("activated_at", OffsetDateTime.class).toInstant(), processors.lagOf(name));
                        })
                        .all()
                        .collectList())
                .toFuture();
    }

    private ReadModelRebuildView toView(Readable row) {
        RebuildState state = RebuildState.valueOf(row.get("state", String.class));
        if (!state.isFinished() && Boolean.TRUE.equals(row.get("silent", Boolean.class))) {
            state = RebuildState.ABANDONED;
        }
        Long compared = row.get("rows_compared", Long.class);
        VerificationView verification = compared == null ? null
                : new VerificationView(compared, row.get("difference_count", Long.class), differences(row.get("differences", Json.class)));
        return new ReadModelRebuildView(
                row.get("id", UUID.class).toString(),
                row.get("read_model", String.class),
                RebuildKind.valueOf(row.get("kind", String.class)),
                state,
                row.get("processed_events", Long.class),
                row.get("total_events", Long.class),
                row.get("generation", Integer.class),
                row.get("live_generation", Integer.class),
                instant(row, "started_at"),
                instant(row, "updated_at"),
                instant(row, "finished_at"),
                row.get("failure", String.class),
                verification);
    }

    private List<RowDifferenceView> differences(Json differences) {
        if (differences == null) {
            return List.of();
        }
        try {
            return json.readValue(differences.asString(), DIFFERENCES);
        } catch (Exception e) {
            throw new IllegalStateException("cannot read the recorded differences", e);
        }
    }

    private static Instant instant(Readable row, String column) {
        OffsetDateTime at = row.get(column, OffsetDateTime.class);
        return at == null ? null : at.toInstant();
    }
}
