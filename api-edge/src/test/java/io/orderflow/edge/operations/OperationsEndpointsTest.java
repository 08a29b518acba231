package io.orderflow.edge.operations;

import static org.assertj.core.api.Assertions.assertThat;

import io.orderflow.contracts.common.BusinessRuleViolation;
import io.orderflow.contracts.common.ErrorCode;
import io.orderflow.contracts.operations.DeadLetterRetryView;
import io.orderflow.contracts.operations.DeadLetterSequenceView;
import io.orderflow.contracts.operations.DeadLetterView;
import io.orderflow.contracts.operations.DeadLettersView;
import io.orderflow.contracts.operations.EvictDeadLetterSequenceCommand;
import io.orderflow.contracts.operations.FindDeadLettersQuery;
import io.orderflow.contracts.operations.ReadModelRebuildView;
import io.orderflow.contracts.operations.RebuildKind;
import io.orderflow.contracts.operations.RebuildState;
import io.orderflow.contracts.operations.ReplayReadModelCommand;
import io.orderflow.contracts.operations.RetryDeadLettersCommand;
import io.orderflow.contracts.operations.VerificationView;
import io.orderflow.contracts.operations.VerifyReadModelCommand;
import io.orderflow.edge.EdgeHttpTest;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

class OperationsEndpointsTest extends EdgeHttpTest {

    static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");

    @Nested
    class Replay {

        @Test
        void startsAReplayAndAnswersAcceptedWithWhereToFollowIt() {
            backend.answers(ReplayReadModelCommand.class, "rebuild-1");

            admin.post().uri("/api/admin/projections/{name}/replay", "order-details")
                    .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("requireIdentical", true))
                    .exchange()
                    .expectStatus().isAccepted()
                    .expectHeader().location("/api/admin/projections/order-details/replay/rebuild-1")
                    .expectBody()
                    .jsonPath("$.rebuildId").isEqualTo("rebuild-1")
                    .jsonPath("$.state").isEqualTo("BUILDING")
                    .jsonPath("$.status").isEqualTo("/api/admin/projections/order-details/replay/rebuild-1");
            assertThat(backend.commands(ReplayReadModelCommand.class))
                    .containsExactly(new ReplayReadModelCommand("order-details", true));
        }

        @Test
        void startsAReplayWithoutABody() {
            backend.answers(ReplayReadModelCommand.class, "rebuild-2");

            admin.post().uri("/api/admin/projections/{name}/replay", "product-catalogue").exchange().expectStatus().isAccepted();

            assertThat(backend.commands(ReplayReadModelCommand.class))
                    .containsExactly(new ReplayReadModelCommand("product-catalogue", false));
        }

        @Test
        void reportsProgressAndTheVerification() {
            backend.has(new ReadModelRebuildView("rebuild-1", "order-details", RebuildKind.REPLAY, RebuildState.VERIFYING,
                    1200, 5000, 3, 2, NOW, NOW, null, null, new VerificationView(300, 0, List.of())));

            admin.get().uri("/api/admin/projections/order-details/replay/rebuild-1").exchange()
                    .expectStatus().isOk()
                    .expectBody()
                    .jsonPath("$.state").isEqualTo("VERIFYING")
                    .jsonPath("$.processedEvents").isEqualTo(1200)
                    .jsonPath("$.totalEvents").isEqualTo(5000)
                    .jsonPath("$.verification.rowsCompared").isEqualTo(300)
                    .jsonPath("$.verification.differenceCount").isEqualTo(0);
        }

        @Test
        void knowsNoReplayUnderAnotherNameOrKind() {
            backend.has(new ReadModelRebuildView("rebuild-1", "order-details", RebuildKind.VERIFY, RebuildState.COMPLETED,
                    1, 1, 3, 2, NOW, NOW, NOW, null, null));

            expectProblem(admin.get().uri("/api/admin/projections/order-details/replay/rebuild-1").exchange(),
                    HttpStatus.NOT_FOUND, ErrorCode.REBUILD_NOT_FOUND);
            expectProblem(admin.get().uri("/api/admin/projections/product-catalogue/verify/rebuild-1").exchange(),
                    HttpStatus.NOT_FOUND, ErrorCode.REBUILD_NOT_FOUND);
            admin.get().uri("/api/admin/projections/order-details/verify/rebuild-1").exchange().expectStatus().isOk();
        }

        @Test
        void answersConflictWhileARebuildRuns() {
            backend.failsNextCommandsWith(new BusinessRuleViolation(ErrorCode.REBUILD_ALREADY_RUNNING, "running"));

            expectProblem(admin.post().uri("/api/admin/projections/order-details/verify").exchange(), HttpStatus.CONFLICT,
                    ErrorCode.REBUILD_ALREADY_RUNNING);
        }

        @Test
        void answersNotFoundForAnUnknownReadModel() {
            backend.failsNextCommandsWith(new BusinessRuleViolation(ErrorCode.READ_MODEL_NOT_FOUND, "no such model"));

            expectProblem(admin.post().uri("/api/admin/projections/nothing/replay").exchange(), HttpStatus.NOT_FOUND,
                    ErrorCode.READ_MODEL_NOT_FOUND);
        }

        @Test
        void startsAVerification() {
            backend.answers(VerifyReadModelCommand.class, "rebuild-3");

            admin.post().uri("/api/admin/projections/order-details/verify").exchange()
                    .expectStatus().isAccepted()
                    .expectHeader().location("/api/admin/projections/order-details/verify/rebuild-3");
        }

        @Test
        void listsTheReadModelsWithTheirGeneration() {
            admin.get().uri("/api/admin/projections").exchange()
                    .expectStatus().isOk()
                    .expectBody()
                    .jsonPath("$[0].name").isEqualTo("order-details")
                    .jsonPath("$[0].generation").isEqualTo(1);
        }
    }

    @Nested
    class DeadLetters {

        @Test
        void listsTheParkedSequences() {
            backend.has(new DeadLettersView(List.of(new DeadLetterSequenceView("order-details", "order-1", 2, List.of(
                    new DeadLetterView("letter-1", "event-1", "OrderPlaced", "order-1", 0L, NOW, NOW, NOW,
                            "org.postgresql.util.PSQLException", "poison"))))));

            admin.get().uri("/api/admin/dead-letters?processingGroup=order-details").exchange()
                    .expectStatus().isOk()
                    .expectBody()
                    .jsonPath("$.sequences[0].sequenceId").isEqualTo("order-1")
                    .jsonPath("$.sequences[0].size").isEqualTo(2)
                    .jsonPath("$.sequences[0].letters[0].causeMessage").isEqualTo("poison");
            assertThat(backend.queries(FindDeadLettersQuery.class)).containsExactly(new FindDeadLettersQuery("order-details"));
        }

        @Test
        void answersNotFoundForAGroupWithoutDeadLetterQueue() {
            expectProblem(admin.get().uri("/api/admin/dead-letters?processingGroup=order-saga").exchange(),
                    HttpStatus.NOT_FOUND, ErrorCode.PROCESSING_GROUP_NOT_FOUND);
        }

        @Test
        void retriesAGroupAndAnswersWhatHappened() {
            backend.answers(RetryDeadLettersCommand.class, new DeadLetterRetryView("order-details", 2, 1, 1, 1));

            admin.post().uri("/api/admin/dead-letters/order-details/retry").exchange()
                    .expectStatus().isOk()
                    .expectBody()
                    .jsonPath("$.retried").isEqualTo(2)
                    .jsonPath("$.succeeded").isEqualTo(1)
                    .jsonPath("$.remaining").isEqualTo(1);
        }

        @Test
        void evictsASequence() {
            backend.answers(EvictDeadLetterSequenceCommand.class, 3);

            admin.delete().uri("/api/admin/dead-letters/order-details/order-1").exchange()
                    .expectStatus().isOk()
                    .expectBody().jsonPath("$.evicted").isEqualTo(3);
            assertThat(backend.commands(EvictDeadLetterSequenceCommand.class))
                    .containsExactly(new EvictDeadLetterSequenceCommand("order-details", "order-1"));
        }

        @Test
        void answersNotFoundForAnUnknownSequence() {
            backend.failsNextCommandsWith(new BusinessRuleViolation(ErrorCode.DEAD_LETTER_NOT_FOUND, "none"));

            expectProblem(admin.delete().uri("/api/admin/dead-letters/order-details/order-9").exchange(),
                    HttpStatus.NOT_FOUND, ErrorCode.DEAD_LETTER_NOT_FOUND);
        }
    }
}
