package io.orderflow.saga;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;

/**
 * How the order process sends its commands: at once and without waiting for each, but never fire and
 * forget. Every command must have succeeded before the unit of work that handles the saga's event (its
 * processor's batch, or a deadline) commits; a failed one fails it, so that the event is handled again
 * with back-off and the saga's state never runs ahead of what its commands did. On the local command bus
 * the commands run in that unit of work's transaction; on a distributed one they run in parallel and are
 * awaited together.
 */
public class SagaCommands {

    private final CommandGateway gateway;

    /** {@code gateway} should not retry by itself: a retry belongs to the processor, with the whole event. */
    public SagaCommands(CommandGateway gateway) {
        this.gateway = gateway;
    }

    public void send(Object command) {
        CompletableFuture<Object> result = gateway.send(command);
        if (CurrentUnitOfWork.isStarted()) {
            CurrentUnitOfWork.get().onPrepareCommit(unitOfWork -> requireSuccess(result, command));
        } else {
            requireSuccess(result, command);
        }
    }

    private static void requireSuccess(CompletableFuture<Object> result, Object command) {
        try {
            result.join();
        } catch (CompletionException failed) {
            throw new CommandFailed(command, failed.getCause());
        }
    }

    /** A command of the order process failed; the event that caused it is handled again, and parked if it keeps failing. */
    public static final class CommandFailed extends RuntimeException {

        CommandFailed(Object command, Throwable cause) {
            super(command.getClass().getSimpleName() + " failed: " + cause, cause);
        }
    }
}
