package io.orderflow.auditor;

import io.orderflow.contracts.operations.RowDifferenceView;
import io.orderflow.contracts.operations.VerificationView;
import io.orderflow.projections.readmodel.ReadModel;
import io.orderflow.projections.rebuild.ScratchReplay;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;

/**
 * Every read model equals a fresh replay: each one is rebuilt from the first event into a scratch
 * generation by its own projection ({@link ScratchReplay}, the machinery of the replay endpoint),
 * compared row by row with the generation readers see, and dropped. No view is switched and no token
 * moved; the system must be at rest (its processors caught up), or rows it has not projected yet differ.
 */
final class ReadModelCheck implements AuditCheck {

    static final String NAME = "read-models";

    private final List<ReadModel> readModels;
    private final ScratchReplay replay;
    private final EventStorageEngine events;

    ReadModelCheck(List<ReadModel> readModels, ScratchReplay replay, EventStorageEngine events) {
        this.readModels = readModels;
        this.replay = replay;
        this.events = events;
    }

    @Override
    public CheckResult run(AuditedState state) {
        List<Violation> violations = new ArrayList<>();
        List<String> compared = new ArrayList<>();
        for (ReadModel readModel : readModels) {
            VerificationView verification;
            try (Stream<? extends org.axonframework.eventhandling.TrackedEventMessage<?>> stream = events.readEvents(null, false)) {
                verification = replay.verify(readModel, stream);
            }
            compared.add(readModel.name() + ": " + verification.rowsCompared() + " rows, " + verification.differenceCount() + " differ");
            for (RowDifferenceView difference : verification.differences()) {
                violations.add(new Violation(NAME, difference.table() + " " + difference.key(), describe(difference)));
            }
            long unshown = verification.differenceCount() - verification.differences().size();
            if (unshown > 0) {
                violations.add(new Violation(NAME, readModel.name(), unshown + " more rows differ"));
            }
        }
        return new CheckResult(NAME, "every read model equals a fresh replay of the event store", String.join("; ", compared), violations);
    }

    private static String describe(RowDifferenceView difference) {
        if (difference.live() == null) {
            return "missing from the live read model";
        }
        if (difference.rebuilt() == null) {
            return "in the live read model, but no event produces it";
        }
        StringBuilder out = new StringBuilder("differs in");
        for (String column : difference.columns()) {
            out.append(' ').append(column).append(" (live ").append(difference.live().get(column))
                    .append(", replayed ").append(difference.rebuilt().get(column)).append(')');
        }
        return out.toString();
    }
}
