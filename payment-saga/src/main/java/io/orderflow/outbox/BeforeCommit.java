package io.orderflow.outbox;

import java.util.concurrent.CompletableFuture;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;

/**
 * Makes a unit of work wait, before it commits, for something sent during it (a Kafka acknowledgement):
 * records go out at once, in parallel, and the unit of work (an event processor's batch, or a command)
 * succeeds only if every one of them was acknowledged. Outside a unit of work, waits at once.
 */
public final class BeforeCommit {

    private BeforeCommit() {
    }

    public static void await(CompletableFuture<?> acknowledgement) {
        if (CurrentUnitOfWork.isStarted()) {
            CurrentUnitOfWork.get().root().onPrepareCommit(unitOfWork -> acknowledgement.join());
        } else {
            acknowledgement.join();
        }
    }
}
